import { describe, expect, it } from 'vitest';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { slaResolution } from '../../src/kpis/sla-resolution.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf, MONDAY_9_TO_5 } from './helpers.js';

describe('sla_resolution', () => {
  const convs = conversationsOf([
    { c: 'exact', t: 0, role: 'customer' }, // resolved after exactly 1 h: a hit
    { c: 'exact', t: 3600, kind: 'resolved' },
    { c: 'late', t: 0, role: 'customer' }, // 1 h 1 s: a miss
    { c: 'late', t: 3601, role: 'bot', resolved: true },
    { c: 'unresolved', t: 0, role: 'customer', resolved: false }, // not in it
  ]);

  it('counts resolution times within the target, always in calendar time', () => {
    expectRate(computeKpi(slaResolution, convs, contextOf(convs, { sla: { resolutionMs: 3_600_000, businessHours: false } })), 1, 2);
    // business_hours does not apply to resolution: the night (closed) still counts
    const business = contextOf(convs, { sla: { resolutionMs: 3_600_000, businessHours: true }, businessHours: MONDAY_9_TO_5() });
    expectRate(computeKpi(slaResolution, convs, business), 1, 2);
  });

  it('is null with counts 0 without a target', () => {
    expect(runKpis([slaResolution], convs, contextOf(convs)).sla_resolution).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'needs sla.resolution in the config',
    });
  });
});
