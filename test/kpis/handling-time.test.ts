import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { handlingTime } from '../../src/kpis/handling-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('handling_time', () => {
  const convs = conversationsOf([
    // a: contained, 0..30; resolved and csat events after the last message do not extend end → 30
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 30, role: 'bot' },
    { c: 'a', t: 500, kind: 'resolved' },
    { c: 'a', t: 600, kind: 'csat', csat: { kind: 'numeric', value: 5 } },
    // b: bot then agent (escalated), 0..100; a close event at 1000 does not extend end → 100
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 10, role: 'bot' },
    { c: 'b', t: 100, role: 'agent' },
    { c: 'b', t: 1000, kind: 'close' },
    // c: escalated without bot (agent only), 0..50
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 50, role: 'agent' },
    // d: customer only: neither contained nor escalated, 0
    { c: 'd', t: 0, role: 'customer' },
    // e: contained; system messages bound start and end: 0..80
    { c: 'e', t: 0, role: 'system' },
    { c: 'e', t: 10, role: 'customer' },
    { c: 'e', t: 20, role: 'bot' },
    { c: 'e', t: 80, role: 'system' },
  ]);

  it('is end − start over N, split contained / escalated', () => {
    expect(convs.map((c) => (c.end - c.start) / 1000)).toEqual([30, 100, 50, 0, 80]);
    const r = computeKpi(handlingTime, convs, contextOf(convs));
    // all [0, 30, 50, 80, 100]: mean 260/5 = 52; p50 h=2 → 50; p90 h=3.6 → 80 + 0.6·20 = 92
    expectDistribution(r, { mean: 52, p50: 50, p90: 92, count: 5 });
    // contained = B ∧ ¬escalated = {a, e}: [30, 80]: mean 55; p50 55; p90 h=0.9 → 30 + 0.9·50 = 75
    expectDistribution(r.contained, { mean: 55, p50: 55, p90: 75, count: 2 });
    // escalated = every escalated (bot or not) = {b, c}: [50, 100]: mean 75; p50 75; p90 → 50 + 0.9·50 = 95
    expectDistribution(r.escalated, { mean: 75, p50: 75, p90: 95, count: 2 });
  });

  it('empty splits are null with reasons', () => {
    const d = convs.filter((c) => c.id === 'd');
    const r = computeKpi(handlingTime, d, contextOf(d));
    expectDistribution(r, { mean: 0, p50: 0, p90: 0, count: 1 });
    expectEmptyDistribution(r.contained);
    expectEmptyDistribution(r.escalated);
  });

  it('is empty with reasons for no conversations', () => {
    const r = computeKpi(handlingTime, [], contextOf([]));
    expectEmptyDistribution(r);
    expectEmptyDistribution(r.contained);
    expectEmptyDistribution(r.escalated);
  });
});
