import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const NO_HANDOFF = 'no conversation with an explicit handoff';

export const escalationFailedRate: Kpi<Rate> = {
  id: 'escalation_failed_rate',
  title: 'Failed escalations',
  description:
    'Share of conversations with an explicit handoff (event or handoff=true), bot-engaged or not, in which no agent message came at or after the first signal.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: [],
  compute: (convs) =>
    rateOf(
      convs,
      (c) => c.explicitHandoffAt !== undefined,
      (c) => c.agentAfterHandoffAt === undefined,
      NO_HANDOFF,
    ),
};
