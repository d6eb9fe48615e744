import { rateKpi } from './define.js';

export const csatResponseRate = rateKpi({
  id: 'csat_response_rate',
  title: 'CSAT response rate',
  description: 'Share of conversations that received a rating.',
  direction: 'higher',
  requires: ['csat'],
  inDenominator: () => true,
  inNumerator: (c) => c.csat !== undefined,
  empty: 'no conversations',
});
