import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import type { BusinessCalendar } from '../calendar/schedule.js';
import type { Conversation } from '../model.js';
import { isContained } from './derive.js';

/** Breakdown dimensions (`--by`). */
export const DIMENSIONS = ['channel', 'language', 'market', 'intent', 'hour', 'weekday', 'day', 'week', 'month', 'hours'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Attributes `--where` can filter on: the dimensions plus conversation facts. */
export const ATTRIBUTES = [
  ...DIMENSIONS,
  'customer_id',
  'conversation_id',
  'bot_engaged',
  'bot_answered',
  'escalated',
  'contained',
  'resolved',
  'fallback_loop',
  'repeated_reply',
  'asked_for_human',
  'shouting',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

const TIME_FORMATS = {
  hour: 'HH',
  weekday: 'EEE',
  day: 'yyyy-MM-dd',
  // ISO week-numbering year and ISO week: 2025-W07.
  week: "RRRR-'W'II",
  month: 'yyyy-MM',
} as const;
export type TimeBucket = keyof typeof TIME_FORMATS;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Labels are computed here for instants from 1973 to just before year 10000; outside that span, and
 * for NaN, date-fns formats them itself. Before 1973 some zones still had offsets with seconds
 * (Africa/Monrovia's −0:44:30 until 1972), near which date-fns' ISO weeks on a TZDate come out
 * differently (1971-W00).
 */
const FAST_FROM = Date.parse('1973-01-01T00:00:00Z');
const FAST_UNTIL = Date.parse('9999-12-31T00:00:00Z');

const HOURS = Array.from({ length: 24 }, (_, h) => pad2(h));
/** date-fns `EEE` in its default (en-US) locale, indexed by `getUTCDay()`. */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Offset of `tz` at `ms` exactly as TZDate applies it: tzOffset's minutes, rounded to whole seconds. */
function offsetAt(tz: string, ms: number): number {
  return -Math.round(-tzOffset(tz, new Date(ms)) * 60) * 1000;
}

/** One slot per UTC hour, direct-mapped: about 3.7 years of hours before slots are reused. */
const SLOTS = 1 << 15;
const EMPTY = -(2 ** 31);

/**
 * Per-zone offsets by UTC hour. A zone's offset is looked up once per hour instead of once per
 * call (each lookup formats a date with Intl). An hour is cached only when the offset at its first
 * and last millisecond agree; tzdb has no two offset changes within days of each other, so equal
 * ends mean no change inside. Hours with a change inside (Australia/Lord_Howe and America/St_Johns
 * switch at half past a UTC hour) are looked up per call.
 */
class ZoneOffsets {
  /** The offset when the zone never changes (UTC, Etc/GMT±N, a name Intl rejects); else undefined. */
  private readonly fixed: number | undefined;
  private readonly hours = new Int32Array(SLOTS).fill(EMPTY);
  private readonly offsets = new Int32Array(SLOTS);

  constructor(private readonly tz: string) {
    this.fixed = isFixed(tz) ? offsetAt(tz, 0) : undefined;
  }

  /** Offset in ms at `ms` (an integer in the fast range); NaN for a zone tzOffset cannot read. */
  at(ms: number): number {
    if (this.fixed !== undefined) return this.fixed;
    const hour = Math.floor(ms / HOUR_MS);
    const slot = hour & (SLOTS - 1);
    if (this.hours[slot] === hour) return this.offsets[slot] as number;
    const start = hour * HOUR_MS;
    const offset = offsetAt(this.tz, start);
    if (offset !== offsetAt(this.tz, start + HOUR_MS - 1)) return offsetAt(this.tz, ms);
    this.hours[slot] = hour;
    this.offsets[slot] = offset;
    return offset;
  }
}

/**
 * UTC and the Etc/ zones are fixed offsets. A name Intl rejects is too: tzOffset then reads the
 * offset from the name itself (`+05:30`) or gives NaN.
 */
function isFixed(tz: string): boolean {
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return true;
  }
  return canonical === 'UTC' || canonical.startsWith('Etc/');
}

/** Offset caches by zone name; a run uses one zone, so a handful is plenty. */
const zones = new Map<string, ZoneOffsets>();
const MAX_ZONES = 8;

function zoneOffsets(tz: string): ZoneOffsets {
  let zone = zones.get(tz);
  if (zone === undefined) {
    if (zones.size >= MAX_ZONES) zones.clear();
    zone = new ZoneOffsets(tz);
    zones.set(tz, zone);
  }
  return zone;
}

/** Reused to read calendar fields of wall-clock times (kept in UTC so the host zone plays no part). */
const wall = new Date(0);

/**
 * Formats the start of a conversation as a time bucket label in `tz`: the same text as date-fns
 * `format(new TZDate(ms, tz), …)` with the bucket's pattern, computed from the zone's offset at
 * `ms` and UTC calendar arithmetic on the wall-clock time (it runs once per conversation and time
 * dimension).
 */
export function timeLabel(ms: number, bucket: TimeBucket, tz: string): string {
  // Date truncates fractional milliseconds towards zero.
  const t = Math.trunc(ms);
  if (!(t >= FAST_FROM && t < FAST_UNTIL)) return format(new TZDate(ms, tz), TIME_FORMATS[bucket]);
  const offset = zoneOffsets(tz).at(t);
  // NaN for a zone tzOffset cannot read (date-fns throws); seconds as before 1973 (see FAST_FROM).
  if (offset % MINUTE_MS !== 0) return format(new TZDate(ms, tz), TIME_FORMATS[bucket]);
  const local = t + offset;
  const day = Math.floor(local / DAY_MS);
  switch (bucket) {
    case 'hour':
      return HOURS[Math.floor((local - day * DAY_MS) / HOUR_MS)] as string;
    case 'weekday':
      // 1970-01-01 (day 0) was a Thursday; days in the span are positive.
      return WEEKDAYS[(day + 4) % 7] as string;
    case 'day':
      wall.setTime(local);
      return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
    case 'month':
      wall.setTime(local);
      return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}`;
    case 'week': {
      // ISO 8601: a week (Monday–Sunday) belongs to the year of its Thursday and is numbered from
      // the week holding that year's first Thursday.
      const thursday = day - ((day + 3) % 7) + 3;
      wall.setTime(thursday * DAY_MS);
      const year = wall.getUTCFullYear();
      wall.setUTCMonth(0, 1);
      const week = Math.floor((thursday - wall.getTime() / DAY_MS) / 7) + 1;
      return `${year}-W${pad2(week)}`;
    }
  }
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

/** `business` when the conversation starts while its schedule is open, else `after_hours`; null without a schedule. */
export function hoursLabel(c: Conversation, calendar: BusinessCalendar | undefined): string | null {
  if (calendar === undefined) return null;
  return calendar.scheduleFor(c.market).open(c.start) ? 'business' : 'after_hours';
}

/** The value of an attribute for a conversation, as text; null when missing. */
export function attribute(c: Conversation, name: Attribute, tz: string, calendar?: BusinessCalendar): string | null {
  switch (name) {
    case 'channel':
      return c.channel ?? null;
    case 'language':
      return c.language ?? null;
    case 'market':
      return c.market ?? null;
    case 'intent':
      return c.primaryIntent ?? null;
    case 'customer_id':
      return c.customerId ?? null;
    case 'conversation_id':
      return c.id;
    case 'hour':
    case 'weekday':
    case 'day':
    case 'week':
    case 'month':
      return timeLabel(c.start, name, tz);
    case 'hours':
      return hoursLabel(c, calendar);
    case 'bot_engaged':
      return bool(c.botEngaged);
    case 'bot_answered':
      return bool(c.botAnswered);
    case 'escalated':
      return bool(c.escalated);
    case 'contained':
      return bool(isContained(c));
    case 'resolved':
      return c.resolved === undefined ? null : bool(c.resolved);
    case 'fallback_loop':
      return bool(c.quality.fallbackLoop);
    case 'repeated_reply':
      return bool(c.quality.repeatedReply);
    case 'asked_for_human':
      return bool(c.quality.askedForHuman);
    case 'shouting':
      return bool(c.quality.shouting);
  }
}
