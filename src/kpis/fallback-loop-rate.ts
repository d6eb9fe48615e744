import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const fallbackLoopRate = rateKpi({
  id: 'fallback_loop_rate',
  title: 'Fallback loops',
  description: 'Share of bot-engaged conversations in which two bot messages in a row (among its bot messages) were both fallbacks.',
  direction: 'lower',
  requires: ['fallback'],
  inDenominator: (c) => c.botEngaged,
  inNumerator: (c) => c.quality.fallbackLoop,
  empty: NO_BOT,
});
