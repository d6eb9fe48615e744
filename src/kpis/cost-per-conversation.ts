import { z } from 'zod';
import { addCosts, initCosts, mergeCosts, type CostState } from './cost-state.js';
import { costApplicable } from './money.js';
import { OVERFLOW } from './reasons.js';
import { nullableNum, num, reason } from './result.js';
import type { Kpi } from './types.js';

export const costResult = z.strictObject({
  value: nullableNum('money').describe('(bot cost + human cost) / conversations'),
  bot_cost: nullableNum('money').describe('null when the sum overflows'),
  human_cost: nullableNum('money'),
  total_cost: nullableNum('money'),
  count: num('count'),
  reason,
});

export const costPerConversation: Kpi<CostState, z.infer<typeof costResult>> = {
  id: 'cost_per_conversation',
  title: 'Cost per conversation',
  description:
    'Bot cost plus human cost, divided by the conversations in scope; bot and human cost (in the base currency) beside it.',
  unit: 'money',
  direction: 'lower',
  requires: [],
  result: costResult,
  applicable: costApplicable,
  init: initCosts,
  add: addCosts,
  merge: mergeCosts,
  finish(s) {
    const bot = s.bot.total();
    const human = s.human.total();
    const n = s.conversations;
    const base = { bot_cost: bot, human_cost: human, total_cost: bot + human, count: n };
    if (!Number.isFinite(bot + human)) {
      const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
      return { value: null, bot_cost: finite(bot), human_cost: finite(human), total_cost: null, count: n, reason: OVERFLOW };
    }
    return n === 0 ? { value: null, ...base, reason: 'no conversations' } : { value: (bot + human) / n, ...base };
  },
};
