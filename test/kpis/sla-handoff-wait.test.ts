import { describe, expect, it } from 'vitest';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { slaHandoffWait } from '../../src/kpis/sla-handoff-wait.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf, MONDAY_9_TO_5 } from './helpers.js';

describe('sla_handoff_wait', () => {
  const convs = conversationsOf([
    { c: 'exact', t: 36_010, kind: 'handoff' }, // agent after exactly 300 s: a hit
    { c: 'exact', t: 36_000, role: 'bot' },
    { c: 'exact', t: 36_310, role: 'agent' },
    { c: 'late', t: 36_000, role: 'bot', handoff: true }, // 301 s: a miss
    { c: 'late', t: 36_301, role: 'agent' },
    { c: 'failed', t: 36_000, role: 'bot' }, // nobody came: a miss
    { c: 'failed', t: 36_001, kind: 'handoff' },
    { c: 'agentonly', t: 36_000, role: 'agent' }, // no explicit signal: not in it
    // Monday 16:58 handoff, agent Tuesday 09:00: 120 business seconds, a miss in calendar time
    { c: 'overnight', t: 61_000, role: 'bot' },
    { c: 'overnight', t: 61_080, kind: 'handoff' },
    { c: 'overnight', t: 118_800, role: 'agent' },
  ]);

  it('counts waits within the target (equal is a hit) over conversations with an explicit handoff', () => {
    expectRate(computeKpi(slaHandoffWait, convs, contextOf(convs, { sla: { handoffWaitMs: 300_000, businessHours: false } })), 1, 4);
    const business = contextOf(convs, { sla: { handoffWaitMs: 300_000, businessHours: true }, businessHours: MONDAY_9_TO_5() });
    expectRate(computeKpi(slaHandoffWait, convs, business), 2, 4);
  });

  it('is null with counts 0 without a target', () => {
    expect(runKpis([slaHandoffWait], convs, contextOf(convs)).sla_handoff_wait).toMatchObject({ numerator: 0, denominator: 0, reason: 'needs sla.handoff_wait in the config' });
  });
});
