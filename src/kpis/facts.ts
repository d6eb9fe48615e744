import { forEachReply, type ReplyRole } from '../conversations/derive.js';
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
    const record = (role: ReplyRole, ms: number): void => {
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

/**
 * Sentiment of each conversation in a set with scored customer messages, in conversation order:
 * the mean of its scores (summed in message order) and, with two or more, the last minus the first.
 */
export interface ConversationSentiments {
  means: number[];
  shifts: number[];
}

export function conversationSentiments(convs: readonly Conversation[], ctx: KpiContext): ConversationSentiments {
  return ctx.memoFor(convs, 'conversationSentiments', () => {
    const out: ConversationSentiments = { means: [], shifts: [] };
    for (const c of convs) {
      let total = 0;
      let scored = 0;
      let first = 0;
      let last = 0;
      for (const m of c.messages) {
        if (m.role !== 'customer' || m.sentiment === undefined) continue;
        if (scored === 0) first = m.sentiment;
        last = m.sentiment;
        total += m.sentiment;
        scored++;
      }
      if (scored > 0) out.means.push(total / scored);
      if (scored > 1) out.shifts.push(last - first);
    }
    return out;
  });
}
