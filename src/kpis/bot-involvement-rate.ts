import { rateKpi } from './define.js';

export const botInvolvementRate = rateKpi({
  id: 'bot_involvement_rate',
  title: 'Bot involvement',
  description: 'Share of conversations with at least one bot message: |B| / N.',
  direction: 'neutral',
  requires: [],
  inDenominator: () => true,
  inNumerator: (c) => c.botEngaged,
  empty: 'no conversations',
});
