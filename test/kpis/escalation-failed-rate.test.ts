import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { escalationFailedRate } from '../../src/kpis/escalation-failed-rate.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('escalation_failed_rate', () => {
  it('counts explicit handoffs with no agent message at or after the first signal', () => {
    const convs = conversationsOf([
      // a: handoff at 10, agent at 40 → reached a human
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 10, kind: 'handoff' },
      { c: 'a', t: 40, role: 'agent' },
      // b: handoff=true at 5, the only agent message is before it → failed
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 3, role: 'agent' },
      { c: 'b', t: 5, role: 'bot', handoff: true },
      // c: escalated by an agent message only → not in it
      { c: 'c', t: 0, role: 'customer' },
      { c: 'c', t: 9, role: 'agent' },
      // d: no bot at all, a handoff event and nobody came → failed (bot-engaged or not)
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 2, kind: 'handoff' },
      // e: agent at the very time of the signal → reached
      { c: 'e', t: 0, role: 'customer' },
      { c: 'e', t: 4, kind: 'handoff' },
      { c: 'e', t: 4, role: 'agent' },
    ]);
    expectRate(computeKpi(escalationFailedRate, convs, contextOf(convs)), 2, 4);
  });

  it('is null without an explicit handoff', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'agent' }]);
    expect(computeKpi(escalationFailedRate, convs, contextOf(convs))).toMatchObject({ value: null, denominator: 0 });
  });
});
