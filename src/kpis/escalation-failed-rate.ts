import { rateKpi } from './define.js';
import { NO_HANDOFF } from './reasons.js';

export const escalationFailedRate = rateKpi({
  id: 'escalation_failed_rate',
  title: 'Failed escalations',
  description: 'Share of conversations with an explicit handoff (event or handoff=true), bot-engaged or not, in which no agent message came at or after the first signal.',
  direction: 'lower',
  requires: [],
  inDenominator: (c) => c.explicitHandoffAt !== undefined,
  inNumerator: (c) => c.agentAfterHandoffAt === undefined,
  empty: NO_HANDOFF,
});
