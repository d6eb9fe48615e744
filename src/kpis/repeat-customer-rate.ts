import { mergeCountMaps } from './define.js';
import { rate, rateSchema, type Rate } from './result.js';
import type { Kpi } from './types.js';

export const repeatCustomerRate: Kpi<Map<string, number>, Rate> = {
  id: 'repeat_customer_rate',
  title: 'Repeat customers',
  description: 'Share of customers (by customer_id) with two or more conversations in scope.',
  unit: 'ratio',
  direction: 'neutral',
  requires: ['customer_id'],
  result: rateSchema,
  init: () => new Map(),
  add(perCustomer, { c }) {
    if (c.customerId !== undefined) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
  },
  merge: mergeCountMaps,
  finish(perCustomer) {
    let repeat = 0;
    for (const n of perCustomer.values()) if (n >= 2) repeat++;
    return rate(repeat, perCustomer.size, 'no conversations with a customer_id');
  },
};
