import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const shoutingRate: Kpi<Rate> = {
  id: 'shouting_rate',
  title: 'Shouting customers',
  description: 'Share of bot-engaged conversations with a customer message written mostly in capitals.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['text'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.shouting, t.botEngaged, 'no bot-engaged conversations');
  },
};
