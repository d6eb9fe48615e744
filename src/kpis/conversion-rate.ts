import type { Rate } from '../report/types.js';
import { attribution, ordersApplicable } from './money.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const conversionRate: Kpi<Rate> = {
  id: 'conversion_rate',
  title: 'Conversion',
  description:
    "Share of conversations with a customer_id credited with at least one order: each order goes to the customer's latest conversation starting at or before it, if placed within the attribution window (default 72 h) of that start.",
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: ['customer_id'],
  applicable: ordersApplicable,
  compute(convs, ctx) {
    const credits = attribution(ctx);
    return rateOf(
      convs,
      (c) => c.customerId !== undefined,
      (c) => credits.has(c.id),
      'no conversations with a customer_id',
    );
  },
};
