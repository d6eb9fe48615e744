import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Offsets by zone and UTC hour, for hours whose two ends agree (a few thousand entries at most). */
const offsetCache = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 100_000;

const exactOffset = (tz: string, t: number): number => -Math.round(-tzOffset(tz, new Date(t)) * 60) * 1000;

/**
 * Offset of `tz` at the instant `ms`, in milliseconds east of UTC (whole seconds, as tzOffset's
 * minutes allow), cached per UTC hour when the offset is the same at both ends of it.
 */
export function offsetMs(tz: string, ms: number): number {
  let zone = offsetCache.get(tz);
  if (zone === undefined) offsetCache.set(tz, (zone = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  const start = exactOffset(tz, hour * HOUR_MS);
  if (start !== exactOffset(tz, hour * HOUR_MS + HOUR_MS - 1)) return exactOffset(tz, ms);
  if (zone.size >= CACHE_LIMIT) zone.clear();
  zone.set(hour, start);
  return start;
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
  if (before === after && offsetMs(tz, early) === before) return early;
  const late = naive - after;
  const earlyValid = offsetMs(tz, early) === before;
  const lateValid = offsetMs(tz, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // occurs twice: the first occurrence
  if (lateValid && !earlyValid) return late;
  return early; // in the gap: the offset before it
}
