import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { csatScore } from '../../src/kpis/csat-score.js';
import type { Rating } from '../../src/model.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf, type Row } from './helpers.js';

const num = (value: number): Rating => ({ kind: 'numeric', value });
const thumb = (up: boolean): Rating => ({ kind: 'thumb', up });

/** One conversation per id: a customer message at 0, a bot message at 1, then the given rows. */
function rated(...extra: Row[]): Row[] {
  const ids = [...new Set(extra.map((r) => r.c))];
  return [...ids.flatMap((c) => [{ c, t: 0, role: 'customer' as const }, { c, t: 1, role: 'bot' as const }]), ...extra];
}

describe('csat_score', () => {
  it('on a 5-point scale, satisfied is ≥ 4; thumbs up is satisfied; the last rating wins', () => {
    const convs = conversationsOf([
      ...rated(
        { c: 'a', t: 10, kind: 'csat', csat: num(5) }, // satisfied
        { c: 'b', t: 10, kind: 'csat', csat: num(4) }, // satisfied (boundary)
        { c: 'c', t: 10, kind: 'csat', csat: num(3.9) }, // not
        { c: 'd', t: 10, kind: 'csat', csat: num(5) },
        { c: 'd', t: 20, kind: 'csat', csat: num(2) }, // last = 2 → not
        { c: 'e', t: 30, kind: 'csat', csat: num(5) }, // listed first, but latest in time → 5 → satisfied
        { c: 'e', t: 10, kind: 'csat', csat: num(2) },
        { c: 'f', t: 10, kind: 'csat', csat: thumb(true) }, // satisfied
        { c: 'g', t: 1, role: 'customer', csat: thumb(false) }, // a rating on a message row → not
      ),
      { c: 'h', t: 0, role: 'customer' }, // unrated → excluded
    ]);
    // rated = {a..g} = 7; satisfied = {a, b, e, f} = 4 → 4/7
    expectRate(computeKpi(csatScore, convs, contextOf(convs)), 4, 7);
  });

  it('on a 10-point scale, satisfied is ≥ 8', () => {
    const convs = conversationsOf(
      rated(
        { c: 'a', t: 5, kind: 'csat', csat: num(8) }, // satisfied
        { c: 'b', t: 5, kind: 'csat', csat: num(7.5) }, // not
        { c: 'c', t: 5, kind: 'csat', csat: num(10) }, // satisfied
        { c: 'd', t: 5, kind: 'csat', csat: num(7) }, // not
        { c: 'e', t: 5, kind: 'csat', csat: thumb(true) }, // satisfied
      ),
    );
    // 3/5
    expectRate(computeKpi(csatScore, convs, contextOf(convs, { csatScale: 10, csatSatisfiedFrom: 8 })), 3, 5);
  });

  it('honours an overridden satisfied threshold', () => {
    const convs = conversationsOf(
      rated(
        { c: 'a', t: 5, kind: 'csat', csat: num(3) }, // satisfied from 3
        { c: 'b', t: 5, kind: 'csat', csat: num(2) },
      ),
    );
    // 1/2
    expectRate(computeKpi(csatScore, convs, contextOf(convs, { csatSatisfiedFrom: 3 })), 1, 2);
  });

  it('is null with a reason when nothing is rated', () => {
    const convs = conversationsOf(rated({ c: 'a', t: 5, kind: 'csat' }));
    expectEmptyRate(computeKpi(csatScore, convs, contextOf(convs)));
  });
});
