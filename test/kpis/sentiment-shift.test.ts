import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { sentimentShift } from '../../src/kpis/sentiment-shift.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('sentiment_shift', () => {
  it('is the mean of (last − first) over conversations with ≥ 2 scored customer messages', () => {
    const convs = conversationsOf([
      // a: 0.5 … 0.3 → −0.2
      { c: 'a', t: 0, role: 'customer', sentiment: 0.5 },
      { c: 'a', t: 5, role: 'customer', sentiment: -0.1 },
      { c: 'a', t: 9, role: 'customer', sentiment: 0.3 },
      // b: −0.5 … 0.5 → 1.0 (unscored customer and bot messages in between are skipped)
      { c: 'b', t: 0, role: 'customer', sentiment: -0.5 },
      { c: 'b', t: 1, role: 'bot', sentiment: -1 },
      { c: 'b', t: 2, role: 'customer' },
      { c: 'b', t: 3, role: 'customer', sentiment: 0.5 },
      { c: 'b', t: 4, role: 'customer' },
      // c: one scored message → excluded
      { c: 'c', t: 0, role: 'customer', sentiment: 0.9 },
      { c: 'c', t: 1, role: 'customer' },
      // d: rows out of input order; time order is 0.2 then 0.8 → 0.6
      { c: 'd', t: 10, role: 'customer', sentiment: 0.8 },
      { c: 'd', t: 0, role: 'customer', sentiment: 0.2 },
    ]);
    // (−0.2 + 1.0 + 0.6) / 3 = 1.4/3
    const r = computeKpi(sentimentShift, convs, contextOf(convs));
    expect(r.count).toBe(3);
    expect(r.value).toBeCloseTo(1.4 / 3, 12);
  });

  it('is null with a reason without such conversations', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', sentiment: 0.4 },
      { c: 'b', t: 0, role: 'customer', sentiment: -0.4 },
    ]);
    const r = computeKpi(sentimentShift, convs, contextOf(convs));
    expect(r).toMatchObject({ value: null, count: 0 });
    expect(r.reason).toMatch(/\S/);
  });
});
