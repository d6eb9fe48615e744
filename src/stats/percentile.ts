/**
 * Percentile of an ascending-sorted sample with linear interpolation between closest ranks
 * (R-7, NumPy's default, DuckDB's quantile_cont): h = (n−1)·p, x[⌊h⌋] + (h−⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo >= n - 1) return sorted[n - 1] as number;
  const b = sorted[lo + 1] as number;
  return a + (h - lo) * (b - a);
}

export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

/** Sorts a copy of the values, each divided by `divisor`, ascending into a Float64Array (numeric sort, no comparator). */
export function sortedCopy(values: readonly number[], divisor = 1): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) / divisor;
  out.sort();
  return out;
}
