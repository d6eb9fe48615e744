import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { volumeHeatmap } from '../../src/kpis/volume-heatmap.js';
import { contextOf, conversationsOf } from './helpers.js';

const H = 3600;

describe('volume_heatmap', () => {
  // T0 is Monday 2025-01-06 00:00 UTC.
  const convs = conversationsOf([
    { c: 'a', t: 30 * 60, role: 'customer' }, // Mon 00:30
    { c: 'b', t: 50 * 60, role: 'customer' }, // Mon 00:50
    { c: 'c', t: 24 * H + 5 * H, role: 'customer' }, // Tue 05:00
    { c: 'd', t: 24 * H + 5 * H + 59 * 60, role: 'customer' }, // Tue 05:59
    { c: 'e', t: -30 * 60, role: 'customer' }, // Sun 23:30
  ]);

  it('counts starts by weekday × hour and breaks a tie by the earliest weekday, then hour', () => {
    const r = computeKpi(volumeHeatmap, convs, contextOf(convs));
    expect(r.cells).toHaveLength(7);
    expect(r.cells.every((row) => row.length === 24)).toBe(true);
    expect(r.cells[0]?.[0]).toBe(2);
    expect(r.cells[1]?.[5]).toBe(2);
    expect(r.cells[6]?.[23]).toBe(1);
    expect(r.cells.flat().reduce((a, b) => a + b, 0)).toBe(5);
    expect(r.peak).toEqual({ weekday: 'Mon', hour: 0, conversations: 2 });
  });

  it('uses --tz: in Berlin (UTC+1) Sunday 23:30 becomes Monday 00:30 and the Monday cells move to 01', () => {
    const r = computeKpi(volumeHeatmap, convs, contextOf(convs, { tz: 'Europe/Berlin' }));
    expect(r.cells[0]?.[0]).toBe(1);
    expect(r.cells[0]?.[1]).toBe(2);
    expect(r.cells[1]?.[6]).toBe(2);
    expect(r.peak).toEqual({ weekday: 'Mon', hour: 1, conversations: 2 });
  });

  it('has no peak without conversations', () => {
    expect(computeKpi(volumeHeatmap, [], contextOf([]))).toMatchObject({ peak: null, reason: 'no conversations' });
  });
});
