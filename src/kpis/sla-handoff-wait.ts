import { rateKpi } from './define.js';
import { NO_HANDOFF } from './reasons.js';

export const slaHandoffWait = rateKpi({
  id: 'sla_handoff_wait',
  title: 'Handoff wait within target',
  description:
    'Share of conversations with an explicit handoff in which an agent answered within sla.handoff_wait of the first signal (a failed escalation is a miss).',
  direction: 'higher',
  requires: ['timestamp'],
  applicable: (ctx) => (ctx.options.sla?.handoffWaitMs === undefined ? 'needs sla.handoff_wait in the config' : undefined),
  inDenominator: (c) => c.explicitHandoffAt !== undefined,
  inNumerator: (_c, f) => f.service.slaHandoffWait === true,
  empty: NO_HANDOFF,
});
