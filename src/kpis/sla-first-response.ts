import { rateKpi } from './define.js';

export const slaFirstResponse = rateKpi({
  id: 'sla_first_response',
  title: 'First response within target',
  description:
    'Share of conversations with a customer message whose first response came within sla.first_response (a time equal to the target is a hit; never answered is a miss).',
  direction: 'higher',
  breakdown: 'value',
  requires: ['timestamp'],
  applicable: (ctx) => (ctx.options.sla?.firstResponseMs === undefined ? 'needs sla.first_response in the config' : undefined),
  inDenominator: (c) => c.firstCustomerAt !== undefined,
  inNumerator: (_c, f) => f.service.slaFirstResponse === true,
  empty: 'no conversation with a customer message',
});
