import { describe, it } from 'vitest';
import { firstResponseTime } from '../../src/kpis/first-response-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

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
    expectDistribution(firstResponseTime.compute(convs, contextOf(convs)), { mean: 20, p50: 20, p90: 28, count: 3 });
  });

  it('a single value is every percentile', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 7, role: 'agent' },
    ]);
    expectDistribution(firstResponseTime.compute(convs, contextOf(convs)), { mean: 7, p50: 7, p90: 7, count: 1 });
  });

  it('is empty with a reason when nothing was answered', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    expectEmptyDistribution(firstResponseTime.compute(convs, contextOf(convs)));
  });
});
