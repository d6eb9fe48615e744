import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/calendar/duration.js';

describe('parseDuration', () => {
  it('reads a decimal number and one unit s, m, h or d', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1.1h')).toBe(3_960_000);
    expect(parseDuration(' 0.5 S ')).toBe(500);
    expect(parseDuration('0s')).toBe(0);
  });

  it('rejects anything else', () => {
    for (const text of ['30', '', 's', '1w', '-5m', '1h30m', '1,5h', 'five m']) expect(parseDuration(text)).toBeUndefined();
  });
});
