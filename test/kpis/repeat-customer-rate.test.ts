import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { repeatCustomerRate } from '../../src/kpis/repeat-customer-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('repeat_customer_rate', () => {
  const all = conversationsOf([
    { c: 'a1', t: 0, role: 'customer', customerId: 'u1' },
    { c: 'a2', t: 100, role: 'customer', customerId: 'u1' },
    { c: 'a3', t: 200, role: 'customer', customerId: 'u1' },
    { c: 'b1', t: 0, role: 'customer', customerId: 'u2' },
    { c: 'b2', t: 9_000, role: 'customer', customerId: 'u2' }, // out of scope
    { c: 'c1', t: 0, role: 'bot' },
    { c: 'c1', t: 1, role: 'customer', customerId: 'u3' }, // customer_id = first non-empty value
    { c: 'c2', t: 50, role: 'customer', customerId: 'u3' },
    { c: 'x1', t: 0, role: 'customer' }, // no customer_id
    { c: 'x2', t: 0, role: 'customer' }, // no customer_id
  ]);
  const inScope = all.filter((c) => c.id !== 'b2');

  it('is customers with ≥ 2 in-scope conversations over customers with ≥ 1', () => {
    // in scope: u1 → 3, u2 → 1 (b2 is out of scope), u3 → 2; conversations without customer_id ignored
    // repeat = {u1, u3} = 2 of 3
    expectRate(computeKpi(repeatCustomerRate, inScope, contextOf(all)), 2, 3);
  });

  it('is null with a reason without customer ids', () => {
    const anon = inScope.filter((c) => c.id.startsWith('x'));
    expectEmptyRate(computeKpi(repeatCustomerRate, anon, contextOf(all)));
  });
});
