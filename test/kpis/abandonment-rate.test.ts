import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { abandonmentRate } from '../../src/kpis/abandonment-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('abandonment_rate', () => {
  const convs = conversationsOf([
    // a: customer has the last word → abandoned
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 1, role: 'bot' },
    { c: 'a', t: 2, role: 'customer' },
    // b: last message is a system message; last NON-system is the customer's → abandoned
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 1, role: 'bot' },
    { c: 'b', t: 2, role: 'customer' },
    { c: 'b', t: 60, role: 'system' },
    // c: customer last, but resolved=true (event after the last message) → not abandoned
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 1, role: 'bot' },
    { c: 'c', t: 2, role: 'customer' },
    { c: 'c', t: 9, kind: 'resolved' },
    // d: customer last, but escalated by a handoff event → not abandoned
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 1, role: 'bot' },
    { c: 'd', t: 2, role: 'customer' },
    { c: 'd', t: 3, kind: 'handoff' },
    // e: the bot has the last word → not abandoned
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 1, role: 'bot' },
    // f: customer last, resolved=false → resolved ≠ true → abandoned
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 1, role: 'bot' },
    { c: 'f', t: 2, role: 'customer', resolved: false },
    // g: no bot → outside B
    { c: 'g', t: 0, role: 'customer' },
    { c: 'g', t: 1, role: 'agent' },
    { c: 'g', t: 2, role: 'customer' },
    // h: system messages around the bot's last word → not abandoned
    { c: 'h', t: 0, role: 'customer' },
    { c: 'h', t: 1, role: 'system' },
    { c: 'h', t: 2, role: 'bot' },
    { c: 'h', t: 3, role: 'system' },
    // i: customer last, escalated by handoff=true on a bot row → not abandoned
    { c: 'i', t: 0, role: 'customer' },
    { c: 'i', t: 1, role: 'bot', handoff: true },
    { c: 'i', t: 2, role: 'customer' },
  ]);

  it('counts contained, unresolved conversations where the customer spoke last, over B', () => {
    // B = {a, b, c, d, e, f, h, i} = 8; abandoned = {a, b, f} = 3 → 3/8
    expectRate(computeKpi(abandonmentRate, convs, contextOf(convs)), 3, 8);
  });

  it('is null with a reason without bot-engaged conversations', () => {
    const g = convs.filter((c) => c.id === 'g');
    expectEmptyRate(computeKpi(abandonmentRate, g, contextOf(g)));
  });
});
