import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { handoffWaitTime } from '../../src/kpis/handoff-wait-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf, MONDAY_9_TO_5 } from './helpers.js';

describe('handoff_wait_time', () => {
  const convs = conversationsOf([
    // a: handoff event at 10, agent at 40 → 30
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 2, role: 'bot' },
    { c: 'a', t: 10, kind: 'handoff' },
    { c: 'a', t: 40, role: 'agent' },
    // b: handoff=true on a bot row at 5, agent AT the same time → 0
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 5, role: 'bot', handoff: true },
    { c: 'b', t: 5, role: 'agent' },
    // c: an agent message before the signal does not count; first agent at/after 10 is at 70 → 60
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 3, role: 'agent' },
    { c: 'c', t: 10, kind: 'handoff' },
    { c: 'c', t: 70, role: 'agent' },
    // d: escalated only by an agent message → not in it
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 1, role: 'bot' },
    { c: 'd', t: 20, role: 'agent' },
    // e: a handoff that no agent ever answered → not in it
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 1, role: 'bot' },
    { c: 'e', t: 5, kind: 'handoff' },
    // f: two signals (10, 20): the earliest counts → 25 − 10 = 15
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 2, role: 'bot' },
    { c: 'f', t: 10, kind: 'handoff' },
    { c: 'f', t: 20, role: 'bot', handoff: true },
    { c: 'f', t: 25, role: 'agent' },
  ]);

  it('measures from the earliest explicit signal to the first agent message at or after it', () => {
    // values [0, 15, 30, 60]: mean 105/4 = 26.25; p50 h=1.5 → 15 + 0.5·15 = 22.5; p90 h=2.7 → 30 + 0.7·30 = 51
    expectDistribution(computeKpi(handoffWaitTime, convs, contextOf(convs)), { mean: 26.25, p50: 22.5, p90: 51, count: 4 });
  });

  it('business: from the signal to the agent in business seconds, over the same conversations', () => {
    const late = conversationsOf([
      // Monday 16:59 handoff, agent Tuesday 00:00: 60 business seconds (open Monday 09:00–17:00 only)
      { c: 'x', t: 61_000, role: 'customer' },
      { c: 'x', t: 61_100, role: 'bot' },
      { c: 'x', t: 61_140, kind: 'handoff' },
      { c: 'x', t: 86_400, role: 'agent' },
    ]);
    const all = [...convs, ...late];
    const r = computeKpi(handoffWaitTime, all, contextOf(all, { businessHours: MONDAY_9_TO_5() }));
    // Rows a, b, c, f lie at Monday 00:00–00:01, before opening: 0 business seconds each; x: 60.
    // [0, 0, 0, 0, 60]: mean 12, p50 0, p90 h = 3.6 → 0 + 0.6·60 = 36
    expectDistribution(r.business, { mean: 12, p50: 0, p90: 36, count: 5 });
    expect(r.count).toBe(5);
  });

  it('is empty with a reason when only agent messages escalated', () => {
    const some = convs.filter((c) => c.id === 'd' || c.id === 'e');
    expectEmptyDistribution(computeKpi(handoffWaitTime, some, contextOf(some)));
  });
});
