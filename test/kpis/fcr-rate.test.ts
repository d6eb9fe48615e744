import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { fcrRate } from '../../src/kpis/fcr-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

const W = 7 * 86_400; // seconds

describe('fcr_rate', () => {
  const all = conversationsOf([
    // a (u1): 0..100; b starts at exactly end + W = 100 + W → a follow-up → a fails
    { c: 'a', t: 0, role: 'customer', customerId: 'u1' },
    { c: 'a', t: 100, role: 'bot' },
    // b (u1): no later conversation, resolution unknown → passes
    { c: 'b', t: 100 + W, role: 'customer', customerId: 'u1' },
    { c: 'b', t: 100 + W + 50, role: 'bot' },
    // c (u2): 0..100; d starts at end + W + 1 s → not a follow-up → c passes
    { c: 'c', t: 0, role: 'customer', customerId: 'u2' },
    { c: 'c', t: 100, role: 'bot' },
    // d (u2): resolved=false → fails
    { c: 'd', t: 100 + W + 1, role: 'customer', customerId: 'u2' },
    { c: 'd', t: 100 + W + 2, role: 'bot', resolved: false },
    // e (u3): resolved=true, but f (out of scope, no bot) starts at 1000 ∈ (0, 50 + W] → fails
    { c: 'e', t: 0, role: 'customer', customerId: 'u3' },
    { c: 'e', t: 50, role: 'bot', resolved: true },
    // f (u3): out of scope, agent only
    { c: 'f', t: 1000, role: 'customer', customerId: 'u3' },
    { c: 'f', t: 1010, role: 'agent' },
    // g: bot, no customer_id → excluded
    { c: 'g', t: 0, role: 'customer' },
    { c: 'g', t: 1, role: 'bot' },
    // h (u4): no bot → excluded
    { c: 'h', t: 0, role: 'customer', customerId: 'u4' },
    { c: 'h', t: 5, role: 'agent' },
    // i, j (u5): both start at 0; neither starts strictly after the other → both pass
    { c: 'i', t: 0, role: 'customer', customerId: 'u5' },
    { c: 'i', t: 10, role: 'bot' },
    { c: 'j', t: 0, role: 'customer', customerId: 'u5' },
    { c: 'j', t: 20, role: 'bot' },
  ]);
  const inScope = all.filter((c) => c.id !== 'f');

  it('passes unresolved-unknown conversations without a follow-up in (start, end + W]', () => {
    // denominator = B with customer_id = {a, b, c, d, e, i, j} = 7
    // pass = {b, c, i, j} = 4; fail: a (follow-up at end + W), d (resolved=false), e (out-of-scope follow-up)
    expectRate(computeKpi(fcrRate, inScope, contextOf(all)), 4, 7);
  });

  it('a follow-up only in the whole input (not in scope) still counts', () => {
    const e = inScope.filter((c) => c.id === 'e');
    // e has follow-up f in `all` → 0/1
    expectRate(computeKpi(fcrRate, e, contextOf(all)), 0, 1);
  });

  it('uses the configured window', () => {
    // W = 1 day: b starts at 100 + 7 d > 100 + 1 d → a passes; f still within (0, 50 + 1 d] → e fails
    // pass = {a, b, c, i, j} = 5 of 7
    expectRate(computeKpi(fcrRate, inScope, contextOf(all, { fcrWindowMs: 86_400_000 })), 5, 7);
  });

  it('is null with a reason without bot-engaged conversations that have a customer_id', () => {
    const some = inScope.filter((c) => c.id === 'g' || c.id === 'h');
    expectEmptyRate(computeKpi(fcrRate, some, contextOf(all)));
  });
});
