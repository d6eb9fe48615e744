import type { Value } from '../report/types.js';
import { costApplicable, costs, OVERFLOW } from './money.js';
import type { Kpi } from './types.js';

export const humanCost: Kpi<Value> = {
  id: 'human_cost',
  title: 'Human cost',
  description:
    'Σ cost on agent messages, plus human_per_conversation per escalated conversation (or, without it, agent_hourly_rate × hours from handoff to the end).',
  unit: 'money',
  direction: 'lower',
  requires: [],
  applicable: costApplicable,
  compute(convs, ctx) {
    const value = costs(convs, ctx).human;
    return Number.isFinite(value) ? { value, count: convs.length } : { value: null, count: convs.length, reason: OVERFLOW };
  },
};
