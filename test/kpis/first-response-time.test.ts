import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { firstResponseTime } from '../../src/kpis/first-response-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf, MONDAY_9_TO_5 } from './helpers.js';

describe('first_response_time', () => {
  it('measures from the first customer message to the first bot/agent message after it', () => {
    const convs = conversationsOf([
      // a: system ignored; the run starts at 10 and the second customer message keeps it → 40 − 10 = 30
      { c: 'a', t: 0, role: 'system' },
      { c: 'a', t: 10, role: 'customer' },
      { c: 'a', t: 15, role: 'customer' },
      { c: 'a', t: 40, role: 'bot' },
      // b: a greeting with nothing pending is ignored; agent reply → 25 − 5 = 20
      { c: 'b', t: 0, role: 'bot' },
      { c: 'b', t: 5, role: 'customer' },
      { c: 'b', t: 25, role: 'agent' },
      // c: only the first reply counts → 10 − 0 = 10
      { c: 'c', t: 0, role: 'customer' },
      { c: 'c', t: 3, role: 'system' },
      { c: 'c', t: 10, role: 'bot' },
      { c: 'c', t: 20, role: 'customer' },
      { c: 'c', t: 100, role: 'bot' },
      // d: never answered → no value
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 7, role: 'system' },
      // e: no customer message → no value
      { c: 'e', t: 0, role: 'bot' },
      { c: 'e', t: 5, role: 'bot' },
    ]);
    // values [10, 20, 30]: mean 20; p50: h = 1 → 20; p90: h = 1.8 → 20 + 0.8·10 = 28
    expectDistribution(computeKpi(firstResponseTime, convs, contextOf(convs)), { mean: 20, p50: 20, p90: 28, count: 3 });
  });

  it('a single value is every percentile', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 7, role: 'agent' },
    ]);
    expectDistribution(computeKpi(firstResponseTime, convs, contextOf(convs)), { mean: 7, p50: 7, p90: 7, count: 1 });
  });

  it('business: the same conversations in business seconds; empty with a reason without a schedule', () => {
    const convs = conversationsOf([
      // a: Monday 16:50 → Tuesday 09:10; open Monday 09:00–17:00 only → 600 s (calendar 58,800 s)
      { c: 'a', t: 60_600, role: 'customer' },
      { c: 'a', t: 119_400, role: 'bot' },
      // b: Monday 10:00:00 → 10:00:05 → 5 s
      { c: 'b', t: 36_000, role: 'customer' },
      { c: 'b', t: 36_005, role: 'agent' },
      // c: never answered → in neither
      { c: 'c', t: 36_000, role: 'customer' },
    ]);
    const r = computeKpi(firstResponseTime, convs, contextOf(convs, { businessHours: MONDAY_9_TO_5() }));
    // calendar [5, 58800]: mean 29402.5, p90 5 + 0.9·58795 = 52920.5; business [5, 600]: mean 302.5, p90 5 + 0.9·595 = 540.5
    expectDistribution({ ...r, business: undefined } as never, { mean: 29_402.5, p50: 29_402.5, p90: 52_920.5, count: 2 });
    expectDistribution(r.business, { mean: 302.5, p50: 302.5, p90: 540.5, count: 2 });
    const without = computeKpi(firstResponseTime, convs, contextOf(convs));
    expectEmptyDistribution(without.business);
    expect(without.business.reason).toBe('needs business_hours in the config');
  });

  it('is empty with a reason when nothing was answered', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    expectEmptyDistribution(computeKpi(firstResponseTime, convs, contextOf(convs)));
  });
});
