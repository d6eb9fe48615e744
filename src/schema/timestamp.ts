import { localToUtc } from '../calendar/zone.js';
import { TZDate } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';

/**
 * ISO 8601 as docs/definitions.md §1 accepts it: `YYYY-MM-DD`, `T` or a space, `HH:MM[:SS[.fff…]]`,
 * then `Z`, `±HH:MM`, `±HHMM` or nothing (read in the report's time zone). Also what databases
 * and exports write: an hour-only offset `±HH` (PostgreSQL's `2025-01-06 10:00:00+00`) and a
 * trailing ` UTC` or ` GMT` (`2025-01-06 10:00:00 UTC`).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?| ?(?:UTC|GMT|utc|gmt))?$/;
/** Instants botkpi accepts: from 1970-01-01T00:00Z to before year 10000 (outside, dates cannot be labelled or bucketed). */
export const EARLIEST_MS = 0;
export const LATEST_MS = Date.UTC(10000, 0, 1) - 1;
const inRange = (ms: number): number => (ms >= EARLIEST_MS && ms <= LATEST_MS ? ms : NaN);
const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;
/** Epoch numbers below this are seconds, at or above it milliseconds. */
const EPOCH_MS_FROM = 1e11;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** A real calendar date (month 1–12). NaN fields fail every comparison, so they are not valid either. */
function isDate(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** A real date and a wall-clock time of day (no leap seconds). */
function isDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return isDate(y, mo, d) && h <= 23 && mi <= 59 && s <= 59;
}

export function epochToMs(n: number): number {
  return n < EPOCH_MS_FROM ? n * 1000 : n;
}

/**
 * Wall-clock fields in an IANA zone → epoch ms (definitions §7 "Local times": a time in a gap takes
 * the offset before it, a time that occurs twice is its first occurrence). UTC takes the fast path.
 */
export function wallClockToMs(
  tz: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
): number {
  if (tz === 'UTC' || tz === 'Etc/UTC') return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  return localToUtc(tz, y, mo, d, h, mi, s, ms);
}

/** The digit at `i` of `s`, or NaN. */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * The forms exports write most, read without a regular expression: `YYYY-MM-DD`, `T` or a space,
 * `HH:MM:SS`, an optional fraction `.f…`, then `Z`/`z` or `±HH:MM`. Undefined for anything else
 * (including invalid dates and out-of-range offsets), which then takes the general path; where it
 * answers, the answer is the general path's, computed with the same arithmetic (property-tested).
 */
function isoFast(s: string): number | undefined {
  const n = s.length;
  if (n < 20) return undefined;
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined; // 'T' or ' ', '-', ':'
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const mo = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  const h = digit(s, 11) * 10 + digit(s, 12);
  const mi = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  // A non-digit anywhere gives NaN, which is not a valid date.
  if (!isDateTime(y, mo, d, h, mi, sec)) return undefined;
  let i = 19;
  let frac = 0;
  if (s.charCodeAt(i) === 46) {
    // '.': the fraction's digits; up to three are whole milliseconds (n · 10^(3−k), exactly what
    // Number('0.' + digits) · 1000 gives for k ≤ 3), longer ones take the general path's expression.
    const from = ++i;
    let value = 0;
    while (i < n) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
      i++;
    }
    const k = i - from;
    if (k === 0) return undefined;
    frac = k === 3 ? value : k === 2 ? value * 10 : k === 1 ? value * 100 : Number(`0.${s.slice(from, i)}`) * 1000;
  }
  const zone = s.charCodeAt(i);
  const base = Date.UTC(y, mo - 1, d, h, mi, sec, 0) + frac;
  if (zone === 90 || zone === 122) return i + 1 === n ? base : undefined; // 'Z', 'z'
  if ((zone !== 43 && zone !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return undefined; // '+' or '-', 'HH:MM'
  const oh = digit(s, i + 1) * 10 + digit(s, i + 2);
  const om = digit(s, i + 4) * 10 + digit(s, i + 5);
  if (!(oh <= 23 && om <= 59)) return undefined;
  const sign = zone === 45 ? -1 : 1;
  return base - sign * (oh * 60 + om) * 60_000;
}

/**
 * A plain decimal epoch number (`1736196668919`, `1736196668.5`): `Number` of it, as the general
 * path takes it; undefined for anything else.
 */
function epochFast(s: string): number | undefined {
  const n = s.length;
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0; // '+', '-'
  const from = i;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === from) return undefined;
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return undefined; // '.'
    const dot = ++i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === dot || i < n) return undefined;
  }
  return epochToMs(Number(s));
}

/**
 * Parses a timestamp value into epoch milliseconds, or returns NaN.
 * Numbers and numeric strings are epoch seconds (< 1e11) or milliseconds.
 */
export function parseTimestamp(value: unknown, tz: string): number {
  if (typeof value === 'string') {
    const c = value.charCodeAt(0);
    const fast = c >= 48 && c <= 57 && value.length >= 20 && value.charCodeAt(4) === 45 ? isoFast(value) : epochFast(value);
    if (fast !== undefined) return inRange(fast);
  }
  return parseTimestampGeneral(value, tz);
}

/** The general path alone (no shortcut): what the shortcuts must agree with. */
export function parseTimestampGeneral(value: unknown, tz: string): number {
  if (typeof value === 'number') return inRange(epochToMs(value)); // NaN and ±Infinity fail the range
  if (typeof value !== 'string') return NaN;
  return inRange(parseText(value.trim(), tz));
}

function parseText(s: string, tz: string): number {
  if (EPOCH.test(s)) return epochToMs(Number(s));
  const m = ISO.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (!isDateTime(y, mo, d, h, mi, sec)) return NaN;
  // Fractions beyond milliseconds are kept (as a fractional millisecond).
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const zone = m[8];
  if (zone === undefined) return wallClockToMs(tz, y, mo, d, h, mi, sec, 0) + frac;
  const base = Date.UTC(y, mo - 1, d, h, mi, sec, 0) + frac;
  if (zone === 'Z' || zone === 'z' || /[A-Za-z]$/.test(zone)) return base;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (oh > 23 || om > 59) return NaN;
  return base - sign * (oh * 60 + om) * 60_000;
}

/** True when `tz` is an IANA zone name the runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a `--since/--until` bound: a date (`2025-01-06`, midnight in tz) or any timestamp the
 * input accepts. Returns NaN when it cannot.
 */
export function parseBound(value: string, tz: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (date) {
    const y = Number(date[1]);
    const mo = Number(date[2]);
    const d = Number(date[3]);
    if (!isDate(y, mo, d)) return NaN;
    return inRange(wallClockToMs(tz, y, mo, d, 0, 0, 0, 0));
  }
  return parseTimestamp(value, tz);
}

/** An instant as ISO 8601 in the zone with milliseconds: `2025-01-13T00:00:00.000+01:00` (`….000Z` in UTC). */
export function isoMsIn(ms: number, tz: string): string {
  return tz === 'UTC' ? new Date(ms).toISOString() : format(new TZDate(ms, tz), "yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
}

/** An instant as ISO 8601 in the zone: `2025-01-13T00:00:00+01:00` (`Z` in UTC). */
export function isoIn(ms: number, tz: string): string {
  return formatISO(new TZDate(ms, tz));
}
