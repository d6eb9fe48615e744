import { rateKpi } from './define.js';

export const fcrRate = rateKpi({
  id: 'fcr_rate',
  title: 'First contact resolution',
  description:
    'Share of bot-engaged conversations with a known customer that were not marked unresolved and had no follow-up conversation from that customer within the window (default 7 days) after they ended.',
  direction: 'higher',
  requires: ['customer_id'],
  inDenominator: (c) => c.botEngaged && c.customerId !== undefined,
  inNumerator: (_c, f) => f.fcr === true,
  empty: 'no bot-engaged conversations with a customer_id',
});
