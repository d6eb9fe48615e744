import type { Rate } from '../report/types.js';
import { serviceFacts } from './facts.js';
import { NO_RESOLVED } from './resolution-time.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const slaResolution: Kpi<Rate> = {
  id: 'sla_resolution',
  title: 'Resolution within target',
  description: 'Share of resolved conversations whose resolution time (calendar time) is within sla.resolution.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['timestamp'],
  applicable(ctx) {
    if (ctx.options.sla?.resolutionMs === undefined) return 'needs sla.resolution in the config';
    return ctx.fields.has('resolved') ? undefined : 'needs field resolved';
  },
  compute: (convs, ctx) =>
    rateOf(convs, (c) => c.resolved === true, (c) => serviceFacts(c, ctx).slaResolution === true, NO_RESOLVED),
};
