import type { Value } from '../report/types.js';
import { costApplicable, costs } from './money.js';
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
  compute: (convs, ctx) => ({ value: costs(convs, ctx).bot, count: convs.length }),
};
