import { isContained } from '../conversations/derive.js';
import type { Conversation } from '../model.js';
import type { KpiContext } from './types.js';

export interface Costs {
  bot: number;
  human: number;
}

export const HOUR_MS = 3_600_000;

/** Time a human spent on an escalated conversation: from handoff to its end, never negative. */
export function humanMs(c: Conversation): number {
  return c.handoffAt === undefined ? 0 : Math.max(0, c.end - c.handoffAt);
}

/**
 * Bot and human cost of a set of conversations (contract: cost_per_conversation).
 * Bot = Σ cost on every row but agent messages + bot_per_conversation·|B| + bot_per_resolution·|B ∧ ¬escalated ∧ resolved ≠ false|.
 * Human = Σ cost on agent messages + human_per_conversation·|escalated|, or else Σ escalated hours from handoff to end · agent_hourly_rate.
 */
export function costs(convs: readonly Conversation[], ctx: KpiContext): Costs {
  const model = ctx.options.cost;
  let bot = 0;
  let human = 0;
  for (const c of convs) {
    bot += c.otherCost;
    human += c.agentCost;
    if (model === undefined) continue;
    if (c.botEngaged) bot += model.botPerConversation ?? 0;
    if (isContained(c) && c.resolved !== false) bot += model.botPerResolution ?? 0;
    if (!c.escalated) continue;
    if (model.humanPerConversation !== undefined) human += model.humanPerConversation;
    else if (model.agentHourlyRate !== undefined) human += (humanMs(c) / HOUR_MS) * model.agentHourlyRate;
  }
  return { bot, human };
}

/** Reason of a cost KPI whose sum is beyond the largest number (1.8e308): JSON would show it as a bare null. */
export const OVERFLOW = 'cost sum overflows (beyond 1.8e308)';

/** Reason cost KPIs cannot be computed: no row had a cost and no cost model is configured. */
export function costApplicable(ctx: KpiContext): string | undefined {
  return ctx.fields.has('cost') || ctx.options.cost !== undefined ? undefined : 'needs field cost or a cost model';
}

export interface Credit {
  orders: number;
  value: number;
}

/**
 * Credits every order to the latest conversation of its customer starting at or before it (searched
 * in the whole input; equal starts: the larger conversation_id), if the order falls within
 * [start, start + A]. Returns conversation id → credited orders and value.
 */
export function attribution(ctx: KpiContext): Map<string, Credit> {
  return ctx.memo('attribution', () => {
    const byCustomer = new Map<string, Conversation[]>();
    for (const c of ctx.all) {
      if (c.customerId === undefined) continue;
      const list = byCustomer.get(c.customerId);
      if (list === undefined) byCustomer.set(c.customerId, [c]);
      else list.push(c);
    }
    for (const list of byCustomer.values()) list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const credits = new Map<string, Credit>();
    for (const order of ctx.orders ?? []) {
      const list = byCustomer.get(order.customerId);
      if (list === undefined) continue;
      // Last conversation with start ≤ order time (ties sorted by id, so the larger id is last).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as Conversation).start <= order.ts) lo = mid + 1;
        else hi = mid;
      }
      const c = list[lo - 1];
      if (c === undefined || order.ts > c.start + ctx.options.attributionWindowMs) continue;
      const credit = credits.get(c.id) ?? { orders: 0, value: 0 };
      credit.orders++;
      credit.value += order.value;
      credits.set(c.id, credit);
    }
    return credits;
  });
}

export function ordersApplicable(ctx: KpiContext): string | undefined {
  return ctx.orders === undefined ? 'needs orders (--orders FILE)' : undefined;
}
