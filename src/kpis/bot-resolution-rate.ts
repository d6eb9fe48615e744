import { isContained } from '../conversations/derive.js';
import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const botResolutionRate: Kpi<Rate> = {
  id: 'bot_resolution_rate',
  title: 'Bot resolution',
  description:
    'Share of bot-engaged conversations with a known outcome that the bot resolved on its own (resolved, never escalated).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['resolved'],
  compute: (convs) =>
    rateOf(
      convs,
      (c) => c.botEngaged && c.resolved !== undefined,
      (c) => isContained(c) && c.resolved === true,
      'no bot-engaged conversation with a known resolution',
    ),
};
