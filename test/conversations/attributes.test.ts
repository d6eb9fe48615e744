import { TZDate, tzScan } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeLabel, type TimeBucket } from '../../src/conversations/attributes.js';

// ---------------------------------------------------------------------------------------------
// The reference: date-fns formatting a TZDate, which is what the labels are defined as.

const PATTERNS: Record<TimeBucket, string> = {
  hour: 'HH',
  weekday: 'EEE',
  day: 'yyyy-MM-dd',
  week: "RRRR-'W'II",
  month: 'yyyy-MM',
};
const BUCKETS = Object.keys(PATTERNS) as TimeBucket[];

const reference = (ms: number, bucket: TimeBucket, tz: string): string => format(new TZDate(ms, tz), PATTERNS[bucket]);

const labels = (ms: number, tz: string): Record<TimeBucket, string> => ({
  hour: timeLabel(ms, 'hour', tz),
  weekday: timeLabel(ms, 'weekday', tz),
  day: timeLabel(ms, 'day', tz),
  week: timeLabel(ms, 'week', tz),
  month: timeLabel(ms, 'month', tz),
});

const utc = (s: string): number => Date.parse(s);

/** Hour labels at the given UTC instants. */
const hours = (tz: string, instants: string[]): string[] => instants.map((s) => timeLabel(utc(s), 'hour', tz));

// ---------------------------------------------------------------------------------------------

