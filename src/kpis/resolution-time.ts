import { resolutionMs } from '../conversations/derive.js';
import type { Distribution } from '../report/types.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const NO_RESOLVED = 'no resolved conversations';

export const resolutionTime: Kpi<Distribution> = {
  id: 'resolution_time',
  title: 'Resolution time',
  description:
    'Seconds from the start of a resolved conversation to the row that carries its final resolved value (0 when that row lies before the start).',
  unit: 'seconds',
  shape: 'distribution',
  direction: 'lower',
  requires: ['resolved', 'timestamp'],
  compute(convs) {
    const values: number[] = [];
    for (const c of convs) {
      const ms = resolutionMs(c);
      if (ms !== undefined) values.push(ms);
    }
    return distribution(values, NO_RESOLVED);
  },
};
