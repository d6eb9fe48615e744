import { describe, expect, it } from 'vitest';
import { percentileSorted, wilson } from '../../src/stats/index.js';

describe('percentileSorted (R-7)', () => {
  // Values from numpy.percentile([1, 2, 3, 4], q) with the default linear method.
  it.each([
    [0.5, 2.5],
    [0.9, 3.7],
    [0.95, 3.85],
    [0, 1],
    [1, 4],
  ])('p%s of [1,2,3,4] is %s', (p, expected) => {
    expect(percentileSorted([1, 2, 3, 4], p)).toBeCloseTo(expected, 12);
  });
  it('a single element is every percentile', () => {
    expect(percentileSorted([7], 0.9)).toBe(7);
  });
  it('empty is null', () => {
    expect(percentileSorted([], 0.5)).toBeNull();
  });
});

describe('wilson', () => {
  it('matches the reference interval for 720/1000', () => {
    const [lo, hi] = wilson(720, 1000) as [number, number];
    expect(lo).toBeCloseTo(0.6914, 4);
    expect(hi).toBeCloseTo(0.7469, 4);
  });
  it('is clamped to [0,1] at the extremes', () => {
    const [lo0] = wilson(0, 5) as [number, number];
    const [, hi1] = wilson(5, 5) as [number, number];
    expect(lo0).toBe(0);
    expect(hi1).toBe(1);
  });
  it('2/3 hand-computed', () => {
    // p=2/3, n=3, z²=3.8414588: centre=(0.6667+0.6402)/2.2805=0.5731, half=1.96·sqrt(0.0741+0.1067)/2.2805=0.3655
    const [lo, hi] = wilson(2, 3) as [number, number];
    expect(lo).toBeCloseTo(0.2077, 3);
    expect(hi).toBeCloseTo(0.9385, 3);
  });
  it('has no interval for n = 0', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});
