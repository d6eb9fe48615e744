import type { Value } from '../report/types.js';
import { attribution, ordersApplicable } from './money.js';
import type { Kpi } from './types.js';

export const attributedRevenue: Kpi<Value> = {
  id: 'attributed_revenue',
  title: 'Attributed revenue',
  description: 'Σ value (in the base currency) of the orders credited to conversations in scope; count = orders credited.',
  unit: 'money',
  direction: 'higher',
  breakdown: 'value',
  requires: ['customer_id'],
  applicable: ordersApplicable,
  compute(convs, ctx) {
    const credits = attribution(ctx);
    let value = 0;
    let orders = 0;
    for (const c of convs) {
      const credit = credits.get(c.id);
      if (credit === undefined) continue;
      value += credit.value;
      orders += credit.orders;
    }
    return { value, count: orders };
  },
};
