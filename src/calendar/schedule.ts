/**
 * Business hours (definitions section 7): weekly schedules in a time zone, with holidays, and the two
 * questions the KPIs ask of them — is the schedule open at instant t, and how many of the seconds in
 * [a, b) were open. Pure: the zone arithmetic is done by @date-fns/tz (see zone.ts).
 */
import { localToUtc } from './zone.js';

const DAY_MS = 86_400_000;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** An opening interval of a day in wall-clock minutes since local midnight: [start, end), end ≤ 1440. */
export type MinuteInterval = readonly [start: number, end: number];

/** One schedule, validated: its zone, the intervals of each weekday, and closed local dates. */
export interface ScheduleSpec {
  timezone: string;
  week: Partial<Record<WeekdayKey, readonly MinuteInterval[]>>;
  /** Local dates `YYYY-MM-DD` closed all day. */
  holidays: readonly string[];
}

/** An instant interval [start, end) in epoch ms. */
export type Span = readonly [start: number, end: number];

/** Joins overlapping or touching spans; returns them sorted. */
export function joinSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** A schedule with its open spans computed per local date on demand (and kept: dates repeat). */
export class Schedule {
  readonly timezone: string;
  private readonly week: readonly (readonly MinuteInterval[])[];
  private readonly holidays: ReadonlySet<string>;
  private readonly days = new Map<number, Span[]>();

  constructor(spec: ScheduleSpec) {
    this.timezone = spec.timezone;
    // Indexed like getUTCDay(): 0 = Sunday.
    this.week = [6, 0, 1, 2, 3, 4, 5].map((i) => spec.week[WEEKDAY_KEYS[i] as WeekdayKey] ?? []);
    this.holidays = new Set(spec.holidays);
  }

  /**
   * The open spans of one local date (days since 1970-01-01): each interval mapped to instants on its
   * own (24:00 is the next day's midnight), then joined. None on a holiday or a closed weekday.
   */
  private daySpans(day: number): Span[] {
    let spans = this.days.get(day);
    if (spans !== undefined) return spans;
    const date = new Date(day * DAY_MS);
    const y = date.getUTCFullYear();
    const mo = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const intervals = this.week[date.getUTCDay()] as readonly MinuteInterval[];
    if (intervals.length === 0 || this.holidays.has(`${y}-${pad2(mo)}-${pad2(d)}`)) spans = [];
    else {
      spans = joinSpans(
        intervals.map(([s, e]): Span => [
          localToUtc(this.timezone, y, mo, d, Math.floor(s / 60), s % 60),
          localToUtc(this.timezone, y, mo, d, Math.floor(e / 60), e % 60),
        ]),
      );
    }
    this.days.set(day, spans);
    return spans;
  }

  /** The joined open spans that may meet [a, b]: those of every local date around it. */
  spans(a: number, b: number): Span[] {
    // A local date's spans lie within a day and a half of its UTC date (offsets are within ±14 h).
    const first = Math.floor(a / DAY_MS) - 1;
    const last = Math.floor(b / DAY_MS) + 1;
    const all: Span[] = [];
    for (let day = first; day <= last; day++) for (const s of this.daySpans(day)) all.push(s);
    return first === last ? all : joinSpans(all);
  }

  /** Instant t lies in an open interval on a non-holiday local date. */
  open(t: number): boolean {
    for (const [s, e] of this.spans(t, t)) if (s <= t && t < e) return true;
    return false;
  }

  /** Seconds of [a, b) that lie in open intervals (a ≤ b; 0 otherwise). */
  businessSeconds(a: number, b: number): number {
    return this.businessMs(a, b) / 1000;
  }

  /** Milliseconds of [a, b) that lie in open intervals (a ≤ b; 0 otherwise). */
  businessMs(a: number, b: number): number {
    if (!(b > a)) return 0;
    let total = 0;
    for (const [s, e] of this.spans(a, b)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
    return total;
  }
}

/** The default schedule and the per-market ones (market codes compared case-insensitively). */
export class BusinessCalendar {
  private readonly markets: ReadonlyMap<string, Schedule>;

  constructor(
    readonly defaultSchedule: Schedule,
    markets: ReadonlyMap<string, Schedule> = new Map(),
  ) {
    const byCode = new Map<string, Schedule>();
    for (const [code, schedule] of markets) byCode.set(code.trim().toLowerCase(), schedule);
    this.markets = byCode;
  }

  /** A conversation's schedule: its market's when there is one (complete on its own), else the default. */
  scheduleFor(market: string | undefined): Schedule {
    if (market === undefined) return this.defaultSchedule;
    return this.markets.get(market.trim().toLowerCase()) ?? this.defaultSchedule;
  }
}
