import { isAbandoned } from '../conversations/derive.js';
import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const abandonmentRate = rateKpi({
  id: 'abandonment_rate',
  title: 'Abandonment',
  description: 'Share of bot-engaged conversations left by the customer: not escalated, not resolved, and the customer had the last word.',
  direction: 'lower',
  requires: [],
  inDenominator: (c) => c.botEngaged,
  inNumerator: isAbandoned,
  empty: NO_BOT,
});
