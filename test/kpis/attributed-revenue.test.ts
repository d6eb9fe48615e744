import { describe, expect, it } from 'vitest';
import { attributedRevenue } from '../../src/kpis/attributed-revenue.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { moneyContext } from './money-fixture.js';
import { allConversations, inScope, orders } from './orders-fixture.js';

describe('attributed_revenue', () => {
  it('sums the values of orders credited to in-scope conversations', () => {
    // a: o1 10 + o7 5; b: o2 20; c: o9 1280; f2: o5 160 → 1475 over 5 orders
    // (o4 goes to the out-of-scope d; o3 is past c's window; o6, o8 find no conversation)
    const r = computeKpi(attributedRevenue, inScope, moneyContext(allConversations, { orders }));
    expect(r.value).toBeCloseTo(1475, 9);
    expect(r.count).toBe(5);
  });

  it('an order credited to an out-of-scope conversation is not revenue of the scope', () => {
    const e = inScope.filter((c) => c.id === 'e');
    expect(computeKpi(attributedRevenue, e, moneyContext(allConversations, { orders }))).toEqual({ value: 0, count: 0 });
  });

  it('is null with a reason without orders', () => {
    const r = runKpis([attributedRevenue], inScope, moneyContext(allConversations)).attributed_revenue as {
      value: null;
      reason: string;
    };
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/\S/);
  });
});
