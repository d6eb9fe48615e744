import { rateKpi } from './define.js';

export const reopenRate = rateKpi({
  id: 'reopen_rate',
  title: 'Reopened',
  description: 'Share of conversations marked resolved (at or after their start) in which the customer wrote again after the first such mark.',
  direction: 'lower',
  requires: ['resolved'],
  inDenominator: (c) => c.reopened !== undefined,
  inNumerator: (c) => c.reopened === true,
  empty: 'no conversation marked resolved at or after its start',
});
