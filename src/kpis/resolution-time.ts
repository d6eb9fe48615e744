import { resolutionMs } from '../conversations/derive.js';
import { samplesKpi } from './define.js';
import { distribution, distributionSchema } from './result.js';
import { NO_RESOLVED } from './reasons.js';

export const resolutionTime = samplesKpi({
  id: 'resolution_time',
  title: 'Resolution time',
  description:
    'Seconds from the start of a resolved conversation to the row that carries its final resolved value (0 when that row lies before the start).',
  unit: 'seconds',
  direction: 'lower',
  requires: ['resolved', 'timestamp'],
  result: distributionSchema,
  samples: ['resolved'],
  add(s, { c }) {
    const ms = resolutionMs(c);
    if (ms !== undefined) s.resolved.push(ms);
  },
  finish: (s) => distribution(s.resolved, NO_RESOLVED),
});
