import { describe, expect, it } from 'vitest';
import { comparePeriods, isoIn, periodsAround } from '../../src/compare/period.js';

const utc = (s: string): number => Date.parse(s);
const bounds = (p: { label: string; since: number; until: number }, tz: string) => ({
  label: p.label,
  since: isoIn(p.since, tz),
  until: isoIn(p.until, tz),
});

describe('periodsAround', () => {
  it('week: anchor Wed 2025-01-15 → current 2025-01-13..2025-01-20, previous 2025-01-06..2025-01-13', () => {
    const p = periodsAround(utc('2025-01-15T12:00:00Z'), 'week', 'UTC');
    expect(bounds(p.current, 'UTC')).toEqual({ label: '2025-W03', since: '2025-01-13T00:00:00Z', until: '2025-01-20T00:00:00Z' });
    expect(bounds(p.previous, 'UTC')).toEqual({ label: '2025-W02', since: '2025-01-06T00:00:00Z', until: '2025-01-13T00:00:00Z' });
  });

  it('week: Monday 00:00 belongs to its own week, Sunday 23:59 to the one before', () => {
    expect(bounds(periodsAround(utc('2025-01-13T00:00:00Z'), 'week', 'UTC').current, 'UTC').since).toBe('2025-01-13T00:00:00Z');
    expect(bounds(periodsAround(utc('2025-01-12T23:59:59Z'), 'week', 'UTC').current, 'UTC').since).toBe('2025-01-06T00:00:00Z');
  });

  it('week: ISO week-year labels across the new year (Wed 2025-01-01 is in 2025-W01, which starts 2024-12-30)', () => {
    const p = periodsAround(utc('2025-01-01T10:00:00Z'), 'week', 'UTC');
    expect(bounds(p.current, 'UTC')).toEqual({ label: '2025-W01', since: '2024-12-30T00:00:00Z', until: '2025-01-06T00:00:00Z' });
    expect(p.previous.label).toBe('2024-W52');
  });

  it('week in a zone: Monday 00:00 in --tz (Sun 23:30 UTC is already Monday in Berlin)', () => {
    const p = periodsAround(utc('2025-01-12T23:30:00Z'), 'week', 'Europe/Berlin');
    expect(bounds(p.current, 'Europe/Berlin')).toEqual({ label: '2025-W03', since: '2025-01-13T00:00:00+01:00', until: '2025-01-20T00:00:00+01:00' });
    expect(p.current.since).toBe(utc('2025-01-12T23:00:00Z'));
  });

  it('month in America/New_York: 2025-03-01 02:00 UTC is still February there; March is 1 h short (DST)', () => {
    const tz = 'America/New_York';
    const feb = periodsAround(utc('2025-03-01T02:00:00Z'), 'month', tz);
    expect(bounds(feb.current, tz)).toEqual({ label: '2025-02', since: '2025-02-01T00:00:00-05:00', until: '2025-03-01T00:00:00-05:00' });
    expect(bounds(feb.previous, tz)).toEqual({ label: '2025-01', since: '2025-01-01T00:00:00-05:00', until: '2025-02-01T00:00:00-05:00' });
    expect(feb.current.since).toBe(utc('2025-02-01T05:00:00Z'));

    const mar = periodsAround(utc('2025-03-20T12:00:00Z'), 'month', tz);
    expect(bounds(mar.current, tz)).toEqual({ label: '2025-03', since: '2025-03-01T00:00:00-05:00', until: '2025-04-01T00:00:00-04:00' });
    expect(mar.current.until - mar.current.since).toBe((31 * 24 - 1) * 3_600_000);
  });

  it('month: January against the December before it', () => {
    const p = periodsAround(utc('2025-01-31T23:59:59Z'), 'month', 'UTC');
    expect(p.previous.label).toBe('2024-12');
    expect(isoIn(p.previous.since, 'UTC')).toBe('2024-12-01T00:00:00Z');
  });
});

describe('comparePeriods', () => {
  it('anchored at the latest start: whole periods', () => {
    const p = comparePeriods('week', 'UTC', { latestStart: utc('2025-01-15T09:00:00Z') });
    expect(p).toEqual(periodsAround(utc('2025-01-15T09:00:00Z'), 'week', 'UTC'));
  });

  it('--until mid-week: the current week ends there (partial), the previous is whole', () => {
    const p = comparePeriods('week', 'UTC', { until: utc('2025-01-16T00:00:00Z') });
    expect(bounds(p.current, 'UTC')).toEqual({ label: '2025-W03', since: '2025-01-13T00:00:00Z', until: '2025-01-16T00:00:00Z' });
    expect(bounds(p.previous, 'UTC')).toEqual({ label: '2025-W02', since: '2025-01-06T00:00:00Z', until: '2025-01-13T00:00:00Z' });
  });

  it('--until on a period boundary (exclusive): the current period is the whole one before it', () => {
    const p = comparePeriods('month', 'UTC', { until: utc('2025-03-01T00:00:00Z') });
    expect(bounds(p.current, 'UTC')).toEqual({ label: '2025-02', since: '2025-02-01T00:00:00Z', until: '2025-03-01T00:00:00Z' });
    expect(p.previous.label).toBe('2025-01');
  });
});
