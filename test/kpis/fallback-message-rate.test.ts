import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { fallbackMessageRate } from '../../src/kpis/fallback-message-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('fallback_message_rate', () => {
  it('is bot messages with fallback=true over bot messages', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', fallback: true }, // not a bot message
      { c: 'a', t: 1, role: 'bot', fallback: true }, // fallback
      { c: 'a', t: 2, role: 'bot', fallback: false },
      { c: 'a', t: 3, role: 'bot' }, // no flag: not a fallback
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 1, role: 'bot', fallback: true }, // fallback
      { c: 'b', t: 2, role: 'agent', fallback: true }, // not a bot message
      { c: 'b', t: 3, role: 'system', fallback: true }, // not a bot message
    ]);
    // bot messages = 4; fallbacks = 2 → 2/4
    expectRate(computeKpi(fallbackMessageRate, convs, contextOf(convs)), 2, 4);
  });

  it('is null with a reason when there are no bot messages', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'agent' },
    ]);
    expectEmptyRate(computeKpi(fallbackMessageRate, convs, contextOf(convs)));
  });
});
