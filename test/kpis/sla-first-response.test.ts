import { describe, expect, it } from 'vitest';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { slaFirstResponse } from '../../src/kpis/sla-first-response.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf, MONDAY_9_TO_5 } from './helpers.js';

describe('sla_first_response', () => {
  const convs = conversationsOf([
    { c: 'exact', t: 36_000, role: 'customer' }, // answered after exactly 30 s: a hit
    { c: 'exact', t: 36_030, role: 'bot' },
    { c: 'late', t: 36_000, role: 'customer' }, // 31 s: a miss
    { c: 'late', t: 36_031, role: 'agent' },
    { c: 'never', t: 36_000, role: 'customer' }, // never answered: a miss
    { c: 'nocustomer', t: 36_000, role: 'bot' }, // no customer message: not in it
    // Monday 16:59:50 → Tuesday 09:00:15: 10 business seconds (Monday 09–17 only), 57,625 calendar seconds
    { c: 'overnight', t: 61_190, role: 'customer' },
    { c: 'overnight', t: 118_815, role: 'bot' },
  ]);

  it('counts first responses within the target (equal is a hit) over conversations with a customer message', () => {
    expectRate(computeKpi(slaFirstResponse, convs, contextOf(convs, { sla: { firstResponseMs: 30_000, businessHours: false } })), 1, 4);
  });

  it('with sla.business_hours, measures in business seconds', () => {
    const ctx = contextOf(convs, { sla: { firstResponseMs: 30_000, businessHours: true }, businessHours: MONDAY_9_TO_5() });
    expectRate(computeKpi(slaFirstResponse, convs, ctx), 2, 4);
  });

  it('is null with counts 0 without a target', () => {
    expect(runKpis([slaFirstResponse], convs, contextOf(convs)).sla_first_response).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      ci95: null,
      reason: 'needs sla.first_response in the config',
    });
  });
});
