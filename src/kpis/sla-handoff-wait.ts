import type { Rate } from '../report/types.js';
import { NO_HANDOFF } from './escalation-failed-rate.js';
import { serviceFacts } from './facts.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const slaHandoffWait: Kpi<Rate> = {
  id: 'sla_handoff_wait',
  title: 'Handoff wait within target',
  description:
    'Share of conversations with an explicit handoff in which an agent answered within sla.handoff_wait of the first signal (a failed escalation is a miss).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['timestamp'],
  applicable: (ctx) => (ctx.options.sla?.handoffWaitMs === undefined ? 'needs sla.handoff_wait in the config' : undefined),
  compute: (convs, ctx) =>
    rateOf(convs, (c) => c.explicitHandoffAt !== undefined, (c) => serviceFacts(c, ctx).slaHandoffWait === true, NO_HANDOFF),
};
