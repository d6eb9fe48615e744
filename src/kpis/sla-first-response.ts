import type { Rate } from '../report/types.js';
import { serviceFacts } from './facts.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const slaFirstResponse: Kpi<Rate> = {
  id: 'sla_first_response',
  title: 'First response within target',
  description:
    'Share of conversations with a customer message whose first response came within sla.first_response (a time equal to the target is a hit; never answered is a miss).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: ['timestamp'],
  applicable: (ctx) => (ctx.options.sla?.firstResponseMs === undefined ? 'needs sla.first_response in the config' : undefined),
  compute: (convs, ctx) =>
    rateOf(convs, (c) => c.firstCustomerAt !== undefined, (c) => serviceFacts(c, ctx).slaFirstResponse === true, 'no conversation with a customer message'),
};
