import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { peakConcurrency } from '../../src/kpis/peak-concurrency.js';
import { contextOf, conversationsOf } from './helpers.js';

const iso = (s: number): string => new Date(Date.parse('2025-01-06T00:00:00Z') + s * 1000).toISOString();

describe('peak_concurrency', () => {
  it('counts touching conversations as open together and reports the earliest instant of the peak', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' }, // [0, 10]
      { c: 'a', t: 10, role: 'bot' },
      { c: 'b', t: 10, role: 'customer' }, // [10, 20]: touches a at 10
      { c: 'b', t: 20, role: 'bot' },
      { c: 'd', t: 5, role: 'customer' }, // [5, 20]
      { c: 'd', t: 20, role: 'bot' },
      { c: 'e', t: 20, role: 'customer' }, // [20, 20]: touches b and d at 20
    ]);
    // At 10: a, b, d (3); at 20: b, d, e (3) → 3, first at 10.
    expect(computeKpi(peakConcurrency, convs, contextOf(convs))).toEqual({ value: 3, at: iso(10) });
  });

  it('a single conversation is a peak of 1 at its start', () => {
    const convs = conversationsOf([
      { c: 'a', t: 7, role: 'customer' },
      { c: 'a', t: 9, role: 'bot' },
    ]);
    expect(computeKpi(peakConcurrency, convs, contextOf(convs))).toEqual({ value: 1, at: iso(7) });
  });
});
