import type { Value } from '../report/types.js';
import { costApplicable, costs, OVERFLOW } from './money.js';
import type { Kpi } from './types.js';

export const botCost: Kpi<Value> = {
  id: 'bot_cost',
  title: 'Bot cost',
  description:
    'Σ cost on every row except agent messages, plus bot_per_conversation per bot-engaged conversation and bot_per_resolution per contained conversation not marked unresolved.',
  unit: 'money',
  direction: 'lower',
  requires: [],
  applicable: costApplicable,
  compute(convs, ctx) {
    const value = costs(convs, ctx).bot;
    return Number.isFinite(value) ? { value, count: convs.length } : { value: null, count: convs.length, reason: OVERFLOW };
  },
};
