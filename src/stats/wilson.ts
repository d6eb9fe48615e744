/** z for a two-sided 95 % interval, as docs/definitions.md fixes it (its opening). */
export const Z95 = 1.959964;

/**
 * Wilson score interval for k successes out of n, clamped to [0, 1].
 * Returns null when n is 0 (no interval exists).
 */
export function wilson(k: number, n: number, z: number = Z95): [number, number] | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // The interval always contains p; clamping to it also removes rounding error at k = 0 and k = n.
  return [Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half))];
}
