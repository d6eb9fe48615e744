import { isContained } from '../conversations/derive.js';
import { rateKpi } from './define.js';

export const botResolutionRate = rateKpi({
  id: 'bot_resolution_rate',
  title: 'Bot resolution',
  description: 'Share of bot-engaged conversations with a known outcome that the bot resolved on its own (resolved, never escalated).',
  direction: 'higher',
  requires: ['resolved'],
  inDenominator: (c) => c.botEngaged && c.resolved !== undefined,
  inNumerator: (c) => isContained(c) && c.resolved === true,
  empty: 'no bot-engaged conversation with a known resolution',
});
