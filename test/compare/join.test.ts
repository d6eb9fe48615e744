import { describe, expect, it } from 'vitest';
import { compareReports, parseSavedReport, type ReportLike } from '../../src/compare/index.js';
import { joinKpis } from '../../src/compare/join.js';
import { UsageError } from '../../src/errors.js';
import type { KpiResult } from '../../src/report/types.js';

const rate = (x: number, n: number) => ({ value: n === 0 ? null : x / n, numerator: x, denominator: n, ci95: null });

const oldKpis: Record<string, KpiResult> = {
  containment_rate: rate(60, 100),
  resolution_rate: rate(60, 100),
  csat_score: { ...rate(0, 0), reason: 'no rated conversations' },
  first_response_time: { mean: 10, p50: 8, p90: 30, count: 100 },
  intent_recognition_rate: rate(0, 50),
  gone_kpi: { value: 3, count: 2 },
};
const newKpis: Record<string, KpiResult> = {
  containment_rate: rate(75, 100),
  resolution_rate: rate(65, 100),
  csat_score: rate(8, 10),
  first_response_time: { mean: 12.5, p50: 8, p90: 25, count: 120 },
  intent_recognition_rate: rate(0, 40),
};

describe('joinKpis', () => {
  const rows = joinKpis(oldKpis, newKpis);
  const row = (kpi: string, statistic = 'value') => rows.find((r) => r.kpi === kpi && r.statistic === statistic);

  it('a significant rate change: delta, delta_pp, z, p-value', () => {
    const r = row('containment_rate');
    expect(r).toMatchObject({ unit: 'ratio', old: 0.6, new: 0.75, significant: true });
    expect(r?.delta).toBeCloseTo(0.15, 12);
    expect(r?.delta_pp).toBeCloseTo(15, 10);
    expect(r?.z).toBeCloseTo(2.264554068289192, 12);
    expect(r?.p_value).toBeCloseTo(0.023540058261177926, 12);
  });

  it('an insignificant rate change', () => {
    const r = row('resolution_rate');
    expect(r?.z).toBeCloseTo(0.7302967433402222, 12);
    expect(r?.p_value).toBeCloseTo(0.46520881845214124, 12);
    expect(r?.significant).toBe(false);
  });

  it('no test when a side has n = 0 or the pooled proportion is 0', () => {
    expect(row('csat_score')).toEqual({ kpi: 'csat_score', statistic: 'value', unit: 'ratio', old: null, new: 0.8, delta: null, delta_pp: null, significant: null });
    expect(row('intent_recognition_rate')).toMatchObject({ old: 0, new: 0, delta: 0, delta_pp: 0, significant: null });
    expect(row('intent_recognition_rate')).not.toHaveProperty('z');
  });

  it('non-rate statistics: delta, no delta_pp, significance null', () => {
    expect(row('first_response_time', 'mean')).toEqual({
      kpi: 'first_response_time', statistic: 'mean', unit: 'seconds', old: 10, new: 12.5, delta: 2.5, significant: null,
    });
    expect(row('first_response_time', 'count')).toMatchObject({ unit: 'count', delta: 20, significant: null });
  });

  it('new report order first, then statistics only the old report has', () => {
    expect(rows.slice(-2)).toMatchObject([
      { kpi: 'gone_kpi', statistic: 'value', old: 3, new: null, delta: null },
      { kpi: 'gone_kpi', statistic: 'count', old: 2, new: null, delta: null },
    ]);
    expect(rows.map((r) => `${r.kpi}.${r.statistic}`).slice(0, 3)).toEqual(['containment_rate.value', 'resolution_rate.value', 'csat_score.value']);
  });
});

describe('compareReports / parseSavedReport', () => {
  const saved = (extra: object = {}): string =>
    JSON.stringify({ schemaVersion: 1, options: { since: '2025-01-01', until: null }, kpis: newKpis, ...extra });

  it('labels each side with the scope it was made for', () => {
    const old: ReportLike = { kpis: oldKpis };
    const cmp = compareReports('a.json', old, 'b.json', parseSavedReport(saved(), 'b.json'));
    expect(cmp.schemaVersion).toBe(1);
    expect(cmp.old).toEqual({ label: 'a.json', since: null, until: null });
    expect(cmp.new).toEqual({ label: 'b.json', since: '2025-01-01', until: null });
  });

  it.each([
    ['{', /x\.json: not a JSON report/],
    ['[1]', /x\.json: not a botkpi JSON report \(no schemaVersion\)/],
    [JSON.stringify({ schemaVersion: 2, kpis: {} }), /x\.json: report schemaVersion 2 is not supported \(expected 1\)/],
    [JSON.stringify({ schemaVersion: 1 }), /x\.json: the report has no "kpis" object/],
    [JSON.stringify({ schemaVersion: 1, kpis: { a: 1 } }), /no "kpis" object/],
  ])('rejects %s', (text, message) => {
    expect(() => parseSavedReport(text, 'x.json')).toThrow(UsageError);
    expect(() => parseSavedReport(text, 'x.json')).toThrow(message);
  });
});
