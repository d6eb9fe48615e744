import type { CostKpi } from '../report/types.js';
import { costApplicable, costs, OVERFLOW } from './money.js';
import type { Kpi } from './types.js';

export const costPerConversation: Kpi<CostKpi> = {
  id: 'cost_per_conversation',
  title: 'Cost per conversation',
  description:
    'Bot cost plus human cost, divided by the conversations in scope; bot and human cost (in the base currency) beside it.',
  unit: 'money',
  direction: 'lower',
  requires: [],
  applicable: costApplicable,
  compute(convs, ctx) {
    const { bot, human } = costs(convs, ctx);
    const n = convs.length;
    const base = { bot_cost: bot, human_cost: human, total_cost: bot + human, count: n };
    if (!Number.isFinite(bot + human)) {
      const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
      return { value: null, bot_cost: finite(bot), human_cost: finite(human), total_cost: null, count: n, reason: OVERFLOW };
    }
    return n === 0 ? { value: null, ...base, reason: 'no conversations' } : { value: (bot + human) / n, ...base };
  },
};