describe('timeLabel: hand-checked', () => {
  it('UTC: Monday 2025-01-06 00:30 is in 2025-W02', () => {
    expect(labels(utc('2025-01-06T00:30:00Z'), 'UTC')).toEqual({
      hour: '00',
      weekday: 'Mon',
      day: '2025-01-06',
      week: '2025-W02',
      month: '2025-01',
    });
    expect(timeLabel(utc('2025-01-05T23:59:59.999Z'), 'week', 'UTC')).toBe('2025-W01');
    expect(timeLabel(utc('2025-01-05T23:59:59.999Z'), 'weekday', 'UTC')).toBe('Sun');
  });

  it('ISO week-years: Monday 2024-12-30 is 2025-W01, Sunday 2021-01-03 is 2020-W53', () => {
    expect(labels(utc('2024-12-30T12:00:00Z'), 'UTC')).toEqual({
      hour: '12',
      weekday: 'Mon',
      day: '2024-12-30',
      week: '2025-W01',
      month: '2024-12',
    });
    expect(timeLabel(utc('2024-12-29T23:59:59Z'), 'week', 'UTC')).toBe('2024-W52');
    expect(labels(utc('2021-01-03T12:00:00Z'), 'UTC')).toMatchObject({ weekday: 'Sun', day: '2021-01-03', week: '2020-W53' });
    expect(timeLabel(utc('2021-01-04T00:00:00Z'), 'week', 'UTC')).toBe('2021-W01');
  });

  it('every weekday name', () => {
    const week = Array.from({ length: 7 }, (_, i) => timeLabel(utc('2025-01-06T10:00:00Z') + i * 86_400_000, 'weekday', 'UTC'));
    expect(week).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('Europe/Berlin: 02:00 CET is skipped (2025-03-30) and 02:00–02:59 happens twice (2025-10-26)', () => {
    const tz = 'Europe/Berlin';
    expect(hours(tz, ['2025-03-30T00:59:59Z', '2025-03-30T01:00:00Z'])).toEqual(['01', '03']);
    expect(hours(tz, ['2025-10-26T00:00:00Z', '2025-10-26T00:59:59Z', '2025-10-26T01:00:00Z', '2025-10-26T01:59:59Z', '2025-10-26T02:00:00Z'])).toEqual([
      '02', '02', '02', '02', '03',
    ]);
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(labels(utc('2025-01-12T23:30:00Z'), tz)).toEqual({ hour: '00', weekday: 'Mon', day: '2025-01-13', week: '2025-W03', month: '2025-01' });
  });

  it('America/New_York: 02:00 EST is skipped (2025-03-09) and 01:00–01:59 happens twice (2025-11-02)', () => {
    const tz = 'America/New_York';
    expect(hours(tz, ['2025-03-09T06:59:59Z', '2025-03-09T07:00:00Z'])).toEqual(['01', '03']);
    expect(hours(tz, ['2025-11-02T05:59:59Z', '2025-11-02T06:00:00Z', '2025-11-02T06:59:59Z', '2025-11-02T07:00:00Z'])).toEqual(['01', '01', '01', '02']);
    // New Year in UTC is still 2024 in New York (Tuesday 2024-12-31, which is in 2025-W01).
    expect(labels(utc('2025-01-01T04:59:00Z'), tz)).toEqual({ hour: '23', weekday: 'Tue', day: '2024-12-31', week: '2025-W01', month: '2024-12' });
  });

  it('Asia/Kolkata (+05:30): Monday starts at 18:30 UTC on Sunday', () => {
    const tz = 'Asia/Kolkata';
    expect(labels(utc('2025-01-05T18:29:59Z'), tz)).toEqual({ hour: '23', weekday: 'Sun', day: '2025-01-05', week: '2025-W01', month: '2025-01' });
    expect(labels(utc('2025-01-05T18:30:00Z'), tz)).toEqual({ hour: '00', weekday: 'Mon', day: '2025-01-06', week: '2025-W02', month: '2025-01' });
  });

  it('Asia/Kathmandu (+05:45): the year turns at 18:15 UTC', () => {
    const tz = 'Asia/Kathmandu';
    expect(labels(utc('2024-12-31T18:14:59Z'), tz)).toMatchObject({ hour: '23', day: '2024-12-31', month: '2024-12' });
    expect(labels(utc('2024-12-31T18:15:00Z'), tz)).toMatchObject({ hour: '00', day: '2025-01-01', month: '2025-01' });
  });

  it('Australia/Lord_Howe: a 30-minute daylight-saving shift, mid-way through a UTC hour', () => {
    const tz = 'Australia/Lord_Howe';
    // 2025-04-06 02:00 +11:00 → 01:30 +10:30: 01:30–01:59 happens twice.
    expect(hours(tz, ['2025-04-05T14:59:59Z', '2025-04-05T15:00:00Z', '2025-04-05T15:29:59Z', '2025-04-05T15:30:00Z'])).toEqual(['01', '01', '01', '02']);
    // 2025-10-05 02:00 +10:30 → 02:30 +11:00.
    expect(hours(tz, ['2025-10-04T15:00:00Z', '2025-10-04T15:29:59Z', '2025-10-04T15:30:00Z'])).toEqual(['01', '01', '02']);
    expect(timeLabel(utc('2025-10-04T15:29:59Z'), 'day', tz)).toBe('2025-10-05');
  });

  it('Pacific/Apia skipped Friday 2011-12-30', () => {
    const tz = 'Pacific/Apia';
    expect(labels(utc('2011-12-30T09:59:59Z'), tz)).toMatchObject({ hour: '23', weekday: 'Thu', day: '2011-12-29', week: '2011-W52' });
    expect(labels(utc('2011-12-30T10:00:00Z'), tz)).toMatchObject({ hour: '00', weekday: 'Sat', day: '2011-12-31', week: '2011-W52' });
  });

  it('fractional milliseconds are truncated as Date does (towards zero)', () => {
    expect(timeLabel(-0.5, 'day', 'UTC')).toBe('1970-01-01');
    expect(timeLabel(-1.5, 'day', 'UTC')).toBe('1969-12-31');
    expect(timeLabel(utc('2025-01-05T23:59:59.999Z') + 0.9, 'weekday', 'UTC')).toBe('Sun');
  });
});

// ---------------------------------------------------------------------------------------------
// Against the reference.

/** Zones with half- and quarter-hour offsets, 30-minute and negative DST, skipped days, Ramadan. */
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Apia',
  'Africa/Casablanca',
  'Europe/Dublin',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Antarctica/Troll',
  'Africa/Monrovia',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Etc/GMT-14',
];

const FROM = Date.UTC(1970, 0, 1);
const UNTIL = Date.UTC(2100, 0, 1);

/** Offset changes per zone over 1970–2100, to draw instants next to them. */
const changes = new Map(ZONES.map((tz) => [tz, tzScan(tz, { start: new Date(FROM), end: new Date(UNTIL) }).map((c) => c.date.getTime())]));
const ZONES_WITH_CHANGES = ZONES.filter((tz) => (changes.get(tz) ?? []).length > 0);

const matchesReference = (ms: number, tz: string): void => {
  for (const bucket of BUCKETS) expect(timeLabel(ms, bucket, tz), `${new Date(ms).toISOString()} ${bucket} ${tz}`).toBe(reference(ms, bucket, tz));
};

const HOUR = 3_600_000;

describe('timeLabel: same labels as date-fns format(new TZDate(ms, tz))', () => {
  it('random instants in 1970–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: UNTIL - 1 }), fc.constantFrom(...ZONES), (ms, tz) => matchesReference(ms, tz)),
      { numRuns: 1000 },
    );
  });

  it('instants within three hours of an offset change', () => {
    const nearChange = fc.constantFrom(...ZONES_WITH_CHANGES).chain((tz) =>
      fc.tuple(fc.constant(tz), fc.constantFrom(...(changes.get(tz) ?? [])), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })),
    );
    fc.assert(
      fc.property(nearChange, ([tz, change, delta]) => matchesReference(change + delta, tz)),
      { numRuns: 1000 },
    );
  });

  it('every minute of the hours around each change in 2011–2012 (Apia, Lord_Howe, Chatham, St_Johns, Casablanca)', () => {
    for (const tz of ['Pacific/Apia', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca']) {
      for (const change of changes.get(tz) ?? []) {
        if (change < Date.UTC(2011, 0, 1) || change >= Date.UTC(2013, 0, 1)) continue;
        const hourStart = Math.floor(change / HOUR) * HOUR;
        for (let ms = hourStart - HOUR; ms < hourStart + 2 * HOUR; ms += 60_000) {
          expect(timeLabel(ms, 'hour', tz)).toBe(reference(ms, 'hour', tz));
          expect(timeLabel(ms, 'day', tz)).toBe(reference(ms, 'day', tz));
        }
      }
    }
  });

  it('the days around every new year, 1970–2100, in UTC and Pacific/Kiritimati (+14)', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati']) {
      for (let year = 1970; year <= 2100; year += 1) {
        for (let day = -7; day <= 7; day += 1) {
          const ms = Date.UTC(year, 0, 1 + day, 6);
          expect(timeLabel(ms, 'week', tz), `${year} ${day} ${tz}`).toBe(reference(ms, 'week', tz));
        }
      }
    }
  });

  it('random instants in years 1–9999, fractional milliseconds', () => {
    const anyTime = fc.double({ min: Date.parse('0001-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z'), noNaN: true });
    fc.assert(
      fc.property(anyTime, fc.constantFrom(...ZONES), (ms, tz) => matchesReference(ms, tz)),
      { numRuns: 300 },
    );
  });

  it('before 1973, near offsets with seconds, where date-fns has week labels of its own (1971-W00)', () => {
    // Africa/Monrovia was −0:44:30 until 1972; Asia/Makassar's 1932 started in local mean time.
    expect(reference(utc('1970-12-27T23:15:00Z'), 'week', 'Africa/Monrovia')).toBe('1971-W00');
    matchesReference(utc('1970-12-27T23:15:00Z'), 'Africa/Monrovia');
    matchesReference(utc('1932-12-07T15:01:03Z'), 'Asia/Makassar');
    matchesReference(utc('1972-12-31T23:59:59Z'), 'Asia/Makassar');
  });

  it('outside years 1–9999 too', () => {
    for (const s of ['0000-06-15T12:00:00Z', '-000100-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T12:00:00Z', '+010000-01-01T00:00:00Z']) {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'America/New_York']) matchesReference(Date.parse(s), tz);
    }
  });

  it('a zone given as an offset, which tzOffset reads from the name', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: UNTIL - 1 }), fc.constantFrom('+05:30', '-09:30', '+0545'), (ms, tz) => matchesReference(ms, tz)),
      { numRuns: 100 },
    );
  });

  it('invalid instants and unknown zones throw as date-fns does', () => {
    expect(() => reference(NaN, 'day', 'UTC')).toThrow(RangeError);
    expect(() => timeLabel(NaN, 'day', 'UTC')).toThrow(RangeError);
    expect(() => reference(0, 'day', 'Not/AZone')).toThrow(RangeError);
    expect(() => timeLabel(0, 'day', 'Not/AZone')).toThrow(RangeError);
  });
});
