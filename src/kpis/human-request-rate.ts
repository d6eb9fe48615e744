import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const humanRequestRate = rateKpi({
  id: 'human_request_rate',
  title: 'Requests for a human',
  description: 'Share of bot-engaged conversations in which the customer asked for a person (a small word list per language).',
  direction: 'lower',
  requires: ['text'],
  inDenominator: (c) => c.botEngaged,
  inNumerator: (c) => c.quality.askedForHuman,
  empty: NO_BOT,
});
