import { z } from 'zod';
import { distinctAndRepeated, IntList } from './define.js';
import { num } from './result.js';
import type { Kpi } from './types.js';

export const conversationsResult = z
  .strictObject({
    value: num('count'),
    botEngaged: num('count'),
    customers: num('count'),
    messages: z
      .strictObject({ customer: num('count'), bot: num('count'), agent: num('count'), system: num('count'), total: num('count') })
      .meta({ shape: 'counts' }),
  })
  .describe('conversations in scope, bot-engaged conversations, distinct customers and messages by role');

type Result = z.infer<typeof conversationsResult>;
interface State {
  conversations: number;
  botEngaged: number;
  /** Customer keys of the conversations with a customer (see facts.customers). */
  customers: IntList;
  messages: Omit<Result['messages'], 'total'>;
}

export const conversations: Kpi<State, Result> = {
  id: 'conversations',
  title: 'Conversations',
  description: 'Conversations in scope, with bot-engaged conversations, distinct customers and messages by role.',
  unit: 'count',
  direction: 'neutral',
  breakdown: 'value',
  requires: [],
  result: conversationsResult,
  init: () => ({ conversations: 0, botEngaged: 0, customers: new IntList(), messages: { customer: 0, bot: 0, agent: 0, system: 0 } }),
  add(s, f) {
    const c = f.c;
    s.conversations++;
    if (c.botEngaged) s.botEngaged++;
    if (c.customerId !== undefined) s.customers.push(f.customerKey);
    s.messages.customer += c.counts.customer;
    s.messages.bot += c.counts.bot;
    s.messages.agent += c.counts.agent;
    s.messages.system += c.counts.system;
  },
  merge(into, other) {
    into.conversations += other.conversations;
    into.botEngaged += other.botEngaged;
    into.customers.append(other.customers);
    for (const role of ['customer', 'bot', 'agent', 'system'] as const) into.messages[role] += other.messages[role];
  },
  finish(s) {
    const m = s.messages;
    return {
      value: s.conversations,
      botEngaged: s.botEngaged,
      customers: distinctAndRepeated(s.customers.sorted()).distinct,
      messages: { ...m, total: m.customer + m.bot + m.agent + m.system },
    };
  },
};
