import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, type ReportJson } from './run.js';

/**
 * fixtures/compare/two-weeks.jsonl (see fixtures/compare/make.mjs): 200 bot conversations,
 * containment 135/200 = 0.675 overall and 75/100 from 2025-01-13 on, first_response_time p90 6 s,
 * no csat and no cost (both n/a).
 */
const DATA = fixture('compare/two-weeks.jsonl');
const check = (...args: string[]) => botkpi(['check', DATA, ...args]);

function configWith(thresholds: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'botkpi-check-'));
  const file = join(dir, 'botkpi.config.json');
  writeFileSync(file, JSON.stringify({ thresholds }));
  return file;
}

describe('botkpi check', () => {
  it('exit 0 when every check passes; the table shows value and verdict', async () => {
    const r = await check('--fail-if', 'containment_rate<0.6', '--fail-if', 'first_response_time.p90>30');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/containment_rate<0\.6\s+│\s+67\.50 %\s+│\s+pass/);
    expect(r.stdout).toMatch(/first_response_time\.p90>30\s+│\s+6\.0 s\s+│\s+pass/);
    expect(r.stdout).toContain('OK: 2 passed, 0 failed');
    expect(r.stderr).toBe('');
  });

  it('exit 1 when a check fails (percent threshold)', async () => {
    const r = await check('--fail-if', 'containment_rate < 70%', '--fail-if', 'first_response_time.p90>30');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/containment_rate < 70%\s+│\s+67\.50 %\s+│\s+FAIL/);
    expect(r.stdout).toContain('FAILED: 1 passed, 1 failed');
  });

  it('takes the data flags of report: --since scopes the KPIs', async () => {
    const r = await check('--fail-if', 'containment_rate<70%', '--since', '2025-01-13', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).checks[0].value).toBe(0.75);
  });

  it('--format json: {checks: [...], passed}', async () => {
    const r = await check('--fail-if', 'containment_rate<0.7', '--fail-if', 'automation_rate.full>=0.5', '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json).toEqual({
      passed: false,
      checks: [
        { expression: 'containment_rate<0.7', kpi: 'containment_rate', path: 'value', op: '<', threshold: 0.7, value: 0.675, unit: 'ratio', passed: false },
        { expression: 'automation_rate.full>=0.5', kpi: 'automation_rate', path: 'full', op: '>=', threshold: 0.5, value: 0.675, unit: 'ratio', passed: false },
      ],
      conversations: 200,
      period: { first: '2025-01-06T09:00:00Z', last: '2025-01-19T16:25:00Z' },
      tz: 'UTC',
    });
  });

  it.each([
    [['--fail-if', 'containment_rat<0.6'], /check "containment_rat<0\.6": unknown KPI "containment_rat" \(did you mean containment_rate\?\)/],
    [['--fail-if', 'containment_rate => 0.6'], /check "containment_rate => 0\.6": expected <kpi>\[\.<path>\] <op> <number>/],
    [['--fail-if', 'first_response_time.p99>1'], /first_response_time has no statistic "p99"/],
    [['--fail-if', 'containment_rate<0.6', '--format', 'csv'], /--format "csv": expected table or json/],
  ])('exit 2 on a malformed expression %j', async (args, message) => {
    const r = await check(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('expressions are validated before any data is read', async () => {
    const r = await botkpi(['check', 'no-such-file.jsonl', '--fail-if', 'containment_rat<0.6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown KPI "containment_rat"');
  });

  it('exit 2 when there are no checks at all', async () => {
    for (const r of [await check(), await check('--config', configWith([]))]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no checks: give --fail-if EXPRESSION');
    }
  });

  it('an n/a KPI fails with its reason; --allow-missing skips it', async () => {
    const failed = await check('--fail-if', 'csat_score<0.8', '--fail-if', 'containment_rate<0.6', '--format', 'json');
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).checks[0]).toEqual({
      expression: 'csat_score<0.8', kpi: 'csat_score', path: 'value', op: '<', threshold: 0.8, value: null, unit: 'ratio', passed: false, reason: 'needs field csat',
    });
    const skipped = await check('--fail-if', 'csat_score<0.8', '--fail-if', 'containment_rate<0.6', '--allow-missing');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/csat_score<0\.8\s+│\s+n\/a — needs field csat\s+│\s+skipped/);
    expect(skipped.stdout).toContain('OK: 1 passed, 0 failed, 1 skipped (n/a)');
  });

  it('thresholds from the config file (--config), with the --fail-if flags', async () => {
    const config = configWith(['containment_rate<0.6', 'cost_per_conversation>2']);
    const r = await check('--config', config, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ReportJson;
    expect(json.checks.map((c: ReportJson) => [c.expression, c.passed, c.reason])).toEqual([
      ['containment_rate<0.6', true, undefined],
      ['cost_per_conversation>2', false, 'needs field cost or a cost model'],
    ]);
    const both = await check('--config', config, '--allow-missing', '--fail-if', 'conversations<100', '--format', 'json');
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).checks.map((c: ReportJson) => c.expression)).toEqual([
      'conversations<100', 'containment_rate<0.6', 'cost_per_conversation>2',
    ]);
  });

  it('a malformed threshold in the config file is exit 2', async () => {
    const r = await check('--config', configWith(['containment_rate <> 1']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('check "containment_rate <> 1"');
  });
});
