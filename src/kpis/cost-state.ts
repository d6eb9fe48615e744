import { OrderedSum } from './define.js';
import type { ConversationFacts } from './facts.js';
import { costApplicable } from './money.js';
import { OVERFLOW } from './reasons.js';
import { valueSchema, type Value } from './result.js';
import type { Kpi, KpiMeta } from './types.js';

/** Bot and human cost of the conversations folded so far (see ConversationFacts.costAddends), and how many. */
export interface CostState {
  bot: OrderedSum;
  human: OrderedSum;
  conversations: number;
}

export const initCosts = (): CostState => ({ bot: new OrderedSum(), human: new OrderedSum(), conversations: 0 });

export function addCosts(s: CostState, f: ConversationFacts): void {
  const { bot, human } = f.costAddends;
  for (const x of bot) s.bot.add(f.c, x);
  for (const x of human) s.human.add(f.c, x);
  s.conversations++;
}

export function mergeCosts(into: CostState, other: CostState): void {
  into.bot.merge(other.bot);
  into.human.merge(other.human);
  into.conversations += other.conversations;
}

/**
 * A KPI that is one of the two cost sums (bot or human) over the conversations in scope, with
 * their number as its count; null when the sum overflows.
 */
export function costSumKpi(part: 'bot' | 'human', meta: Pick<KpiMeta, 'id' | 'title' | 'description'>): Kpi<CostState, Value> {
  return {
    ...meta,
    unit: 'money',
    direction: 'lower',
    requires: [],
    result: valueSchema('money'),
    applicable: costApplicable,
    init: initCosts,
    add: addCosts,
    merge: mergeCosts,
    finish(s) {
      const value = s[part].total();
      return Number.isFinite(value) ? { value, count: s.conversations } : { value: null, count: s.conversations, reason: OVERFLOW };
    },
  };
}
