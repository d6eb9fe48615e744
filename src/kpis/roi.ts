import { isContained } from '../conversations/derive.js';
import type { RoiKpi } from '../report/types.js';
import { attributedRevenue } from './attributed-revenue.js';
import { costs, HOUR_MS, humanMs, OVERFLOW } from './money.js';
import type { Kpi } from './types.js';

export const roi: Kpi<RoiKpi> = {
  id: 'roi',
  title: 'ROI',
  description:
    '(containment savings + attributed revenue × margin − bot cost) / bot cost; savings = contained conversations × human_per_conversation (or × mean escalated handling hours × agent_hourly_rate).',
  unit: 'ratio',
  direction: 'higher',
  requires: [],
  applicable: (ctx) => (ctx.options.cost === undefined ? 'needs a cost model (cost in botkpi.config.json)' : undefined),
  compute(convs, ctx) {
    const model = ctx.options.cost;
    if (model === undefined) return { value: null, reason: 'needs a cost model' };
    const contained = convs.filter(isContained).length;
    let perConversation = 0;
    if (model.humanPerConversation !== undefined) perConversation = model.humanPerConversation;
    else if (model.agentHourlyRate !== undefined) {
      const escalated = convs.filter((c) => c.escalated);
      const meanMs = escalated.length === 0 ? 0 : escalated.reduce((s, c) => s + humanMs(c), 0) / escalated.length;
      perConversation = (meanMs / HOUR_MS) * model.agentHourlyRate;
    }
    const savings = contained * perConversation;
    const revenue = ctx.orders === undefined ? 0 : (attributedRevenue.compute(convs, ctx).value ?? 0);
    const bot = costs(convs, ctx).bot;
    const parts = { containment_savings: savings, attributed_revenue: revenue, margin: model.margin, bot_cost: bot };
    if (bot === 0) return { value: null, ...parts, reason: 'bot cost is 0' };
    if (!Number.isFinite(bot)) return { value: null, margin: model.margin, reason: OVERFLOW };
    return { value: (savings + revenue * model.margin - bot) / bot, ...parts };
  },
};
