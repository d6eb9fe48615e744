/**
 * Calendar periods (day, ISO week, month) in a time zone, and whether the data covers one whole.
 *
 * The data covers [since, until): the scope's bounds when given, else from local midnight of the
 * day of the first conversation start to local midnight after the day of the last one. A period is
 * partial when it reaches outside that span — the first or last week of an export that starts on a
 * Wednesday or ends on a Monday.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, startOfDay, startOfISOWeek, startOfMonth } from 'date-fns';

export type CalendarUnit = 'day' | 'week' | 'month';
export const CALENDAR_UNITS: readonly string[] = ['day', 'week', 'month'];

export interface Span {
  /** Inclusive start, epoch ms. */
  since: number;
  /** Exclusive end, epoch ms. */
  until: number;
}

const startOf = (d: TZDate, unit: CalendarUnit): TZDate =>
  unit === 'week' ? startOfISOWeek(d) : unit === 'month' ? startOfMonth(d) : startOfDay(d);

/** Adds `n` periods to a period start. */
export const addPeriods = (d: TZDate, unit: CalendarUnit, n: number): TZDate =>
  unit === 'week' ? addWeeks(d, n) : unit === 'month' ? addMonths(d, n) : addDays(d, n);

/** The period holding `ms`. */
export function periodAt(ms: number, unit: CalendarUnit, tz: string): Span {
  const start = startOf(new TZDate(ms, tz), unit);
  return { since: start.getTime(), until: addPeriods(start, unit, 1).getTime() };
}

/** What the data covers: the given bounds, else whole days from the first to the last start. */
export function coverage(starts: { first: number; last: number }, tz: string, bounds: { since?: number; until?: number } = {}): Span {
  return {
    since: bounds.since ?? periodAt(starts.first, 'day', tz).since,
    until: bounds.until ?? periodAt(starts.last, 'day', tz).until,
  };
}

export const isWhole = (period: Span, covered: Span): boolean => period.since >= covered.since && period.until <= covered.until;
