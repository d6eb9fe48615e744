import { describe, expect, it } from 'vitest';
import { afterHoursRate } from '../../src/kpis/after-hours-rate.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { expectRate } from './assertions.js';
import { calendarOf, contextOf, conversationsOf } from './helpers.js';

describe('after_hours_rate', () => {
  const convs = conversationsOf([
    { c: 'a', t: 9 * 3600, role: 'customer' }, // Monday 09:00 UTC: open
    { c: 'b', t: 9 * 3600 - 60, role: 'customer' }, // 08:59: closed
    { c: 'c', t: 17 * 3600, role: 'customer' }, // 17:00: the end is exclusive, closed
    { c: 'd', t: 3600, role: 'customer', market: 'jp' }, // 01:00 UTC = 10:00 in Tokyo: open in its market
    { c: 'e', t: 12 * 3600, role: 'customer', market: 'JP' }, // 12:00 UTC = 21:00 in Tokyo: closed
  ]);
  const calendar = calendarOf({
    timezone: 'UTC',
    week: { mon: ['09:00-17:00'] },
    markets: { JP: { timezone: 'Asia/Tokyo', week: { mon: ['09:00-18:00'] } } },
  });

  it("counts starts outside the conversation's own schedule", () => {
    expectRate(computeKpi(afterHoursRate, convs, contextOf(convs, { businessHours: calendar })), 3, 5);
  });

  it('is null with counts 0 and the reason without a schedule', () => {
    expect(runKpis([afterHoursRate], convs, contextOf(convs)).after_hours_rate).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      ci95: null,
      reason: 'needs business_hours in the config',
    });
  });
});
