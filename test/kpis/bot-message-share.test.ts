import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { botMessageShare } from '../../src/kpis/bot-message-share.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('bot_message_share', () => {
  it('is bot messages over bot + agent messages (customer, system and events ignored)', () => {
    const convs = conversationsOf([
      // a: 2 bot (one a fallback: still a bot message), 2 customer
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'bot', fallback: true },
      { c: 'a', t: 2, role: 'customer' },
      { c: 'a', t: 3, role: 'bot' },
      // b: 1 bot, 3 agent, 1 system, a handoff event
      { c: 'b', t: 0, role: 'system' },
      { c: 'b', t: 1, role: 'customer' },
      { c: 'b', t: 2, role: 'bot' },
      { c: 'b', t: 3, kind: 'handoff' },
      { c: 'b', t: 4, role: 'agent' },
      { c: 'b', t: 5, role: 'agent' },
      { c: 'b', t: 6, role: 'agent' },
      // c: customer only
      { c: 'c', t: 0, role: 'customer' },
    ]);
    // bot = 2 + 1 = 3; agent = 3 → 3 / (3 + 3)
    expectRate(computeKpi(botMessageShare, convs, contextOf(convs)), 3, 6);
  });

  it('is null with a reason when there is no bot or agent message', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'system' },
    ]);
    expectEmptyRate(computeKpi(botMessageShare, convs, contextOf(convs)));
  });
});
