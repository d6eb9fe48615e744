import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { sentiment } from '../../src/kpis/sentiment.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('sentiment', () => {
  it('classifies conversation means with a ±0.05 neutral band (0.05 itself is neutral)', () => {
    const convs = conversationsOf([
      // a: mean(0.5, 0.3) = 0.4 → positive
      { c: 'a', t: 0, role: 'customer', sentiment: 0.5 },
      { c: 'a', t: 1, role: 'bot' },
      { c: 'a', t: 2, role: 'customer', sentiment: 0.3 },
      // b: 0.05 → neutral
      { c: 'b', t: 0, role: 'customer', sentiment: 0.05 },
      // c: −0.05 → neutral
      { c: 'c', t: 0, role: 'customer', sentiment: -0.05 },
      // d: mean(−0.6, 0.2) = −0.2 → negative; the unscored customer message is not a 0
      { c: 'd', t: 0, role: 'customer', sentiment: -0.6 },
      { c: 'd', t: 1, role: 'customer' },
      { c: 'd', t: 2, role: 'customer', sentiment: 0.2 },
      // e: no scored customer message → not scored (a bot row's sentiment is not a customer's)
      { c: 'e', t: 0, role: 'customer' },
      { c: 'e', t: 1, role: 'bot', sentiment: 0.9 },
      // f: mean(0.1, 0) = 0.05 → neutral
      { c: 'f', t: 0, role: 'customer', sentiment: 0.1 },
      { c: 'f', t: 1, role: 'customer', sentiment: 0 },
      // g: 0.06 → positive
      { c: 'g', t: 0, role: 'customer', sentiment: 0.06 },
    ]);
    const r = computeKpi(sentiment, convs, contextOf(convs));
    // scored = {a, b, c, d, f, g} = 6; mean = (0.4 + 0.05 − 0.05 − 0.2 + 0.05 + 0.06) / 6 = 0.31/6
    expect(r.count).toBe(6);
    expect(r.mean).toBeCloseTo(0.31 / 6, 12);
    expect(r.value).toBeCloseTo(0.31 / 6, 12);
    // positive {a, g} = 2/6, neutral {b, c, f} = 3/6, negative {d} = 1/6
    expectRate(r.positive, 2, 6);
    expectRate(r.neutral, 3, 6);
    expectRate(r.negative, 1, 6);
  });

  it('is null with a reason when nothing is scored', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    const r = computeKpi(sentiment, convs, contextOf(convs));
    expect(r).toMatchObject({ value: null, mean: null, count: 0 });
    expect(r.reason).toMatch(/\S/);
    expectEmptyRate(r.positive);
    expectEmptyRate(r.neutral);
    expectEmptyRate(r.negative);
  });
});
