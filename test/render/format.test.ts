import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatDuration,
  formatInt,
  formatInterval,
  formatMoney,
  formatPercent,
} from '../../src/render/format.js';

describe('formatDuration', () => {
  it.each<[number | null, string]>([
    [0.85, '850 ms'],
    [0, '0 ms'],
    [0.9996, '1.0 s'], // 999.6 ms rounds up into the next unit
    [1.84, '1.8 s'],
    [42.4, '42 s'],
    [59.6, '1m 00s'],
    [72, '1m 12s'],
    [605, '10m 05s'],
    [3599.6, '1h 00m'],
    [7500, '2h 05m'],
    [90_000, '1d 01h'],
    [null, 'n/a'],
    [Number.NaN, 'n/a'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatPercent and formatInterval', () => {
  it.each<[number | null, string]>([
    [0.72, '72.0 %'],
    [0.12345, '12.3 %'],
    [1, '100.0 %'],
    [0, '0.0 %'],
    [null, 'n/a'],
  ])('%s → %s', (fraction, expected) => {
    expect(formatPercent(fraction)).toBe(expected);
  });

  it('writes a Wilson interval as percentages without the sign', () => {
    expect(formatInterval([0.6914, 0.7469])).toBe('69.1–74.7');
    expect(formatInterval(null)).toBe('');
  });
});

describe('numbers', () => {
  it('groups thousands with commas', () => {
    expect(formatInt(999)).toBe('999');
    expect(formatInt(1204)).toBe('1,204');
    expect(formatInt(1_234_567)).toBe('1,234,567');
    expect(formatInt(-1204)).toBe('-1,204');
    expect(formatInt(null)).toBe('n/a');
  });

  it('keeps the sign of a decimal unless it rounds to zero', () => {
    expect(formatDecimal(-0.0512)).toBe('-0.05');
    expect(formatDecimal(-0.001)).toBe('0.00');
  });

  it('writes money with two decimals', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatMoney(-0.001)).toBe('0.00');
  });
});
