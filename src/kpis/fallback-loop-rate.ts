import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const fallbackLoopRate: Kpi<Rate> = {
  id: 'fallback_loop_rate',
  title: 'Fallback loops',
  description: 'Share of bot-engaged conversations in which two bot messages in a row (among its bot messages) were both fallbacks.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['fallback'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.fallbackLoops, t.botEngaged, 'no bot-engaged conversations');
  },
};
