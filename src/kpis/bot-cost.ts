import { addCosts, initCosts, mergeCosts, type CostState } from './cost-state.js';
import { costApplicable } from './money.js';
import { OVERFLOW } from './reasons.js';
import { valueSchema, type Value } from './result.js';
import type { Kpi } from './types.js';

export const botCost: Kpi<CostState, Value> = {
  id: 'bot_cost',
  title: 'Bot cost',
  description:
    'Σ cost on every row except agent messages, plus bot_per_conversation per bot-engaged conversation and bot_per_resolution per contained conversation not marked unresolved.',
  unit: 'money',
  direction: 'lower',
  requires: [],
  result: valueSchema('money'),
  applicable: costApplicable,
  init: initCosts,
  add: addCosts,
  merge: mergeCosts,
  finish(s) {
    const value = s.bot.total();
    return Number.isFinite(value) ? { value, count: s.conversations } : { value: null, count: s.conversations, reason: OVERFLOW };
  },
};
