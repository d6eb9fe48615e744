import type { Rate } from '../report/types.js';
import { conversationsPerCustomer } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const repeatCustomerRate: Kpi<Rate> = {
  id: 'repeat_customer_rate',
  title: 'Repeat customers',
  description: 'Share of customers (by customer_id) with two or more conversations in scope.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'neutral',
  requires: ['customer_id'],
  compute(convs, ctx) {
    const perCustomer = conversationsPerCustomer(convs, ctx);
    let repeat = 0;
    for (const n of perCustomer.values()) if (n >= 2) repeat++;
    return rate(repeat, perCustomer.size, 'no conversations with a customer_id');
  },
};
