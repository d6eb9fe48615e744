import { describe, expect, it } from 'vitest';
import { conversionRate } from '../../src/kpis/conversion-rate.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { moneyContext } from './money-fixture.js';
import { allConversations, inScope, orders } from './orders-fixture.js';

describe('conversion_rate', () => {
  it('credits each order to the latest conversation starting at or before it, within [start, start + A]', () => {
    // denominator: in scope with customer_id = {a, b, c, e, f1, f2} = 6 (h has none, d is out of scope)
    // converted = {a (o1, o7), b (o2 at start + A), c (o9 at start), f2 (o5, larger id)} = 4 → 4/6
    // not: e (o4 goes to the out-of-scope d), f1 (tie lost to f2)
    expectRate(computeKpi(conversionRate, inScope, moneyContext(allConversations, { orders })), 4, 6);
  });

  it('uses the configured window', () => {
    // A = 1 h: o2 (1000 + 72 h) is now outside b's window; a (o1, o7), c (o9) and f2 (o5) remain → 3/6
    const ctx = moneyContext(allConversations, { orders, attributionWindowMs: 3_600_000 });
    expectRate(computeKpi(conversionRate, inScope, ctx), 3, 6);
  });

  it('is null with a reason without orders', () => {
    const r = runKpis([conversionRate], inScope, moneyContext(allConversations)).conversion_rate as {
      value: null;
      reason: string;
    };
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/\S/);
  });

  it('is null with a reason without conversations that have a customer_id', () => {
    const anon = inScope.filter((c) => c.id === 'h');
    expectEmptyRate(computeKpi(conversionRate, anon, moneyContext(allConversations, { orders })));
  });
});
