import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { botResolutionRate } from '../../src/kpis/bot-resolution-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('bot_resolution_rate', () => {
  const convs = conversationsOf([
    // a: bot, contained, resolved=true → numerator
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 1, role: 'bot', resolved: true },
    // b: bot, escalated by an agent, resolved=true → denominator only
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 1, role: 'bot' },
    { c: 'b', t: 9, role: 'agent', resolved: true },
    // c: bot, contained, true then a later false → false → denominator only
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 1, role: 'bot', resolved: true },
    { c: 'c', t: 30, kind: 'resolved', resolved: false },
    // d: bot, contained, resolution unknown → excluded
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 1, role: 'bot' },
    // e: no bot (agent only), resolved → excluded (not in B)
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 2, role: 'agent' },
    { c: 'e', t: 3, kind: 'resolved' },
    // f: bot, contained, a value-less `resolved` event → true → numerator
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 1, role: 'bot' },
    { c: 'f', t: 2, kind: 'resolved' },
    // g: bot, escalated by a handoff event, resolved → denominator only
    { c: 'g', t: 0, role: 'customer' },
    { c: 'g', t: 1, role: 'bot' },
    { c: 'g', t: 2, kind: 'handoff' },
    { c: 'g', t: 3, kind: 'resolved', resolved: true },
  ]);

  it('counts contained & resolved over bot-engaged with a known resolution', () => {
    // denominator = B ∧ known = {a, b, c, f, g} = 5; numerator = ¬escalated ∧ true = {a, f} = 2 → 2/5
    expectRate(computeKpi(botResolutionRate, convs, contextOf(convs)), 2, 5);
  });

  it('is null with a reason when no bot-engaged conversation has a known resolution', () => {
    const some = convs.filter((c) => c.id === 'd' || c.id === 'e');
    expectEmptyRate(computeKpi(botResolutionRate, some, contextOf(some)));
  });
});
