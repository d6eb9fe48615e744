import { isSatisfied } from '../conversations/derive.js';
import { rateKpi } from './define.js';

export const csatScore = rateKpi({
  id: 'csat_score',
  title: 'CSAT',
  description:
    'Share of rated conversations whose last rating is satisfied (≥ 4 on a 5-point scale, ≥ ceil(0.8·S) in general, or thumbs up).',
  direction: 'higher',
  breakdown: 'value',
  requires: ['csat'],
  inDenominator: (c) => c.csat !== undefined,
  inNumerator: (c, _f, ctx) => c.csat !== undefined && isSatisfied(c.csat, ctx.options.csatSatisfiedFrom),
  empty: 'no rated conversations',
});
