import { rateKpi } from './define.js';

export const resolutionRate = rateKpi({
  id: 'resolution_rate',
  title: 'Resolution',
  description: 'Share of conversations with a known outcome that were resolved (last resolved value wins).',
  direction: 'higher',
  requires: ['resolved'],
  inDenominator: (c) => c.resolved !== undefined,
  inNumerator: (c) => c.resolved === true,
  empty: 'no conversation with a known resolution',
});
