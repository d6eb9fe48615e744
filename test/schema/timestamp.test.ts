import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBound, parseTimestamp } from '../../src/schema/timestamp.js';

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
