import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { resolutionRate } from '../../src/kpis/resolution-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('resolution_rate', () => {
  const convs = conversationsOf([
    // a: resolved=true on a bot row, then a later resolved=false event → false (last value wins)
    { c: 'a', t: 0, role: 'customer' },
    { c: 'a', t: 5, role: 'bot', resolved: true },
    { c: 'a', t: 10, kind: 'resolved', resolved: false },
    // b: a `resolved` event without a value means true; no bot needed
    { c: 'b', t: 0, role: 'customer' },
    { c: 'b', t: 4, role: 'agent' },
    { c: 'b', t: 8, kind: 'resolved' },
    // c: no resolution information → unknown, not in the denominator
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 1, role: 'bot' },
    // d: false, then a value-less resolved event later → true
    { c: 'd', t: 0, role: 'customer', resolved: false },
    { c: 'd', t: 3, role: 'bot' },
    { c: 'd', t: 8, kind: 'resolved' },
    // e: rows out of input order: true at t=20 is listed before false at t=10 → last in time is true
    { c: 'e', t: 20, kind: 'resolved', resolved: true },
    { c: 'e', t: 0, role: 'customer' },
    { c: 'e', t: 10, role: 'bot', resolved: false },
    // f: explicit false on an event after the last message
    { c: 'f', t: 0, role: 'customer' },
    { c: 'f', t: 1, role: 'bot' },
    { c: 'f', t: 99, kind: 'resolved', resolved: false },
  ]);

  it('uses the last resolved value in time order and excludes unknown', () => {
    expect(Object.fromEntries(convs.map((c) => [c.id, c.resolved]))).toEqual({
      a: false,
      b: true,
      c: undefined,
      d: true,
      e: true,
      f: false,
    });
    // known = {a, b, d, e, f} = 5; true = {b, d, e} = 3 → 3/5
    expectRate(computeKpi(resolutionRate, convs, contextOf(convs)), 3, 5);
  });

  it('a later false overrides an earlier true', () => {
    const a = convs.filter((c) => c.id === 'a');
    expectRate(computeKpi(resolutionRate, a, contextOf(a)), 0, 1);
  });

  it('is null with a reason when no resolution is known', () => {
    const c = convs.filter((x) => x.id === 'c');
    expectEmptyRate(computeKpi(resolutionRate, c, contextOf(c)));
  });
});
