import type { Rate } from '../report/types.js';
import { NO_BOT } from './containment-rate.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const escalationRate: Kpi<Rate> = {
  id: 'escalation_rate',
  title: 'Escalation',
  description: 'Share of bot-engaged conversations transferred to a human (handoff or agent message); 1 − containment.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: [],
  compute: (convs) => rateOf(convs, (c) => c.botEngaged, (c) => c.escalated, NO_BOT),
};
