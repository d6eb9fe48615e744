import { rateKpi } from './define.js';
import { ordersApplicable } from './money.js';

export const conversionRate = rateKpi({
  id: 'conversion_rate',
  title: 'Conversion',
  description:
    "Share of conversations with a customer_id credited with at least one order: each order goes to the customer's latest conversation starting at or before it, if placed within the attribution window (default 72 h) of that start.",
  direction: 'higher',
  breakdown: 'value',
  requires: ['customer_id'],
  applicable: ordersApplicable,
  inDenominator: (c) => c.customerId !== undefined,
  inNumerator: (_c, f) => f.credit !== undefined,
  empty: 'no conversations with a customer_id',
});
