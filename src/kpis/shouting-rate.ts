import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const shoutingRate = rateKpi({
  id: 'shouting_rate',
  title: 'Shouting customers',
  description: 'Share of bot-engaged conversations with a customer message written mostly in capitals.',
  direction: 'lower',
  requires: ['text'],
  inDenominator: (c) => c.botEngaged,
  inNumerator: (c) => c.quality.shouting,
  empty: NO_BOT,
});
