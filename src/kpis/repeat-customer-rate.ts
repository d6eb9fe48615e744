import { distinctAndRepeated, IntList } from './define.js';
import { rate, rateSchema, type Rate } from './result.js';
import type { Kpi } from './types.js';

export const repeatCustomerRate: Kpi<IntList, Rate> = {
  id: 'repeat_customer_rate',
  title: 'Repeat customers',
  description: 'Share of customers (by customer_id) with two or more conversations in scope.',
  unit: 'ratio',
  direction: 'neutral',
  requires: ['customer_id'],
  result: rateSchema,
  // The customer keys of the conversations (see facts.customers), counted when finished.
  init: () => new IntList(),
  add(keys, f) {
    if (f.c.customerId !== undefined) keys.push(f.customerKey);
  },
  merge: (into, other) => into.append(other),
  finish(keys) {
    const { distinct, repeated } = distinctAndRepeated(keys.sorted());
    return rate(repeated, distinct, 'no conversations with a customer_id');
  },
};
