import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { fallbackLoopRate } from '../../src/kpis/fallback-loop-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('fallback_loop_rate', () => {
  it('is bot-engaged conversations with two consecutive bot fallbacks over bot-engaged conversations', () => {
    const convs = conversationsOf([
      // a: fallback, customer, fallback → consecutive among bot messages: a loop
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'bot', fallback: true },
      { c: 'a', t: 2, role: 'customer' },
      { c: 'a', t: 3, role: 'bot', fallback: true },
      // b: fallback, answer, fallback → no two in a row
      { c: 'b', t: 1, role: 'bot', fallback: true },
      { c: 'b', t: 2, role: 'bot', fallback: false },
      { c: 'b', t: 3, role: 'bot', fallback: true },
      // c: fallback, agent, fallback → the agent message is not a bot message: a loop
      { c: 'c', t: 1, role: 'bot', fallback: true },
      { c: 'c', t: 2, role: 'agent' },
      { c: 'c', t: 3, role: 'bot', fallback: true },
      // d: rows out of order; in time order fallback (t1), fallback (t2) → a loop
      { c: 'd', t: 2, role: 'bot', fallback: true },
      { c: 'd', t: 3, role: 'bot' },
      { c: 'd', t: 1, role: 'bot', fallback: true },
      // e: one fallback only
      { c: 'e', t: 1, role: 'bot', fallback: true },
      // f: not bot-engaged (customer's fallback=true is ignored)
      { c: 'f', t: 1, role: 'customer', fallback: true },
      { c: 'f', t: 2, role: 'customer', fallback: true },
    ]);
    // B = {a, b, c, d, e} = 5; loops {a, c, d} = 3 → 3/5
    expectRate(computeKpi(fallbackLoopRate, convs, contextOf(convs)), 3, 5);
  });

  it('is null with a reason when no conversation is bot-engaged', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    expectEmptyRate(computeKpi(fallbackLoopRate, convs, contextOf(convs)));
  });
});
