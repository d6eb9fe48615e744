import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, type ReportJson } from './run.js';

/**
 * fixtures/compare (made by make.mjs): two-weeks.jsonl has 100 bot conversations in ISO week
 * 2025-W02 and 100 in 2025-W03; old.json / new.json are its two weeks saved as JSON reports.
 *   containment_rate 60/100 → 75/100: pooled p = 0.675, SE = sqrt(0.675·0.325·0.02) = 0.0662382,
 *     z = 0.15 / SE = 2.264554, two-sided p = 0.023540 → significant.
 *   resolution_rate 60/100 → 65/100: pooled p = 0.625, SE = sqrt(0.625·0.375·0.02) = 0.0684653,
 *     z = 0.05 / SE = 0.730297, p = 0.465209 → not significant.
 */
const OLD = fixture('compare/old.json');
const NEW = fixture('compare/new.json');
const DATA = fixture('compare/two-weeks.jsonl');

async function compareJson(...args: string[]): Promise<ReportJson> {
  const r = await botkpi(['compare', ...args, '--format', 'json']);
  if (r.code !== 0) throw new Error(`botkpi compare exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const find = (cmp: ReportJson, kpi: string, statistic = 'value'): ReportJson =>
  cmp.rows.find((r: ReportJson) => r.kpi === kpi && r.statistic === statistic);

function expectHandComputed(cmp: ReportJson): void {
  const c = find(cmp, 'containment_rate');
  expect(c).toMatchObject({ unit: 'ratio', old: 0.6, new: 0.75, significant: true });
  expect(c.delta).toBeCloseTo(0.15, 12);
  expect(c.delta_pp).toBeCloseTo(15, 10);
  expect(c.z).toBeCloseTo(2.264554068289192, 9);
  expect(c.p_value).toBeCloseTo(0.023540058261177926, 9);
  const r = find(cmp, 'resolution_rate');
  expect(r).toMatchObject({ old: 0.6, new: 0.65, significant: false });
  expect(r.delta_pp).toBeCloseTo(5, 10);
  expect(r.z).toBeCloseTo(0.7302967433402222, 9);
  expect(r.p_value).toBeCloseTo(0.46520881845214124, 9);
  // Not a rate: a difference, no test.
  expect(find(cmp, 'conversations', 'messages.agent')).toEqual({
    kpi: 'conversations', statistic: 'messages.agent', unit: 'count', old: 40, new: 25, delta: -15, significant: null,
  });
}

describe('botkpi compare old.json new.json', () => {
  it('--format json: hand-computed deltas, z and significance', async () => {
    const cmp = await compareJson(OLD, NEW);
    expect(cmp.schemaVersion).toBe(1);
    expect(cmp.old).toEqual({ label: 'old.json', since: null, until: '2025-01-13' });
    expect(cmp.new).toEqual({ label: 'new.json', since: '2025-01-13', until: null });
    expectHandComputed(cmp);
  });

  it('table (default): values, ▲/▼, * on significant changes, no colour when piped', async () => {
    const r = await botkpi(['compare', OLD, NEW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/containment_rate\s+│\s+60\.0 %\s+│\s+75\.0 %\s+│\s+▲ \+15\.0 pp \*\s+│\s+0\.0235/);
    expect(r.stdout).toMatch(/escalation_rate\s+│\s+40\.0 %\s+│\s+25\.0 %\s+│\s+▼ -15\.0 pp \*/);
    expect(r.stdout).toMatch(/resolution_rate\s+│\s+60\.0 %\s+│\s+65\.0 %\s+│\s+▲ \+5\.0 pp\s+│\s+0\.4652/);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('--format csv: RFC 4180 with the documented header', async () => {
    const r = await botkpi(['compare', OLD, NEW, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['kpi', 'statistic', 'unit', 'old', 'new', 'delta', 'delta_pp', 'z', 'p_value', 'significant']);
    const c = rows.find((x) => x.kpi === 'containment_rate' && x.statistic === 'value');
    expect(c).toMatchObject({ unit: 'ratio', old: '0.6', new: '0.75', significant: 'true' });
    expect(Number(c?.z)).toBeCloseTo(2.264554, 6);
    expect(rows.find((x) => x.kpi === 'resolution_rate')?.significant).toBe('false');
    expect(rows.find((x) => x.kpi === 'first_response_time' && x.statistic === 'mean')?.significant).toBe('');
  });

  it('-o file.md writes Markdown with a table', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'botkpi-compare-')), 'change.md');
    const r = await botkpi(['compare', OLD, NEW, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('| KPI | old | new | change | p-value | significant |');
    expect(md).toContain('| containment_rate | 60.0 % | 75.0 % | ▲ +15.0 pp | 0.0235 | yes |');
    expect(md).toContain('| resolution_rate | 60.0 % | 65.0 % | ▲ +5.0 pp | 0.4652 | no |');
  });

  it.each([
    [[OLD], /compare needs two saved JSON reports/],
    [[OLD, NEW, '--tz', 'Europe/Berlin'], /--tz applies only with --period/],
    [[OLD, 'missing.json'], /cannot read missing\.json: no such file/],
    [[OLD, DATA], /two-weeks\.jsonl: not a JSON report/],
  ])('exit 2: %j', async (args, message) => {
    const r = await botkpi(['compare', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exit 2 on a report of another schemaVersion', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'botkpi-compare-')), 'v2.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(NEW, 'utf8')), schemaVersion: 2 }));
    const r = await botkpi(['compare', OLD, file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('schemaVersion 2 is not supported (expected 1)');
  });
});

describe('botkpi compare transcripts --period', () => {
  it('week, anchored at the latest conversation: 2025-W03 against 2025-W02, the same rows as the saved reports', async () => {
    const cmp = await compareJson(DATA, '--period', 'week');
    expect(cmp.old).toEqual({ label: '2025-W02', since: '2025-01-06T00:00:00Z', until: '2025-01-13T00:00:00Z' });
    expect(cmp.new).toEqual({ label: '2025-W03', since: '2025-01-13T00:00:00Z', until: '2025-01-20T00:00:00Z' });
    expectHandComputed(cmp);
    expect(cmp.rows).toEqual((await compareJson(OLD, NEW)).rows);
  });

  it('--until 2025-01-13 (exclusive): 2025-W02 against 2025-W01, which has no data', async () => {
    const cmp = await compareJson(DATA, '--period', 'week', '--until', '2025-01-13');
    expect(cmp.old).toEqual({ label: '2025-W01', since: '2024-12-30T00:00:00Z', until: '2025-01-06T00:00:00Z' });
    expect(cmp.new).toEqual({ label: '2025-W02', since: '2025-01-06T00:00:00Z', until: '2025-01-13T00:00:00Z' });
    expect(find(cmp, 'conversations')).toMatchObject({ old: 0, new: 100, delta: 100 });
    expect(find(cmp, 'containment_rate')).toMatchObject({ old: null, new: 0.6, delta: null, delta_pp: null, significant: null });
  });

  it('--until mid-week --include-partial: the current week is partial (Mon–Wed: conversations with i mod 7 in 0..2, 15+15+14 = 44)', async () => {
    const cmp = await compareJson(DATA, '--period', 'week', '--until', '2025-01-16', '--include-partial');
    expect(cmp.new).toEqual({ label: '2025-W03', since: '2025-01-13T00:00:00Z', until: '2025-01-16T00:00:00Z' });
    expect(find(cmp, 'conversations')).toMatchObject({ old: 100, new: 44 });
  });

  it('--until mid-week without --include-partial: the last complete week against the one before, with a warning', async () => {
    const r = await botkpi(['compare', DATA, '--period', 'week', '--until', '2025-01-16', '--format', 'json']);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout) as ReportJson;
    expect(cmp.new).toEqual({ label: '2025-W02', since: '2025-01-06T00:00:00Z', until: '2025-01-13T00:00:00Z' });
    expect(cmp.old.label).toBe('2025-W01');
    expect(r.stderr).toContain('botkpi: warning: 2025-W03 is not complete yet: comparing 2025-W02 with 2025-W01 (--include-partial to compare 2025-W03)');
  });

  it('month in a zone, complete months by default: the data ends 2025-01-19, so December against November', async () => {
    const cmp = await compareJson(DATA, '--period', 'month', '--tz', 'America/New_York');
    expect(cmp.new.label).toBe('2024-12');
    expect(cmp.old.label).toBe('2024-11');
  });

  it('month in a zone: January 2025 (America/New_York) against December 2024', async () => {
    const cmp = await compareJson(DATA, '--period', 'month', '--tz', 'America/New_York', '--include-partial');
    expect(cmp.old).toEqual({ label: '2024-12', since: '2024-12-01T00:00:00-05:00', until: '2025-01-01T00:00:00-05:00' });
    expect(cmp.new).toEqual({ label: '2025-01', since: '2025-01-01T00:00:00-05:00', until: '2025-02-01T00:00:00-05:00' });
    expect(find(cmp, 'conversations')).toMatchObject({ old: 0, new: 200 });
  });

  it.each([
    [['--period', 'year'], /--period "year": expected week or month/],
    [['--period', 'week', '--since', '2025-01-01'], /--since cannot be used with --period/],
    [['--period', 'week', '--format', 'xml'], /--format "xml"/],
  ])('exit 2: %j', async (args, message) => {
    const r = await botkpi(['compare', DATA, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
