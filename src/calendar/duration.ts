/** Units of a duration (`s`, `m`, `h`, `d`; a day is 86,400 s), in milliseconds. */
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const DURATION = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([smhd])\s*$/i;

/**
 * A duration as the definitions write it: a decimal number and one unit, `30s`, `5m`, `1.5h`, `2d`.
 * Milliseconds (rounded to the microsecond, so `1.1h` is exactly 3,960,000), or undefined when unreadable.
 */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * (UNIT_MS[(m[2] as string).toLowerCase()] as number);
  return Math.round(ms * 1000) / 1000;
}

export const DURATION_HINT = 'a number and a unit s, m, h or d, like 30s, 5m, 1.5h or 2d';
