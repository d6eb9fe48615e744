import { describe, expect, it } from 'vitest';
import { KPIS } from '../../src/kpis/registry.js';
import { botkpi, type ReportJson } from './run.js';

/**
 * fixtures/compare/two-weeks.jsonl (fixtures/compare/make.mjs): 200 conversations; the first starts
 * Mon 2025-01-06 09:00 (week 1, i = 0: day 0, hour 9, minute 0), the last Sun 2025-01-19 16:25
 * (week 2, i = 55: day 55 mod 7 = 6, hour 9 + 55 mod 8 = 16, minute 55·7 mod 60 = 25).
 * First response times are 2–6 s (p90 6 s); containment 135/200.
 */
const DATA = 'fixtures/compare/two-weeks.jsonl';
const CONFIG = 'fixtures/demo/botkpi.config.json';

describe('the report says which config, inputs and data period it used', () => {
  it('JSON: options.config, options.inputs, options.settings and period', async () => {
    const r = await botkpi(['report', DATA, '--config', CONFIG, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(report.options.config).toBe(CONFIG);
    expect(report.options.inputs).toEqual([DATA]);
    expect(report.options.orders).toBeNull();
    expect(report.options.settings).toMatchObject({ csatScale: 5, fcrWindowSeconds: 7 * 86_400, attributionWindowSeconds: 72 * 3600 });
    expect(report.period).toEqual({ first: '2025-01-06T09:00:00Z', last: '2025-01-19T16:25:00Z' });
  });

  it('table header: config, input and the period in --tz', async () => {
    const r = await botkpi(['report', DATA, '--tz', 'Europe/Berlin'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    // 09:00 UTC is 10:00 in Berlin in January (UTC+1).
    expect(r.stdout).toContain(`config none · input ${DATA} · data 2025-01-06 10:00 – 2025-01-19 17:25 (Europe/Berlin)`);
  });
});

describe('botkpi kpis', () => {
  it('lists every registered KPI id with its statistics and units', async () => {
    const r = await botkpi(['kpis']);
    expect(r.code).toBe(0);
    for (const k of KPIS) expect(r.stdout).toMatch(new RegExp(`^${k.id} — `, 'm'));
    expect(r.stdout).toContain('first_response_time — First response time · seconds · lower is better');
    expect(r.stdout).toMatch(/statistics: mean, p50, p90, count \(count\)/);
    expect(r.stdout).toMatch(/statistics: value, macro_precision, macro_recall, macro_f1,\s+per_intent\.<label>\.support \(count\)/);
  });

  it('--format json: the same catalogue for machines', async () => {
    const r = await botkpi(['kpis', '--format', 'json']);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.kpis.map((k: { id: string }) => k.id)).toEqual(KPIS.map((k) => k.id));
    const automation = json.kpis.find((k: { id: string }) => k.id === 'automation_rate');
    expect(automation.statistics).toEqual([
      { path: 'value', unit: 'ratio' },
      { path: 'full', unit: 'ratio' },
      { path: 'partial', unit: 'ratio' },
    ]);
  });
});

describe('botkpi check: units in thresholds and what was checked', () => {
  it('accepts p90>30s and prints how many conversations and which period were checked', async () => {
    const r = await botkpi(['check', DATA, '--fail-if', 'first_response_time.p90>30s', '--fail-if', 'first_response_time.p90>5s']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('checked 200 conversations · data 2025-01-06 09:00 – 2025-01-19 16:25 (UTC)');
    expect(r.stdout).toMatch(/first_response_time\.p90>30s\s+│\s+6\.0 s\s+│\s+pass/);
    expect(r.stdout).toMatch(/first_response_time\.p90>5s\s+│\s+6\.0 s\s+│\s+FAIL/);
  });

  it('JSON carries the count and the period', async () => {
    const r = await botkpi(['check', DATA, '--fail-if', 'handling_time.p50>1m', '--format', 'json']);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.checks[0].threshold).toBe(60);
    expect(json.conversations).toBe(200);
    expect(json.period).toEqual({ first: '2025-01-06T09:00:00Z', last: '2025-01-19T16:25:00Z' });
  });

  it('rejects containment_rate<60 before reading: did you mean 60%?', async () => {
    const r = await botkpi(['check', 'no-such-file.jsonl', '--fail-if', 'containment_rate<60']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('botkpi: check "containment_rate<60": containment_rate is a rate from 0 to 1: did you mean 60%?\n');
  });
});
