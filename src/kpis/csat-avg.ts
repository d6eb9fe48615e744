import { OrderedSum } from './define.js';
import { value, valueSchema, type Value } from './result.js';
import type { Kpi } from './types.js';

export const csatAvg: Kpi<OrderedSum, Value> = {
  id: 'csat_avg',
  title: 'CSAT average',
  description: 'Mean of the numeric last ratings (thumbs are left out), on the configured scale.',
  unit: 'score',
  direction: 'higher',
  requires: ['csat'],
  result: valueSchema('score'),
  init: () => new OrderedSum(),
  add(sum, { c }) {
    if (c.csat?.kind === 'numeric') sum.add(c, c.csat.value);
  },
  merge: (into, other) => into.merge(other),
  finish(sum) {
    const n = sum.count;
    return value(n === 0 ? null : sum.total() / n, n, 'no numeric ratings');
  },
};
