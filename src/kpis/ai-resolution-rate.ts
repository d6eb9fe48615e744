import type { Rate } from '../report/types.js';
import { outcomeCounts } from './bot-outcomes.js';
import { NO_BOT } from './containment-rate.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const aiResolutionRate: Kpi<Rate> = {
  id: 'ai_resolution_rate',
  title: 'AI resolution',
  description: 'Share of bot-engaged conversations confirmed resolved or assumed resolved (see bot_outcomes): (confirmed + assumed) / |B|.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: [],
  compute(convs, ctx) {
    const { counts, bot } = outcomeCounts(convs, ctx);
    return rate(counts.confirmed + counts.assumed, bot, NO_BOT);
  },
};
