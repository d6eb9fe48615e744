import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { conversations } from '../../src/kpis/conversations.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('conversations', () => {
  it('counts conversations, bot-engaged ones, distinct customers and messages by role incl. system', () => {
    const convs = conversationsOf([
      // a (u1): customer, bot, system + a resolved event (not a message)
      { c: 'a', t: 0, role: 'customer', customerId: 'u1' },
      { c: 'a', t: 1, role: 'bot' },
      { c: 'a', t: 2, role: 'system' },
      { c: 'a', t: 3, kind: 'resolved' },
      // b (u1): customer, agent, agent + a handoff event
      { c: 'b', t: 10, role: 'customer', customerId: 'u1' },
      { c: 'b', t: 11, kind: 'handoff' },
      { c: 'b', t: 12, role: 'agent' },
      { c: 'b', t: 13, role: 'agent' },
      // c (u2): system, customer, bot, bot + a csat event
      { c: 'c', t: 0, role: 'system' },
      { c: 'c', t: 1, role: 'customer', customerId: 'u2' },
      { c: 'c', t: 2, role: 'bot' },
      { c: 'c', t: 3, role: 'bot' },
      { c: 'c', t: 4, kind: 'csat', csat: { kind: 'numeric', value: 4 } },
      // d: no customer_id
      { c: 'd', t: 0, role: 'customer' },
      // x: events only → not a conversation
      { c: 'x', t: 0, kind: 'handoff', customerId: 'u9' },
      { c: 'x', t: 1, kind: 'close' },
    ]);
    // N = 4 (a, b, c, d); bot-engaged = {a, c} = 2; customers = {u1, u2} = 2
    // messages: customer 1+1+1+1 = 4; bot 1+2 = 3; agent 2; system 1+1 = 2; total 11
    expect(computeKpi(conversations, convs, contextOf(convs))).toEqual({
      value: 4,
      botEngaged: 2,
      customers: 2,
      messages: { customer: 4, bot: 3, agent: 2, system: 2, total: 11 },
    });
  });

  it('is all zeros for no conversations', () => {
    expect(computeKpi(conversations, [], contextOf([]))).toEqual({
      value: 0,
      botEngaged: 0,
      customers: 0,
      messages: { customer: 0, bot: 0, agent: 0, system: 0, total: 0 },
    });
  });
});
