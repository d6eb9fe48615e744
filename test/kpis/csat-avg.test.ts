import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { csatAvg } from '../../src/kpis/csat-avg.js';
import type { Rating } from '../../src/model.js';
import { contextOf, conversationsOf } from './helpers.js';

const num = (value: number): Rating => ({ kind: 'numeric', value });
const thumb = (up: boolean): Rating => ({ kind: 'thumb', up });

describe('csat_avg', () => {
  it('averages conversations whose last rating is numeric; thumbs are ignored', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 5, kind: 'csat', csat: num(5) }, // 5
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 5, kind: 'csat', csat: num(2) },
      { c: 'b', t: 6, kind: 'csat', csat: num(4) }, // last → 4
      { c: 'c', t: 0, role: 'customer' },
      { c: 'c', t: 5, kind: 'csat', csat: thumb(true) }, // thumb → ignored
      { c: 'd', t: 0, role: 'customer' },
      { c: 'd', t: 5, kind: 'csat', csat: num(3) },
      { c: 'd', t: 6, kind: 'csat', csat: thumb(false) }, // last is a thumb → ignored
      { c: 'e', t: 0, role: 'customer' },
      { c: 'e', t: 5, kind: 'csat', csat: thumb(true) },
      { c: 'e', t: 6, kind: 'csat', csat: num(1) }, // last numeric → 1
      { c: 'f', t: 0, role: 'customer' }, // unrated
    ]);
    // (5 + 4 + 1) / 3 = 10/3
    const r = computeKpi(csatAvg, convs, contextOf(convs));
    expect(r.count).toBe(3);
    expect(r.value).toBeCloseTo(10 / 3, 12);
  });

  it('is null with a reason when there are only thumbs', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', csat: thumb(true) },
      { c: 'b', t: 0, role: 'customer', csat: thumb(false) },
    ]);
    const r = computeKpi(csatAvg, convs, contextOf(convs));
    expect(r).toMatchObject({ value: null, count: 0 });
    expect(r.reason).toMatch(/\S/);
  });
});
