import { OrderedSum } from './define.js';
import { ordersApplicable } from './money.js';
import { valueSchema, type Value } from './result.js';
import type { Kpi } from './types.js';

export const attributedRevenue: Kpi<{ value: OrderedSum; orders: number }, Value> = {
  id: 'attributed_revenue',
  title: 'Attributed revenue',
  description: 'Σ value (in the base currency) of the orders credited to conversations in scope; count = orders credited.',
  unit: 'money',
  direction: 'higher',
  breakdown: 'value',
  requires: ['customer_id'],
  result: valueSchema('money'),
  applicable: ordersApplicable,
  init: () => ({ value: new OrderedSum(), orders: 0 }),
  add(s, f) {
    const credit = f.credit;
    if (credit === undefined) return;
    s.value.add(f.c, credit.value);
    s.orders += credit.orders;
  },
  merge(into, other) {
    into.value.merge(other.value);
    into.orders += other.orders;
  },
  finish: (s) => ({ value: s.value.total(), count: s.orders }),
};
