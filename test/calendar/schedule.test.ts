import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, Schedule, WEEKDAY_KEYS, type ScheduleSpec, type WeekdayKey } from '../../src/calendar/schedule.js';
import { localToUtc } from '../../src/calendar/zone.js';
import { parseInterval } from '../../src/config/schema.js';

const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

function schedule(timezone: string, week: Partial<Record<WeekdayKey, string[]>>, holidays: string[] = []): Schedule {
  const spec: ScheduleSpec = { timezone, week: {}, holidays };
  for (const [day, intervals] of Object.entries(week)) {
    spec.week[day as WeekdayKey] = intervals.map((t) => parseInterval(t) as [number, number]);
  }
  return new Schedule(spec);
}

const allDay = (tz: string): Schedule =>
  schedule(tz, Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, ['00:00-24:00']])) as Record<WeekdayKey, string[]>);
const office = { mon: ['09:00-18:00'], tue: ['09:00-18:00'], wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-17:00'] };

describe('local times', () => {
  it('reads a time in a spring-forward gap with the offset before the gap', () => {
    // Berlin 2025-03-30 02:30 does not exist: +01:00 applies → 01:30Z (03:30 CEST).
    expect(new Date(localToUtc('Europe/Berlin', 2025, 3, 30, 2, 30)).toISOString()).toBe('2025-03-30T01:30:00.000Z');
    // New York 2025-03-09 02:15 does not exist: −05:00 applies → 07:15Z (03:15 EDT).
    expect(new Date(localToUtc('America/New_York', 2025, 3, 9, 2, 15)).toISOString()).toBe('2025-03-09T07:15:00.000Z');
    // Lord Howe 2025-10-05 02:10 does not exist (02:00 → 02:30): +10:30 applies → 15:40Z the day before.
    expect(new Date(localToUtc('Australia/Lord_Howe', 2025, 10, 5, 2, 10)).toISOString()).toBe('2025-10-04T15:40:00.000Z');
  });

  it('reads a time that occurs twice as its first occurrence', () => {
    // Berlin 2025-10-26 02:30 occurs at +02:00 and +01:00: the first is 00:30Z.
    expect(new Date(localToUtc('Europe/Berlin', 2025, 10, 26, 2, 30)).toISOString()).toBe('2025-10-26T00:30:00.000Z');
    // New York 2025-11-02 01:30 occurs at −04:00 and −05:00: the first is 05:30Z.
    expect(new Date(localToUtc('America/New_York', 2025, 11, 2, 1, 30)).toISOString()).toBe('2025-11-02T05:30:00.000Z');
    // Lord Howe 2025-04-06 01:45 occurs at +11:00 and +10:30 (02:00 → 01:30): the first is 14:45Z the day before.
    expect(new Date(localToUtc('Australia/Lord_Howe', 2025, 4, 6, 1, 45)).toISOString()).toBe('2025-04-05T14:45:00.000Z');
  });
});

describe('business seconds across daylight-saving weeks', () => {
  it('Europe/Berlin: a day open 00:00–24:00 lasts 23 h in spring and 25 h in autumn', () => {
    const s = allDay('Europe/Berlin');
    expect(s.businessSeconds(at('2025-03-29T23:00:00Z'), at('2025-03-30T22:00:00Z'))).toBe(23 * 3600);
    expect(s.businessSeconds(at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z'))).toBe(25 * 3600);
  });

  it('Europe/Berlin: the office week around the spring change (9 h Mon–Thu, 8 h Fri) is 53 h + Monday 9 h', () => {
    const s = schedule('Europe/Berlin', office);
    // 2025-03-24 … 2025-03-31: Mon–Thu 4 × 9 h + Fri 8 h at +01:00, then Monday 31 at +02:00.
    expect(s.businessSeconds(at('2025-03-24T00:00:00Z'), at('2025-04-01T00:00:00Z'))).toBe(53 * 3600);
    expect(s.open(at('2025-03-31T07:00:00Z'))).toBe(true); // 09:00 CEST
    expect(s.open(at('2025-03-31T06:59:59Z'))).toBe(false);
    expect(s.open(at('2025-03-28T07:30:00Z'))).toBe(false); // 08:30 CET
    expect(s.open(at('2025-03-28T08:00:00Z'))).toBe(true); // 09:00 CET
    expect(s.open(at('2025-03-28T16:00:00Z'))).toBe(false); // Friday 17:00 CET: end is exclusive
  });

  it('Europe/Berlin: an interval starting in the gap starts after it, one in the overlap at its first occurrence', () => {
    // 02:30–04:00 on 2025-03-30: 02:30 → 01:30Z, 04:00 CEST → 02:00Z: 30 min.
    expect(schedule('Europe/Berlin', { sun: ['02:30-04:00'] }).businessSeconds(at('2025-03-29T00:00:00Z'), at('2025-03-31T00:00:00Z'))).toBe(1800);
    // 02:00–03:00 on 2025-10-26: 02:00 CEST (00:00Z) → 03:00 CET (02:00Z): 2 h.
    expect(schedule('Europe/Berlin', { sun: ['02:00-03:00'] }).businessSeconds(at('2025-10-25T00:00:00Z'), at('2025-10-27T00:00:00Z'))).toBe(7200);
  });

  it('America/New_York: 23 h and 25 h days; 01:00–02:00 on the autumn day is 2 h', () => {
    const s = allDay('America/New_York');
    expect(s.businessSeconds(at('2025-03-09T05:00:00Z'), at('2025-03-10T04:00:00Z'))).toBe(23 * 3600);
    expect(s.businessSeconds(at('2025-11-02T04:00:00Z'), at('2025-11-03T05:00:00Z'))).toBe(25 * 3600);
    expect(schedule('America/New_York', { sun: ['01:00-02:00'] }).businessSeconds(at('2025-11-01T00:00:00Z'), at('2025-11-04T00:00:00Z'))).toBe(7200);
    // Office hours the Monday after: 09:00 EDT = 13:00Z, the Monday before 09:00 EST = 14:00Z.
    const o = schedule('America/New_York', office);
    expect(o.open(at('2025-03-10T13:00:00Z'))).toBe(true);
    expect(o.open(at('2025-03-03T13:00:00Z'))).toBe(false);
  });

  it('Asia/Tokyo (no DST): a local day starts at 15:00Z the day before', () => {
    const s = schedule('Asia/Tokyo', { mon: ['09:00-18:00'], tue: ['00:00-09:00'] });
    expect(s.open(at('2025-03-10T15:00:00Z'))).toBe(true); // Tue 00:00 JST
    expect(s.open(at('2025-03-10T08:59:59Z'))).toBe(true); // Mon 17:59:59 JST
    expect(s.open(at('2025-03-10T09:00:00Z'))).toBe(false);
    // Mon 09:00–18:00 (00:00Z–09:00Z) and Tue 00:00–09:00 (15:00Z–00:00Z): 18 h in the week.
    expect(s.businessSeconds(at('2025-03-09T00:00:00Z'), at('2025-03-16T00:00:00Z'))).toBe(18 * 3600);
  });

  it('Australia/Lord_Howe: the 30-minute shift makes days of 23.5 h and 24.5 h', () => {
    const s = allDay('Australia/Lord_Howe');
    // 2025-10-05 starts at +10:30 (13:30Z the day before) and ends at +11:00 (13:00Z).
    expect(s.businessSeconds(at('2025-10-04T13:30:00Z'), at('2025-10-05T13:00:00Z'))).toBe(23.5 * 3600);
    // 2025-04-06 starts at +11:00 (13:00Z) and ends at +10:30 (13:30Z).
    expect(s.businessSeconds(at('2025-04-05T13:00:00Z'), at('2025-04-06T13:30:00Z'))).toBe(24.5 * 3600);
    // 02:00–03:00 on 2025-10-05: 02:00 is in the gap → 02:30 (15:30Z), to 03:00 (16:00Z): 30 min.
    expect(schedule('Australia/Lord_Howe', { sun: ['02:00-03:00'] }).businessSeconds(at('2025-10-03T00:00:00Z'), at('2025-10-07T00:00:00Z'))).toBe(1800);
  });
});

describe('schedules', () => {
  it('closes holidays all day and days missing from the week', () => {
    const s = schedule('UTC', { mon: ['09:00-18:00'] }, ['2025-01-06']);
    expect(s.open(at('2025-01-06T10:00:00Z'))).toBe(false); // a holiday Monday
    expect(s.open(at('2025-01-13T10:00:00Z'))).toBe(true);
    expect(s.open(at('2025-01-07T10:00:00Z'))).toBe(false); // Tuesday is not in the week
    expect(s.businessSeconds(at('2025-01-06T00:00:00Z'), at('2025-01-20T00:00:00Z'))).toBe(9 * 3600);
  });

  it('ends an interval at 24:00 and joins it with the next day at 00:00', () => {
    const s = schedule('UTC', { mon: ['18:00-24:00'], tue: ['00:00-06:00'] });
    expect(s.open(at('2025-01-06T23:59:59Z'))).toBe(true);
    expect(s.open(at('2025-01-07T00:00:00Z'))).toBe(true);
    expect(s.businessSeconds(at('2025-01-06T17:00:00Z'), at('2025-01-07T07:00:00Z'))).toBe(12 * 3600);
  });

  it('joins overlapping intervals instead of counting them twice', () => {
    const s = schedule('UTC', { mon: ['09:00-12:00', '11:00-14:00', '13:30-13:45'] });
    expect(s.businessSeconds(at('2025-01-06T00:00:00Z'), at('2025-01-07T00:00:00Z'))).toBe(5 * 3600);
  });

  it('uses a market schedule case-insensitively, complete on its own', () => {
    const berlin = schedule('Europe/Berlin', office);
    const japan = schedule('Asia/Tokyo', { mon: ['09:00-18:00'] });
    const calendar = new BusinessCalendar(berlin, new Map([['JP', japan]]));
    expect(calendar.scheduleFor('jp')).toBe(japan);
    expect(calendar.scheduleFor(' Jp ')).toBe(japan);
    expect(calendar.scheduleFor('DE')).toBe(berlin);
    expect(calendar.scheduleFor(undefined)).toBe(berlin);
    // Tuesday 10:00 JST is closed in Japan: the market's week has only Monday and inherits nothing.
    expect(calendar.scheduleFor('JP').open(at('2025-01-07T01:00:00Z'))).toBe(false);
    // Monday 10:00 JST = 01:00Z: open in Japan, closed in Berlin (02:00 CET).
    expect(calendar.scheduleFor('JP').open(at('2025-01-06T01:00:00Z'))).toBe(true);
    expect(calendar.scheduleFor('DE').open(at('2025-01-06T01:00:00Z'))).toBe(false);
  });
});

describe('business seconds, properties', () => {
  const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu'];
  const minute = fc.integer({ min: 0, max: 1440 });
  const interval = fc.tuple(minute, minute).filter(([a, b]) => a !== b).map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
  const spec: fc.Arbitrary<ScheduleSpec> = fc.record({
    timezone: fc.constantFrom(...ZONES),
    week: fc.record(Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, fc.array(interval, { maxLength: 3 })])) as Record<WeekdayKey, fc.Arbitrary<[number, number][]>>),
    holidays: fc.array(fc.date({ min: new Date('2025-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { maxLength: 20 }),
  });
  // Instants across 2025, where every zone above changes its clocks at least once (except UTC, Tokyo, Kathmandu).
  const instant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2025-12-31T00:00:00Z') });
  const triple = fc.tuple(instant, fc.integer({ min: 0, max: 9 * 24 * H }), fc.integer({ min: 0, max: 9 * 24 * H })).map(([a, d1, d2]) => [a, a + d1, a + d1 + d2] as const);

  it('is additive over split intervals and never exceeds calendar time', () => {
    fc.assert(
      fc.property(spec, triple, (sp, [a, m, b]) => {
        const s = new Schedule(sp);
        const whole = s.businessMs(a, b);
        expect(whole).toBe(s.businessMs(a, m) + s.businessMs(m, b));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(b - a);
      }),
      { numRuns: 300 },
    );
  });

  it('is zero on a schedule closed every day, and open(t) agrees with the millisecond after t', () => {
    fc.assert(
      fc.property(spec, instant, fc.integer({ min: 0, max: 30 * 24 * H }), (sp, a, d) => {
        expect(new Schedule({ ...sp, week: {} }).businessMs(a, a + d)).toBe(0);
        const s = new Schedule(sp);
        expect(s.businessMs(a, a + 1)).toBe(s.open(a) ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('is zero on holidays: a week of holidays has no business time', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 300 }), (sp, offset) => {
        const first = Date.UTC(2025, 0, 10 + offset);
        const dates = Array.from({ length: 9 }, (_, i) => new Date(first + (i - 1) * 86_400_000).toISOString().slice(0, 10));
        const s = new Schedule({ ...sp, holidays: dates });
        // The local dates 1..7 of the span are holidays; instants from the start of date 1 to the end of date 7.
        const from = first + 14 * H;
        const to = first + 7 * 24 * H - 14 * H;
        expect(s.businessMs(from, to)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees minute by minute with a wall-clock reading of the schedule (Intl), away from clock changes', () => {
    const WEEKDAY: Record<string, WeekdayKey> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
    const formats = new Map<string, Intl.DateTimeFormat>();
    /** Independent of the module: Intl's wall clock, then the intervals of that weekday and date. */
    const openByWallClock = (sp: ScheduleSpec, t: number): boolean => {
      let f = formats.get(sp.timezone);
      if (f === undefined) {
        f = new Intl.DateTimeFormat('en-US', { timeZone: sp.timezone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        formats.set(sp.timezone, f);
      }
      const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
      if (sp.holidays.includes(`${p.year}-${p.month}-${p.day}`)) return false;
      const minute = Number(p.hour) * 60 + Number(p.minute);
      return (sp.week[WEEKDAY[p.weekday as string] as WeekdayKey] ?? []).some(([a, b]) => a <= minute && minute < b);
    };
    // Zones without daylight saving anywhere in 2025, and DST zones inside one season.
    const windows = [
      { zone: 'UTC', from: '2025-01-01', to: '2025-12-20' },
      { zone: 'Asia/Tokyo', from: '2025-01-01', to: '2025-12-20' },
      { zone: 'Asia/Kathmandu', from: '2025-01-01', to: '2025-12-20' },
      { zone: 'Europe/Berlin', from: '2025-04-01', to: '2025-10-15' },
      { zone: 'America/New_York', from: '2025-03-12', to: '2025-10-25' },
      { zone: 'Australia/Lord_Howe', from: '2025-04-08', to: '2025-09-25' },
    ];
    const MIN = 60_000;
    fc.assert(
      fc.property(spec, fc.constantFrom(...windows), fc.nat(), fc.integer({ min: 1, max: 3 * 24 * 60 }), (sp, w, startSeed, minutes) => {
        const schedule = { ...sp, timezone: w.zone };
        const from = at(`${w.from}T00:00:00Z`);
        const span = at(`${w.to}T00:00:00Z`) - from - 4 * 24 * 60 * MIN;
        const a = from + (startSeed % Math.floor(span / MIN)) * MIN;
        let expected = 0;
        for (let t = a; t < a + minutes * MIN; t += MIN) if (openByWallClock(schedule, t)) expected += MIN;
        expect(new Schedule(schedule).businessMs(a, a + minutes * MIN)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
