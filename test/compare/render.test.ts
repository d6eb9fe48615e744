import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare/index.js';
import { arrow, formatDelta, formatP, renderComparison, renderCompareCsv } from '../../src/compare/render.js';
import type { KpiResult } from '../../src/report/types.js';

const rate = (x: number, n: number) => ({ value: x / n, numerator: x, denominator: n, ci95: null });
const kpis = (contained: number, p90: number, extra: Record<string, KpiResult> = {}): Record<string, KpiResult> => ({
  containment_rate: rate(contained, 100),
  first_response_time: { mean: 5, p50: 4, p90, count: 100 },
  csat_score: { value: null, reason: 'needs field csat' },
  ...extra,
});
const cmp = compareReports(
  'old.json',
  { kpis: kpis(60, 30), options: { since: null, until: '2025-01-13' } },
  'new.json',
  { kpis: kpis(75, 28.5, { intents: { rows: [{ intent: '=cmd|x', conversations: 3, share: 1, containment_rate: rate(1, 3), csat_score: rate(1, 2), handling_time_mean: null }] } }) },
);

describe('formatting', () => {
  it('deltas in the unit, ratios in percentage points, signed', () => {
    expect(formatDelta('ratio', 0.15000000000000002)).toBe('+15.0 pp');
    expect(formatDelta('ratio', -0.05)).toBe('-5.0 pp');
    expect(formatDelta('ratio', 0)).toBe('0.0 pp');
    expect(formatDelta('ratio', -0.00001)).toBe('0.0 pp');
    expect(formatDelta('seconds', -1.5)).toBe('-1.5 s');
    expect(formatDelta('count', 1204)).toBe('+1,204');
    expect(formatDelta('money', -2.5)).toBe('-2.50');
    expect(formatDelta('score', null)).toBe('n/a');
    expect([arrow(0.1), arrow(-0.1), arrow(0), arrow(null)]).toEqual(['▲', '▼', '', '']);
    expect([formatP(0.023540058), formatP(0.00001), formatP(undefined)]).toEqual(['0.0235', '<0.0001', '']);
  });
});

describe('renderers', () => {
  it('csv: header, plain numbers, empty cells for absent values, neutralised text', () => {
    const lines = renderCompareCsv(cmp).split('\r\n');
    expect(lines[0]).toBe('kpi,statistic,unit,old,new,delta,delta_pp,z,p_value,significant');
    const containment = lines.find((l) => l.startsWith('containment_rate,value,'))?.split(',');
    expect(containment?.slice(0, 5)).toEqual(['containment_rate', 'value', 'ratio', '0.6', '0.75']);
    expect(Number(containment?.[5])).toBeCloseTo(0.15, 12);
    expect(Number(containment?.[6])).toBeCloseTo(15, 10);
    expect(Number(containment?.[7])).toBeCloseTo(2.2645540682891, 10);
    expect(Number(containment?.[8])).toBeCloseTo(0.0235400582611, 10);
    expect(containment?.[9]).toBe('true');
    expect(lines).toContain('first_response_time,p90,seconds,30,28.5,-1.5,,,,');
    expect(lines).toContain('csat_score,value,ratio,,,,,,,');
    expect(lines.some((l) => l.startsWith('intents,intent.=cmd|x.share,ratio,'))).toBe(true);
  });

  it('json: the model', () => {
    const json = JSON.parse(renderComparison(cmp, 'json', { color: false }));
    expect(json.schemaVersion).toBe(1);
    expect(json.old).toEqual({ label: 'old.json', since: null, until: '2025-01-13' });
    expect(json.rows[0]).toMatchObject({ kpi: 'containment_rate', statistic: 'value', significant: true });
  });

  it('md: a GitHub table with escaped cells, n/a-in-both rows left out, the test explained', () => {
    const md = renderComparison(cmp, 'md', { color: false });
    expect(md).toContain('| KPI | old | new | change | p-value | significant |');
    expect(md).toContain('| containment_rate | 60.0 % | 75.0 % | ▲ +15.0 pp | 0.0235 | yes |');
    expect(md).toContain('| first_response_time.p90 | 30 s | 29 s | ▼ -1.5 s |  |  |');
    expect(md).toContain('intents.intent.=cmd\\|x.share');
    expect(md).not.toContain('| csat_score |');
    expect(md).toContain('two-proportion z-test');
  });

  it('table: arrows, * on significant changes, no ANSI without colour; colour by the KPI direction', () => {
    const plain = renderComparison(cmp, 'table', { color: false });
    expect(plain).toMatch(/containment_rate\s+│\s+60\.0 %\s+│\s+75\.0 %\s+│\s+▲ \+15\.0 pp \*\s+│\s+0\.0235/);
    expect(plain).toMatch(/first_response_time\.p90\s+│\s+30 s\s+│\s+29 s\s+│\s+▼ -1\.5 s\s+│/);
    expect(plain).toContain('statistics n/a in both reports are not shown');
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/\x1b\[/);
    const coloured = renderComparison(cmp, 'table', { color: true });
    expect(coloured).toContain('\x1b[32m▲ +15.0 pp *'); // containment up: better, green
  });
});
