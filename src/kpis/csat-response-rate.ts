import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const csatResponseRate: Kpi<Rate> = {
  id: 'csat_response_rate',
  title: 'CSAT response rate',
  description: 'Share of conversations that received a rating.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['csat'],
  compute: (convs) => rateOf(convs, () => true, (c) => c.csat !== undefined, 'no conversations'),
};
