import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const resolutionRate: Kpi<Rate> = {
  id: 'resolution_rate',
  title: 'Resolution',
  description: 'Share of conversations with a known outcome that were resolved (last resolved value wins).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['resolved'],
  compute: (convs) =>
    rateOf(convs, (c) => c.resolved !== undefined, (c) => c.resolved === true, 'no conversation with a known resolution'),
};
