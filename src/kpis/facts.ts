import { forEachReply } from '../conversations/derive.js';
import type { Conversation } from '../model.js';
import type { KpiContext } from './types.js';

/** Number of conversations per customer_id in a set (shared by the KPIs that count customers). */
export function conversationsPerCustomer(convs: readonly Conversation[], ctx: KpiContext): Map<string, number> {
  return ctx.memoFor(convs, 'conversationsPerCustomer', () => {
    const perCustomer = new Map<string, number>();
    for (const c of convs) {
      if (c.customerId !== undefined) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
    }
    return perCustomer;
  });
}

/** Reply times (ms) of the response-time walk over a set: every reply, by role, and each conversation's first. */
export interface ReplyTimes {
  all: number[];
  bot: number[];
  agent: number[];
  first: number[];
}

export function replyTimes(convs: readonly Conversation[], ctx: KpiContext): ReplyTimes {
  return ctx.memoFor(convs, 'replyTimes', () => {
    const times: ReplyTimes = { all: [], bot: [], agent: [], first: [] };
    let firstOfConversation = true;
    const record = (role: 'bot' | 'agent', ms: number): void => {
      if (firstOfConversation) times.first.push(ms);
      firstOfConversation = false;
      times.all.push(ms);
      (role === 'bot' ? times.bot : times.agent).push(ms);
    };
    for (const c of convs) {
      firstOfConversation = true;
      forEachReply(c, record);
    }
    return times;
  });
}
