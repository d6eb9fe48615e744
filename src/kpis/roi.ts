import { z } from 'zod';
import { isContained } from '../conversations/derive.js';
import { addCosts, initCosts, mergeCosts, type CostState } from './cost-state.js';
import { OrderedSum } from './define.js';
import { HOUR_MS, humanMs } from './facts.js';
import { OVERFLOW } from './reasons.js';
import { nullableNum, num, reason } from './result.js';
import type { Kpi } from './types.js';

export const roiResult = z.strictObject({
  value: nullableNum('ratio'),
  containment_savings: num('money').optional(),
  attributed_revenue: num('money').optional(),
  margin: num('ratio').optional(),
  bot_cost: num('money').optional(),
  reason,
});

interface State extends CostState {
  contained: number;
  escalated: number;
  /** Σ ms from handoff to end of the escalated conversations (whole numbers: exact in any order). */
  escalatedMs: number;
  revenue: OrderedSum;
}

export const roi: Kpi<State, z.infer<typeof roiResult>> = {
  id: 'roi',
  title: 'ROI',
  description:
    '(containment savings + attributed revenue × margin − bot cost) / bot cost; savings = contained conversations × human_per_conversation (or × mean escalated handling hours × agent_hourly_rate).',
  unit: 'ratio',
  direction: 'higher',
  requires: [],
  result: roiResult,
  applicable: (ctx) => (ctx.options.cost === undefined ? 'needs a cost model (cost in botkpi.config.json)' : undefined),
  init: () => ({ ...initCosts(), contained: 0, escalated: 0, escalatedMs: 0, revenue: new OrderedSum() }),
  add(s, f) {
    addCosts(s, f);
    const c = f.c;
    if (isContained(c)) s.contained++;
    if (c.escalated) {
      s.escalated++;
      s.escalatedMs += humanMs(c);
    }
    const credit = f.credit;
    if (credit !== undefined) s.revenue.add(c, credit.value);
  },
  merge(into, other) {
    mergeCosts(into, other);
    into.contained += other.contained;
    into.escalated += other.escalated;
    into.escalatedMs += other.escalatedMs;
    into.revenue.merge(other.revenue);
  },
  finish(s, ctx) {
    const model = ctx.options.cost;
    if (model === undefined) return { value: null, reason: 'needs a cost model' };
    let perConversation = 0;
    if (model.humanPerConversation !== undefined) perConversation = model.humanPerConversation;
    else if (model.agentHourlyRate !== undefined) {
      const meanMs = s.escalated === 0 ? 0 : s.escalatedMs / s.escalated;
      perConversation = (meanMs / HOUR_MS) * model.agentHourlyRate;
    }
    const savings = s.contained * perConversation;
    const revenue = ctx.orders === undefined ? 0 : s.revenue.total();
    const bot = s.bot.total();
    const parts = { containment_savings: savings, attributed_revenue: revenue, margin: model.margin, bot_cost: bot };
    if (bot === 0) return { value: null, ...parts, reason: 'bot cost is 0' };
    if (!Number.isFinite(bot)) return { value: null, margin: model.margin, reason: OVERFLOW };
    return { value: (savings + revenue * model.margin - bot) / bot, ...parts };
  },
};
