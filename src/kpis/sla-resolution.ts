import { rateKpi } from './define.js';
import { NO_RESOLVED } from './reasons.js';

export const slaResolution = rateKpi({
  id: 'sla_resolution',
  title: 'Resolution within target',
  description: 'Share of resolved conversations whose resolution time (calendar time) is within sla.resolution.',
  direction: 'higher',
  requires: ['timestamp'],
  applicable(ctx) {
    if (ctx.options.sla?.resolutionMs === undefined) return 'needs sla.resolution in the config';
    return ctx.fields.has('resolved') ? undefined : 'needs field resolved';
  },
  inDenominator: (c) => c.resolved === true,
  inNumerator: (_c, f) => f.service.slaResolution === true,
  empty: NO_RESOLVED,
});
