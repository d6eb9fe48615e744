import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const humanRequestRate: Kpi<Rate> = {
  id: 'human_request_rate',
  title: 'Requests for a human',
  description: 'Share of bot-engaged conversations in which the customer asked for a person (a small word list per language).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['text'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.askedForHuman, t.botEngaged, 'no bot-engaged conversations');
  },
};
