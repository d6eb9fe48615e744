import { isSatisfied } from '../conversations/derive.js';
import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const csatScore: Kpi<Rate> = {
  id: 'csat_score',
  title: 'CSAT',
  description:
    'Share of rated conversations whose last rating is satisfied (≥ 4 on a 5-point scale, ≥ ceil(0.8·S) in general, or thumbs up).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: ['csat'],
  compute: (convs, ctx) =>
    rateOf(
      convs,
      (c) => c.csat !== undefined,
      (c) => c.csat !== undefined && isSatisfied(c.csat, ctx.options.csatSatisfiedFrom),
      'no rated conversations',
    ),
};
