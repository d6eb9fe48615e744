import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { automationRate } from '../../src/kpis/automation-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('automation_rate', () => {
  const convs = conversationsOf([
    // a: bot answered (fallback=false explicitly), not escalated → full
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 1, role: 'bot', fallback: false },
    // b: fallback-only bot conversation → not bot_answered
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 1, role: 'bot', fallback: true },
    { c: 'b', t: 2, role: 'customer' },
    { c: 'b', t: 3, role: 'bot', fallback: true },
    // c: bot answered, then an agent → partial
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 1, role: 'bot' },
    { c: 'c', t: 9, role: 'agent' },
    // d: a fallback then a real answer, then a handoff event → answered, escalated → partial
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 1, role: 'bot', fallback: true },
    { c: 'd', t: 2, role: 'bot' },
    { c: 'd', t: 3, kind: 'handoff' },
    // e: agent only → not answered
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 4, role: 'agent' },
    // f: fallback-only bot, then agent → not answered
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 1, role: 'bot', fallback: true },
    { c: 'f', t: 5, role: 'agent' },
  ]);

  it('is bot_answered over N, split into full and partial', () => {
    // N = 6; bot_answered = {a, c, d} = 3 → 3/6; full = {a} = 1/6; partial = {c, d} = 2/6
    const r = computeKpi(automationRate, convs, contextOf(convs));
    expectRate(r, 3, 6);
    expectRate(r.full, 1, 6);
    expectRate(r.partial, 2, 6);
    expect(r.full.numerator + r.partial.numerator).toBe(r.numerator);
    expect((r.full.value as number) + (r.partial.value as number)).toBeCloseTo(r.value as number, 12);
  });

  it('does not count a fallback-only bot conversation as answered', () => {
    const only = convs.filter((c) => c.id === 'b');
    const r = computeKpi(automationRate, only, contextOf(only));
    // N = 1; answered = 0
    expectRate(r, 0, 1);
    expectRate(r.full, 0, 1);
    expectRate(r.partial, 0, 1);
  });

  it('is null with reasons when there are no conversations', () => {
    const r = computeKpi(automationRate, [], contextOf([]));
    expectEmptyRate(r);
    expectEmptyRate(r.full);
    expectEmptyRate(r.partial);
  });
});
