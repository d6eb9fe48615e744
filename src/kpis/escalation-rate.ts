import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const escalationRate = rateKpi({
  id: 'escalation_rate',
  title: 'Escalation',
  description: 'Share of bot-engaged conversations transferred to a human (handoff or agent message); 1 − containment.',
  direction: 'lower',
  requires: [],
  inDenominator: (c) => c.botEngaged,
  inNumerator: (c) => c.escalated,
  empty: NO_BOT,
});
