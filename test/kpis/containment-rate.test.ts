import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { containmentRate } from '../../src/kpis/containment-rate.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('containment_rate', () => {
  it('counts bot-engaged conversations never escalated, over bot-engaged ones', () => {
    const convs = conversationsOf([
      // a: contained
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 2, role: 'bot' },
      // b: escalated by an agent message
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 3, role: 'bot' },
      { c: 'b', t: 60, role: 'agent' },
      // c: escalated by a handoff event (no agent ever came)
      { c: 'c', t: 0, role: 'customer' },
      { c: 'c', t: 1, role: 'bot' },
      { c: 'c', t: 5, kind: 'handoff' },
      // d: no bot: not in the denominator
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 9, role: 'agent' },
    ]);
    const r = computeKpi(containmentRate, convs, contextOf(convs));
    expect(r).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(r.ci95?.[0]).toBeCloseTo(0.0615, 4);
    expect(r.ci95?.[1]).toBeCloseTo(0.7923, 4);
  });

  it('is null with a reason when no conversation reached the bot', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    expect(computeKpi(containmentRate, convs, contextOf(convs))).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      ci95: null,
      reason: 'no bot-engaged conversations',
    });
  });
});
