import type { ConversationsKpi } from '../report/types.js';
import { conversationsPerCustomer } from './facts.js';
import type { Kpi } from './types.js';

export const conversations: Kpi<ConversationsKpi> = {
  id: 'conversations',
  title: 'Conversations',
  description: 'Conversations in scope, with bot-engaged conversations, distinct customers and messages by role.',
  unit: 'count',
  direction: 'neutral',
  breakdown: 'value',
  requires: [],
  compute(convs, ctx) {
    const messages = { customer: 0, bot: 0, agent: 0, system: 0, total: 0 };
    let botEngaged = 0;
    for (const c of convs) {
      messages.customer += c.counts.customer;
      messages.bot += c.counts.bot;
      messages.agent += c.counts.agent;
      messages.system += c.counts.system;
      if (c.botEngaged) botEngaged++;
    }
    messages.total = messages.customer + messages.bot + messages.agent + messages.system;
    return { value: convs.length, botEngaged, customers: conversationsPerCustomer(convs, ctx).size, messages };
  },
};
