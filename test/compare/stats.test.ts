import { describe, expect, it } from 'vitest';
import { normalCdf, twoProportionZTest } from '../../src/compare/stats.js';

describe('normalCdf', () => {
  // Reference values: 0.5·erfc(−x/√2) in double precision (Python math.erfc).
  it.each([
    [0, 0.5],
    [1.959964, 0.9750000009035575],
    [-1, 0.15865525393145707],
    [1, 0.8413447460685429],
    [-3, 0.0013498980316300957],
    [2.5, 0.9937903346742238],
    [-4, 3.1671241833119965e-5],
    [-5, 2.866515718791946e-7],
    [-6, 9.865876450377012e-10],
    [-7.1, 6.23784446333164e-13],
    [7.5, 0.9999999999999681],
    [-8, 6.220960574271819e-16],
  ])('Φ(%s) = %s', (x, want) => {
    // Absolute error well below the 1.5e-7 of Abramowitz–Stegun 7.1.26, and relative in the lower tail.
    expect(Math.abs(normalCdf(x) - want)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(x) - want) / want).toBeLessThan(1e-12);
  });

  it('is symmetric, monotone and saturates', () => {
    for (const x of [0.1, 0.7, 1.3, 2.2, 4, 7.5, 12]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
    for (let x = -10; x < 10; x += 0.25) expect(normalCdf(x + 0.25)).toBeGreaterThanOrEqual(normalCdf(x));
    expect(normalCdf(-40)).toBeLessThan(1e-300);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe('twoProportionZTest', () => {
  it('60/100 → 75/100: pooled p 0.675, SE 0.0662382, z 2.264554, p 0.023540 — significant', () => {
    // SE = sqrt(0.675 · 0.325 · (1/100 + 1/100)) = sqrt(0.0043875) = 0.06623820649745885
    // z = 0.15 / SE = 2.264554068289192; p = 2·Φ(−z) = 0.023540058261177926
    const t = twoProportionZTest(60, 100, 75, 100);
    expect(t?.z).toBeCloseTo(2.264554068289192, 12);
    expect(t?.p_value).toBeCloseTo(0.023540058261177926, 12);
    expect(t?.significant).toBe(true);
  });

  it('60/100 → 65/100: pooled p 0.625, SE 0.0684653, z 0.730297, p 0.465209 — not significant', () => {
    // SE = sqrt(0.625 · 0.375 · 0.02) = sqrt(0.0046875) = 0.06846531968814576; z = 0.05 / SE.
    const t = twoProportionZTest(60, 100, 65, 100);
    expect(t?.z).toBeCloseTo(0.7302967433402222, 12);
    expect(t?.p_value).toBeCloseTo(0.46520881845214124, 12);
    expect(t?.significant).toBe(false);
  });

  it('a decrease gives a negative z and the same two-sided p', () => {
    const t = twoProportionZTest(75, 100, 60, 100);
    expect(t?.z).toBeCloseTo(-2.264554068289192, 12);
    expect(t?.p_value).toBeCloseTo(0.023540058261177926, 12);
  });

  it('unequal sizes: 30/200 → 30/100 (pooled 0.2, z 3.0619)', () => {
    // SE = sqrt(0.2 · 0.8 · (1/200 + 1/100)) = sqrt(0.0024) = 0.04898979; z = 0.15 / SE = 3.0618622
    const t = twoProportionZTest(30, 200, 30, 100);
    expect(t?.z).toBeCloseTo(3.0618621784789726, 10);
    expect(t?.p_value).toBeCloseTo(0.0022001, 6);
    expect(t?.significant).toBe(true);
  });

  it('no change: z 0, p 1', () => {
    expect(twoProportionZTest(40, 80, 50, 100)).toEqual({ z: 0, p_value: 1, significant: false });
  });

  it('is undefined when either n is 0 or the pooled proportion is 0 or 1', () => {
    expect(twoProportionZTest(0, 0, 5, 10)).toBeNull();
    expect(twoProportionZTest(5, 10, 0, 0)).toBeNull();
    expect(twoProportionZTest(0, 10, 0, 20)).toBeNull();
    expect(twoProportionZTest(10, 10, 20, 20)).toBeNull();
  });
});
