import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;

/** Offset of `tz` at the instant `ms`, in milliseconds (whole seconds, as tzOffset's minutes allow). */
export function offsetMs(tz: string, ms: number): number {
  return -Math.round(-tzOffset(tz, new Date(ms)) * 60) * 1000;
}

/**
 * A wall-clock time in an IANA zone → epoch ms. A local time in a daylight-saving gap is read with
 * the offset in force before the gap (so it moves forward by the gap's length); a local time that
 * occurs twice is its first occurrence. Fields may overflow (hour 24 is the next day's 00:00).
 */
export function localToUtc(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const naive = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  // Offsets in force a day before and a day after: tzdb has no two changes that close together.
  const before = offsetMs(tz, naive - DAY_MS);
  const after = offsetMs(tz, naive + DAY_MS);
  const early = naive - before;
  if (before === after) return early;
  const late = naive - after;
  const earlyValid = offsetMs(tz, early) === before;
  const lateValid = offsetMs(tz, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // occurs twice: the first occurrence
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // in the gap: the offset before it
}
