import { describe, expect, it } from 'vitest';
import { csatResponseRate } from '../../src/kpis/csat-response-rate.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { FIELDS } from '../../src/schema/fields.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('csat_response_rate', () => {
  it('is rated conversations over N', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 5, kind: 'csat', csat: { kind: 'numeric', value: 5 } }, // rated
      { c: 'b', t: 0, role: 'customer', csat: { kind: 'thumb', up: false } }, // rated (on a message row)
      { c: 'c', t: 0, role: 'customer' }, // unrated
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 5, kind: 'csat' }, // a csat event without a rating carries nothing
      { c: 'e', t: 0, role: 'bot' }, // unrated
      { c: 'x', t: 0, kind: 'csat', csat: { kind: 'numeric', value: 1 } }, // no messages → not a conversation
    ]);
    expect(convs.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // N = 5; rated = {a, b} = 2 → 2/5
    expectRate(computeKpi(csatResponseRate, convs, contextOf(convs)), 2, 5);
  });

  it('is null with "needs field csat" when no row has csat', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }]);
    const ctx = contextOf(convs, {}, FIELDS.filter((f) => f !== 'csat'));
    expect(runKpis([csatResponseRate], convs, ctx)).toEqual({
      csat_response_rate: { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field csat' },
    });
  });

  it('is null with a reason for no conversations', () => {
    expectEmptyRate(computeKpi(csatResponseRate, [], contextOf([])));
  });
});
