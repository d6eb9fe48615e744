import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { botkpi, type ReportJson } from './run.js';

/**
 * two-weeks.jsonl: containment 60/100 (2025-W02) → 75/100 (2025-W03), z = 2.26, p = 0.024:
 * significant and better (higher is better); escalation 40/100 → 25/100, better (lower is better);
 * resolution 60/100 → 65/100, p = 0.47, not significant.
 * The demo's last conversation starts Monday 2025-02-17, so 2025-W08 holds 1 conversation and
 * 2025-W07 holds 64 (see the breakdown by week).
 */
const WEEKS = 'fixtures/compare/two-weeks.jsonl';
const DEMO = ['fixtures/demo/transcripts.jsonl', '--orders', 'fixtures/demo/orders.csv', '--config', 'fixtures/demo/botkpi.config.json'];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('compare --period compares complete periods', () => {
  it('the demo: 2025-W07 (64 conversations) against 2025-W06, not the 1-conversation W08', async () => {
    const r = await botkpi(['compare', ...DEMO, '--period', 'week', '-f', 'json']);
    expect(r.code).toBe(0);
    const cmp = JSON.parse(r.stdout) as ReportJson;
    expect([cmp.old.label, cmp.new.label]).toEqual(['2025-W06', '2025-W07']);
    expect(cmp.rows.find((x: { kpi: string; statistic: string }) => x.kpi === 'conversations' && x.statistic === 'value').new).toBe(64);
    expect(r.stderr).toContain('2025-W08 is not complete yet');
  });

  it('--include-partial opts in to the current period', async () => {
    const cmp = JSON.parse((await botkpi(['compare', ...DEMO, '--period', 'week', '--include-partial', '-f', 'json'])).stdout) as ReportJson;
    expect([cmp.old.label, cmp.new.label]).toEqual(['2025-W07', '2025-W08']);
    expect(cmp.rows.find((x: { kpi: string; statistic: string }) => x.kpi === 'conversations' && x.statistic === 'value')).toMatchObject({ old: 64, new: 1 });
  });
});

describe('what changed', () => {
  it('leads with the significant changes, better or worse by each KPI’s direction', async () => {
    const r = await botkpi(['compare', WEEKS, '--period', 'week']);
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n').slice(0, 8).join('\n');
    expect(head).toContain('What changed\n  containment_rate: 60.0 % → 75.0 % (+15.0 pp, better)\n  escalation_rate: 40.0 % → 25.0 % (-15.0 pp, better)');
    expect(r.stdout).not.toMatch(/resolution_rate: .*→/);
    const json = JSON.parse((await botkpi(['compare', WEEKS, '--period', 'week', '-f', 'json'])).stdout) as ReportJson;
    expect(json.changes[0]).toEqual({ kpi: 'containment_rate', statistic: 'value', unit: 'ratio', old: 0.6, new: 0.75, delta: 0.15000000000000002, delta_pp: 15.000000000000002, better: true });
    const md = (await botkpi(['compare', WEEKS, '--period', 'week', '-f', 'md'])).stdout;
    expect(md).toContain('## What changed\n\n- containment_rate: 60.0 % → 75.0 % (+15.0 pp, better)');
  });

  it('money is shown in its currency and never in pp; ROI changes in %', async () => {
    const r = await botkpi(['compare', ...DEMO, '--period', 'week'], { env: { COLUMNS: '200' } });
    const lines = r.stdout.split('\n');
    const cost = lines.find((l) => l.startsWith('│ cost_per_conversation '));
    expect(cost).toMatch(/│ +\d+\.\d\d USD │ +\d+\.\d\d USD │ +[▲▼]? ?[+-]?\d+\.\d\d USD/);
    for (const l of lines.filter((x) => x.includes('USD'))) expect(l).not.toContain('pp');
    expect(lines.find((l) => l.startsWith('│ roi '))).toMatch(/[+-]\d+\.\d % +│/);
    const json = JSON.parse((await botkpi(['compare', ...DEMO, '--period', 'week', '-f', 'json'])).stdout) as ReportJson;
    expect(json.currency).toBe('USD');
    const roi = json.rows.find((x: { kpi: string; statistic: string }) => x.kpi === 'roi' && x.statistic === 'value');
    expect(roi.delta_pp).toBeUndefined();
  });
});

describe('saved reports made with different settings', () => {
  it('warns, naming the settings that differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botkpi-compare-'));
    dirs.push(dir);
    const save = async (name: string, args: string[]): Promise<string> => {
      const r = await botkpi(['report', WEEKS, '--format', 'json', ...args]);
      const file = join(dir, name);
      writeFileSync(file, r.stdout);
      return file;
    };
    const a = await save('a.json', ['--until', '2025-01-13']);
    const b = await save('b.json', ['--since', '2025-01-13', '--csat-scale', '10', '--fcr-window', '3d']);
    const r = await botkpi(['compare', a, b]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'botkpi: warning: a.json and b.json were made with different settings: csatScale 5 → 10; csatSatisfiedFrom 4 → 8; fcrWindowSeconds 604800 → 259200\n',
    );
    const same = await botkpi(['compare', a, await save('c.json', ['--since', '2025-01-13'])]);
    expect(same.stderr).toBe('');
  });
});
