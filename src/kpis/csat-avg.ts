import type { Value } from '../report/types.js';
import { value } from './results.js';
import type { Kpi } from './types.js';

export const csatAvg: Kpi<Value> = {
  id: 'csat_avg',
  title: 'CSAT average',
  description: 'Mean of the numeric last ratings (thumbs are left out), on the configured scale.',
  unit: 'score',
  direction: 'higher',
  requires: ['csat'],
  compute(convs) {
    let sum = 0;
    let n = 0;
    for (const c of convs) {
      if (c.csat?.kind !== 'numeric') continue;
      sum += c.csat.value;
      n++;
    }
    return value(n === 0 ? null : sum / n, n, 'no numeric ratings');
  },
};
