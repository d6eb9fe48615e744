import { addCosts, initCosts, mergeCosts, type CostState } from './cost-state.js';
import { costApplicable } from './money.js';
import { OVERFLOW } from './reasons.js';
import { valueSchema, type Value } from './result.js';
import type { Kpi } from './types.js';

export const humanCost: Kpi<CostState, Value> = {
  id: 'human_cost',
  title: 'Human cost',
  description:
    'Σ cost on agent messages, plus human_per_conversation per escalated conversation (or, without it, agent_hourly_rate × hours from handoff to the end).',
  unit: 'money',
  direction: 'lower',
  requires: [],
  result: valueSchema('money'),
  applicable: costApplicable,
  init: initCosts,
  add: addCosts,
  merge: mergeCosts,
  finish(s) {
    const value = s.human.total();
    return Number.isFinite(value) ? { value, count: s.conversations } : { value: null, count: s.conversations, reason: OVERFLOW };
  },
};
