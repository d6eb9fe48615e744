import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { containmentRate } from '../../src/kpis/containment-rate.js';
import { escalationRate } from '../../src/kpis/escalation-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('escalation_rate', () => {
  const convs = conversationsOf([
    // a: contained
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 2, role: 'bot' },
    // b: escalated by handoff=true on a bot row (no agent ever answers)
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 1, role: 'bot', handoff: true },
    // c: escalated by a handoff event
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 2, role: 'bot' },
    { c: 'c', t: 5, kind: 'handoff' },
    // d: escalated by an agent message only
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 2, role: 'bot' },
    { c: 'd', t: 30, role: 'agent' },
    // e: agent-only, escalated but not bot-engaged: outside B
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 5, role: 'agent' },
    // f: handoff=false is not a handoff
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 1, role: 'bot', handoff: false },
  ]);

  it('counts every escalation signal among bot-engaged conversations', () => {
    // B = {a, b, c, d, f} = 5; escalated in B = {b, c, d} = 3 → 3/5
    expectRate(computeKpi(escalationRate, convs, contextOf(convs)), 3, 5);
  });

  it('is 1 − containment', () => {
    // containment = {a, f} = 2/5; 2/5 + 3/5 = 1
    const ctx = contextOf(convs);
    const esc = computeKpi(escalationRate, convs, ctx);
    const con = computeKpi(containmentRate, convs, ctx);
    expectRate(con, 2, 5);
    expect(esc.numerator + con.numerator).toBe(esc.denominator);
    expect((esc.value as number) + (con.value as number)).toBeCloseTo(1, 12);
  });

  it('Wilson interval of 4/4 reaches exactly 1 (p = 1: centre + half = 1)', () => {
    const rows = ['p', 'q', 'r', 's'].flatMap((c) => [
      { c, t: 0, role: 'customer' as const },
      { c, t: 1, role: 'bot' as const },
      { c, t: 2, role: 'agent' as const },
    ]);
    const all = conversationsOf(rows);
    const r = computeKpi(escalationRate, all, contextOf(all));
    expectRate(r, 4, 4);
    // z² = 3.841459; centre = (1 + z²/8)/(1 + z²/4) = 0.755054, half = (z²/8)/(1 + z²/4) = 0.244946
    expect(r.ci95?.[0]).toBeCloseTo(0.5101, 4);
    expect(r.ci95?.[1]).toBe(1);
  });

  it('is null with a reason when no conversation reached the bot', () => {
    const none = conversationsOf([
      { c: 'x', t: 0, role: 'customer' },
      { c: 'x', t: 3, role: 'agent' },
    ]);
    expectEmptyRate(computeKpi(escalationRate, none, contextOf(none)));
  });
});
