/**
 * Period arithmetic for `botkpi compare --period week|month`, in the report's time zone.
 *
 * The current period is the ISO week (Monday 00:00) or calendar month that contains the anchor;
 * the previous period is the whole one before it. With `--until` the anchor is the instant just
 * before that exclusive end and the current period ends at it (so it may be partial); without, the
 * anchor is the latest conversation start and the current period is the whole week/month holding it
 * (which the data may cover only in part). Week and month starts are local midnights, so a period
 * across a daylight-saving change is 1 hour shorter or longer than 7 days.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, addWeeks, format, startOfISOWeek, startOfMonth } from 'date-fns';
export { isoIn } from '../schema/timestamp.js';

export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export interface Interval {
  /** `2025-W03` or `2025-01`. */
  label: string;
  /** Inclusive start, epoch ms. */
  since: number;
  /** Exclusive end, epoch ms. */
  until: number;
}

export interface Periods {
  previous: Interval;
  current: Interval;
}

const startOf = (d: TZDate, period: Period): TZDate => (period === 'week' ? startOfISOWeek(d) : startOfMonth(d));
const add = (d: TZDate, period: Period, n: number): TZDate => (period === 'week' ? addWeeks(d, n) : addMonths(d, n));
const label = (d: TZDate, period: Period): string => format(d, period === 'week' ? "RRRR-'W'II" : 'yyyy-MM');

/** The whole period containing `anchor` and the one before it. */
export function periodsAround(anchor: number, period: Period, tz: string): Periods {
  const start = startOf(new TZDate(anchor, tz), period);
  const before = add(start, period, -1);
  return {
    previous: { label: label(before, period), since: before.getTime(), until: start.getTime() },
    current: { label: label(start, period), since: start.getTime(), until: add(start, period, 1).getTime() },
  };
}

/** The periods to compare: anchored at `until` (exclusive, the current period ends there) or else at `latestStart`. */
export function comparePeriods(period: Period, tz: string, anchor: { until?: number; latestStart?: number }): Periods {
  if (anchor.until !== undefined) {
    const periods = periodsAround(anchor.until - 1, period, tz);
    return { ...periods, current: { ...periods.current, until: anchor.until } };
  }
  if (anchor.latestStart === undefined) throw new Error('comparePeriods: no anchor');
  return periodsAround(anchor.latestStart, period, tz);
}

