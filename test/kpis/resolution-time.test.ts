import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { resolutionTime } from '../../src/kpis/resolution-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('resolution_time', () => {
  it('measures from start to the row carrying the final resolved value, 0 when it lies before the start', () => {
    const convs = conversationsOf([
      // a: resolved event at 100 → 100
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 5, role: 'bot' },
      { c: 'a', t: 100, kind: 'resolved' },
      // b: resolved=true on an event before the first message → 0
      { c: 'b', t: 50, kind: 'resolved', resolved: true },
      { c: 'b', t: 60, role: 'customer' },
      // c: true then false → not resolved, not in it
      { c: 'c', t: 0, role: 'customer' },
      { c: 'c', t: 30, kind: 'resolved' },
      { c: 'c', t: 60, role: 'bot', resolved: false },
      // d: false, then true on a bot message at 200; start 10 → 190
      { c: 'd', t: 10, role: 'customer', resolved: false },
      { c: 'd', t: 200, role: 'bot', resolved: true },
    ]);
    // [0, 100, 190]: mean 96.67; p50 100; p90 h = 1.8 → 100 + 0.8·90 = 172
    expectDistribution(computeKpi(resolutionTime, convs, contextOf(convs)), { mean: 290 / 3, p50: 100, p90: 172, count: 3 });
  });

  it('is empty with a reason when nothing was resolved', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer', resolved: false }]);
    expectEmptyDistribution(computeKpi(resolutionTime, convs, contextOf(convs)));
  });
});
