import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBound, parseTimestamp, parseTimestampGeneral } from '../../src/schema/timestamp.js';

const utc = (s: string): number => Date.parse(s);

describe('parseTimestamp', () => {
  it.each([
    ['2025-01-06T10:00:00Z', utc('2025-01-06T10:00:00Z')],
    ['2025-01-06 10:00:00Z', utc('2025-01-06T10:00:00Z')],
    ['2025-01-06T10:00Z', utc('2025-01-06T10:00:00Z')],
    ['2025-01-06T12:00:00+02:00', utc('2025-01-06T10:00:00Z')],
    ['2025-01-06T05:30:00-0430', utc('2025-01-06T10:00:00Z')],
    ['2025-01-06T10:00:00.250Z', utc('2025-01-06T10:00:00.250Z')],
    ['2025-01-06T10:00:00', utc('2025-01-06T10:00:00Z')],
    ['1736157600', utc('2025-01-06T10:00:00Z')],
    ['1736157600000', utc('2025-01-06T10:00:00Z')],
    [1736157600, utc('2025-01-06T10:00:00Z')],
    [1736157600000, utc('2025-01-06T10:00:00Z')],
    [1736157600.5, utc('2025-01-06T10:00:00.500Z')],
  ])('%s', (input, expected) => {
    expect(parseTimestamp(input, 'UTC')).toBe(expected);
  });

  it('reads an ISO time without offset in the given zone', () => {
    expect(parseTimestamp('2025-01-06T11:00:00', 'Europe/Berlin')).toBe(utc('2025-01-06T10:00:00Z'));
    expect(parseTimestamp('2025-07-06T12:00:00', 'Europe/Berlin')).toBe(utc('2025-07-06T10:00:00Z'));
    // An explicit offset ignores the zone.
    expect(parseTimestamp('2025-01-06T10:00:00Z', 'Asia/Tokyo')).toBe(utc('2025-01-06T10:00:00Z'));
  });

  it('moves a local time in a daylight-saving gap forward and reads a repeated one as its first occurrence', () => {
    expect(parseTimestamp('2025-03-30 02:30:00', 'Europe/Berlin')).toBe(utc('2025-03-30T01:30:00Z'));
    expect(parseTimestamp('2025-10-26 02:30:00', 'Europe/Berlin')).toBe(utc('2025-10-26T00:30:00Z'));
    expect(parseTimestamp('2025-11-02T01:30:00.250', 'America/New_York')).toBe(utc('2025-11-02T05:30:00.250Z'));
  });

  it.each(['yesterday', '2025-13-01T00:00:00Z', '2025-02-30T00:00:00Z', '2025-01-06', '2025-01-06T24:00:00Z', '', true, null])(
    'rejects %s',
    (input) => {
      expect(parseTimestamp(input, 'UTC')).toBeNaN();
    },
  );

  it('knows leap days', () => {
    expect(parseTimestamp('2024-02-29T00:00:00Z', 'UTC')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(parseTimestamp('2023-02-29T00:00:00Z', 'UTC')).toBeNaN();
  });
});

describe('parseBound', () => {
  it('a date is midnight in the zone', () => {
    expect(parseBound('2025-01-06', 'UTC')).toBe(utc('2025-01-06T00:00:00Z'));
    expect(parseBound('2025-01-06', 'America/New_York')).toBe(utc('2025-01-06T05:00:00Z'));
  });
});

describe('parseTimestamp, YYYY-MM-DDTHH:MM:SSZ', () => {
  it('agrees with Date.parse on any second from 1970 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) / 1000 }), (s) => {
        const text = new Date(s * 1000).toISOString().replace('.000Z', 'Z');
        expect(parseTimestamp(text, 'Asia/Tokyo')).toBe(s * 1000);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2025-02-29T00:00:00Z', '2024-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-06T24:00:00Z', '2025-01-06T10:60:00Z', '2025-01-06T10:00:60Z', '2025-01-0xT10:00:00Z', '2025-01-06T10:00:00X'])(
    '%s is invalid',
    (text) => {
      expect(parseTimestamp(text, 'UTC')).toBeNaN();
    },
  );

  it('still reads other forms of the same length', () => {
    expect(parseTimestamp('2025-01-06 10:00:00Z', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00Z'));
    expect(parseTimestamp('2025-01-06T10:00+0100', 'UTC')).toBe(Date.parse('2025-01-06T09:00:00Z'));
    expect(parseTimestamp('2024-02-29T23:59:59Z', 'UTC')).toBe(Date.parse('2024-02-29T23:59:59Z'));
  });
});

describe('parseTimestamp shortcuts', () => {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  /** Mostly valid parts, sometimes out of range or malformed, in the forms exports write and near them. */
  const isoLike = fc
    .record({
      year: fc.oneof(fc.integer({ min: 1969, max: 2200 }), fc.integer({ min: 0, max: 9999 })),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      sep: fc.constantFrom('T', ' ', 't', 'x'),
      fraction: fc.oneof(fc.constant(''), fc.constant('.'), fc.stringMatching(/^\.[0-9]{1,12}$/)),
      zone: fc.oneof(
        fc.constantFrom('Z', 'z', '', ' UTC', 'GMT', 'Zx', '+', '+08', '+0800'),
        fc.tuple(fc.constantFrom('+', '-', '±'), fc.integer({ min: 0, max: 25 }), fc.constantFrom(':', '', ';'), fc.integer({ min: 0, max: 61 })).map(
          ([sign, h, colon, m]) => `${sign}${pad(h, 2)}${colon}${pad(m, 2)}`,
        ),
      ),
      junk: fc.oneof(fc.constant(''), fc.constant(''), fc.constantFrom(' ', 'x', '0', '\uFEFF')),
      junkAt: fc.nat(40),
    })
    .map(({ year, month, day, hour, minute, second, sep, fraction, zone, junk, junkAt }) => {
      const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${sep}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}${zone}`;
      const at = Math.min(junkAt, text.length);
      return text.slice(0, at) + junk + text.slice(at);
    });
  const epochLike = fc.oneof(
    fc.integer({ min: 0, max: 4e12 }).map(String),
    fc.double({ min: 0, max: 4e12, noNaN: true }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 4e10 }), fc.stringMatching(/^[0-9]{0,6}$/)).map(([s, f]) => `${s}.${f}`),
    fc.tuple(fc.constantFrom('+', '-', ' ', ''), fc.integer({ min: 0, max: 4e12 }), fc.constantFrom('', ' ', '.', 'e3', 'x')).map(([a, n, b]) => `${a}${n}${b}`),
  );

  it('agree with the general path on generated timestamps (ISO-like and epoch-like strings)', () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, epochLike, fc.string({ maxLength: 30 })), fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'), (text, tz) => {
        expect(Object.is(parseTimestamp(text, tz), parseTimestampGeneral(text, tz))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('agree with the general path on every millisecond fraction, with Z and offsets', () => {
    for (let ms = 0; ms < 1000; ms++) {
      for (const digits of [String(ms).padStart(3, '0'), String(ms).padStart(3, '0').slice(0, 2), String(ms).padStart(3, '0').slice(0, 1), `${String(ms).padStart(3, '0')}123`]) {
        for (const zone of ['Z', '+08:00', '-05:00', '+00:00', '-00:00']) {
          const text = `2025-01-06T10:00:00.${digits}${zone}`;
          expect(Object.is(parseTimestamp(text, 'UTC'), parseTimestampGeneral(text, 'UTC'))).toBe(true);
        }
      }
    }
  });

  it('read the forms the benchmark writes', () => {
    expect(parseTimestamp('2025-01-06T10:00:00.919Z', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00.919Z'));
    expect(parseTimestamp('2025-01-06T18:00:00.919+08:00', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00.919Z'));
    expect(parseTimestamp('2025-01-06T05:00:00.919-05:00', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00.919Z'));
    expect(parseTimestamp('1736157600919', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00.919Z'));
    expect(parseTimestamp('1736157600.5', 'UTC')).toBe(Date.parse('2025-01-06T10:00:00.500Z'));
  });
});
