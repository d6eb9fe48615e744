import { expect } from 'vitest';
import type { Distribution, Rate } from '../../src/report/types.js';

/** Exact numerator/denominator, value = numerator/denominator and a Wilson interval around it. */
export function expectRate(r: Rate, numerator: number, denominator: number): void {
  expect(r.numerator).toBe(numerator);
  expect(r.denominator).toBe(denominator);
  expect(r.value).toBe(numerator / denominator);
  expect(r.ci95).not.toBeNull();
}

/** A rate with denominator 0: value null, no interval, and a reason. */
export function expectEmptyRate(r: Rate): void {
  expect(r).toMatchObject({ value: null, numerator: 0, denominator: 0, ci95: null });
  expect(r.reason).toMatch(/\S/);
}

export interface ExpectedDistribution {
  mean: number;
  p50: number;
  p90: number;
  p95?: number;
  count: number;
}

/** Count exactly; mean and percentiles (seconds) to 1e-9. */
export function expectDistribution(d: Distribution, e: ExpectedDistribution): void {
  expect(d.count).toBe(e.count);
  const keys = e.p95 === undefined ? (['mean', 'p50', 'p90'] as const) : (['mean', 'p50', 'p90', 'p95'] as const);
  for (const k of keys) {
    const actual = d[k];
    const expected = e[k] as number;
    expect(actual, k).not.toBeNull();
    expect(actual, k).toBeCloseTo(expected, 9);
  }
  expect(d.reason).toBeUndefined();
}

/** An empty distribution: every statistic null, count 0, and a reason. */
export function expectEmptyDistribution(d: Distribution, withP95 = false): void {
  expect(d).toMatchObject({ mean: null, p50: null, p90: null, count: 0 });
  if (withP95) expect(d.p95).toBeNull();
  expect(d.reason).toMatch(/\S/);
}
