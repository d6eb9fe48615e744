import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { reopenRate } from '../../src/kpis/reopen-rate.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('reopen_rate', () => {
  it('counts a customer message after the first resolved=true row at or after start', () => {
    const convs = conversationsOf([
      // a: resolved at 10, the customer writes at 20 → reopened
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 5, role: 'bot' },
      { c: 'a', t: 10, kind: 'resolved' },
      { c: 'a', t: 20, role: 'customer' },
      // b: resolved at 10, nothing after → not reopened
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 5, role: 'bot' },
      { c: 'b', t: 10, kind: 'resolved' },
      // c: the only resolved=true row lies before the start → not in it
      { c: 'c', t: 0, kind: 'resolved' },
      { c: 'c', t: 1, role: 'customer' },
      // d: resolved and a customer message at the same time, the message later in the input → reopened
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 10, kind: 'resolved' },
      { c: 'd', t: 10, role: 'customer' },
      // e: the customer message at the same time but earlier in the input → not reopened
      { c: 'e', t: 0, role: 'bot' },
      { c: 'e', t: 10, role: 'customer' },
      { c: 'e', t: 10, kind: 'resolved' },
      // f: resolved=true at 10, later resolved=false at 20 and a customer at 30 → still counted, reopened
      { c: 'f', t: 0, role: 'customer' },
      { c: 'f', t: 10, role: 'bot', resolved: true },
      { c: 'f', t: 20, kind: 'resolved', resolved: false },
      { c: 'f', t: 30, role: 'customer' },
    ]);
    expectRate(computeKpi(reopenRate, convs, contextOf(convs)), 3, 5);
  });

  it('is null when nothing was marked resolved', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer', resolved: false }]);
    expect(computeKpi(reopenRate, convs, contextOf(convs))).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });
});
