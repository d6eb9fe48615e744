import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/types.js';
import { botkpi, fixture, reportJson, subsetDiff, type ReportJson } from './run.js';

/** Worked by hand in fixtures/section7/service.md and episodes.md. */
const SERVICE = [fixture('section7/service.jsonl'), '--config', fixture('section7/service.config.json'), '--no-text-sentiment'];
const EPISODES = [fixture('section7/episodes.jsonl'), '--no-text-sentiment'];

const r = (numerator: number, denominator: number) => ({ value: numerator / denominator, numerator, denominator });

const SERVICE_KPIS = {
  after_hours_rate: r(3, 10),
  bot_involvement_rate: r(9, 10),
  escalation_failed_rate: r(1, 2),
  resolution_time: { mean: 345, p50: 345, p90: 549, count: 2 },
  reopen_rate: r(1, 2),
  bot_outcomes: { escalated: r(2, 9), confirmed: r(1, 9), unresolved: r(1, 9), abandoned: r(1, 9), assumed: r(3, 9), pending: r(1, 9) },
  ai_resolution_rate: r(4, 9),
  first_response_time: { mean: 22_734, p50: 37.5, p90: 22_851, count: 10, business: { mean: 47, p50: 35, p90: 99, count: 10 } },
  handoff_wait_time: { mean: 300, count: 1, business: { mean: 300, p50: 300, p90: 300, count: 1 } },
  sla_first_response: r(8, 10),
  sla_handoff_wait: r(1, 2),
  sla_resolution: r(2, 2),
  volume_heatmap: { peak: { weekday: 'Mon', hour: 7, conversations: 2 } },
  peak_concurrency: { value: 2, at: '2025-03-27T12:00:05.000Z' },
};

const tmp = mkdtempSync(join(tmpdir(), 'botkpi-section7-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The same rows as CSV (all columns that occur; empty cell = absent). */
function asCsv(jsonl: string): string {
  const rows = jsonl.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const columns = [...new Set(rows.flatMap((x) => Object.keys(x)))];
  return [columns.join(','), ...rows.map((x) => columns.map((c) => (x[c] === undefined ? '' : String(x[c]))).join(','))].join('\n') + '\n';
}

describe('section 7 end to end: fixtures/section7/service', () => {
  it('JSON: every new KPI and dataEnd as worked out by hand (JSONL and CSV input alike)', async () => {
    const { report } = await reportJson(SERVICE);
    expect(subsetDiff(SERVICE_KPIS, report.kpis, 'kpis')).toEqual([]);
    expect(report.kpis.volume_heatmap.cells).toHaveLength(7);
    expect(report.kpis.volume_heatmap.cells[0][7]).toBe(2);
    expect(report.kpis.volume_heatmap.cells[3][12]).toBe(2);
    expect(report.dataQuality.dataEnd).toBe('2025-04-02T12:00:00.000Z');
    expect(report.dataQuality.episodesSplit).toBe(0);
    // The report schema (`botkpi schema report`) describes every new shape.
    expect(reportSchema.safeParse(report).success).toBe(true);
    const schema = await botkpi(['schema', 'report']);
    expect(schema.stdout).toContain('"peak"');
    expect(schema.stdout).toContain('"episodesSplit"');

    const csvInput = join(tmp, 'service.csv');
    writeFileSync(csvInput, asCsv(readFileSync(fixture('section7/service.jsonl'), 'utf8')));
    const fromCsv = await reportJson([csvInput, ...SERVICE.slice(1)]);
    expect(fromCsv.report.kpis).toEqual(report.kpis);
  });

  it('table and Markdown: outcomes on one line, the heatmap grid with its peak marked', async () => {
    // On a wide terminal the outcomes stay on one line (at 80 columns they wrap at their ` · ` parts).
    const table = await botkpi(['report', ...SERVICE], { env: { COLUMNS: '200' } });
    expect(table.stdout).toMatch(/Bot outcomes +│ escalated 22\.2 % · confirmed 11\.1 % · unresolved 11\.1 % · abandoned 11\.1 % · assumed 33\.3 % · pending 11\.1 % │ +9 │/);
    expect(table.stdout).toContain('Conversations by weekday and hour (UTC)');
    expect(table.stdout).toMatch(/│ Mon │ +1 │ +· │ +· │ +· │ +· │ +· │ +· │ +2\* │/);
    expect(table.stdout).toContain('peak Mon 07:00–07:59: 2 conversations (*)');
    expect(table.stdout).toMatch(/Peak concurrency +│ 2 at 2025-03-27T12:00:05\.000Z/);
    const md = await botkpi(['report', ...SERVICE, '--format', 'md']);
    expect(md.stdout).toContain('## Conversations by weekday and hour (UTC)');
    expect(md.stdout).toContain('| Thu | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 0 |');
    expect(md.stdout).toContain('| Mon | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 2* |');
  });

  it('--sla business_hours=false measures first responses in calendar time', async () => {
    const { report } = await reportJson([...SERVICE, '--sla', 'business_hours=false']);
    expect(subsetDiff({ sla_first_response: r(7, 10), sla_handoff_wait: r(1, 2) }, report.kpis, 'kpis')).toEqual([]);
  });

  it('--by hours: business / after_hours groups as worked out by hand', async () => {
    const { report } = await reportJson([...SERVICE, '--by', 'hours']);
    expect(report.groups.map((g: ReportJson) => g.by)).toEqual([{ hours: 'after_hours' }, { hours: 'business' }]);
    const [after, business] = report.groups;
    expect(
      subsetDiff(
        {
          after_hours_rate: r(3, 3),
          bot_outcomes: { confirmed: r(1, 3), assumed: r(1, 3), unresolved: r(1, 3), escalated: r(0, 3) },
          volume_heatmap: { peak: { weekday: 'Tue', hour: 10, conversations: 1 } },
          peak_concurrency: { value: 1, at: '2025-03-28T07:59:30.000Z' },
        },
        after.kpis,
        'after_hours',
      ),
    ).toEqual([]);
    expect(
      subsetDiff(
        {
          after_hours_rate: r(0, 7),
          bot_outcomes: { escalated: r(2, 6), abandoned: r(1, 6), assumed: r(2, 6), pending: r(1, 6), confirmed: r(0, 6) },
          peak_concurrency: { value: 2, at: '2025-03-27T12:00:05.000Z' },
        },
        business.kpis,
        'business',
      ),
    ).toEqual([]);
  });

  it('--by hours without a schedule is one null group', async () => {
    const { report } = await reportJson([fixture('section7/service.jsonl'), '--by', 'hours', '--no-text-sentiment']);
    expect(report.groups.map((g: ReportJson) => g.by)).toEqual([{ hours: null }]);
    expect(report.kpis.after_hours_rate).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs business_hours in the config' });
    expect(report.kpis.sla_first_response.reason).toBe('needs sla.first_response in the config');
    expect(report.kpis.first_response_time.business.reason).toBe('needs business_hours in the config');
  });

  it('CSV: the rates, the outcomes and one tidy row per heatmap cell', async () => {
    const res = await botkpi(['report', ...SERVICE, '--format', 'csv']);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\r\n');
    const row = (kpi: string, statistic: string) => lines.find((l) => l.startsWith(`overall,${kpi},${statistic},`));
    expect(row('after_hours_rate', 'value')).toMatch(/^overall,after_hours_rate,value,0\.3,3,10,/);
    expect(row('bot_outcomes', 'assumed')).toMatch(/^overall,bot_outcomes,assumed,0\.3333\d*,3,9,/);
    expect(row('sla_first_response', 'value')).toMatch(/^overall,sla_first_response,value,0\.8,8,10,/);
    expect(row('first_response_time', 'business.mean')).toMatch(/^overall,first_response_time,business\.mean,47,/);
    expect(row('volume_heatmap', 'cells.Mon.07')).toMatch(/^overall,volume_heatmap,cells\.Mon\.07,2,/);
    expect(row('volume_heatmap', 'cells.Sun.23')).toMatch(/^overall,volume_heatmap,cells\.Sun\.23,0,/);
    expect(lines.filter((l) => l.startsWith('overall,volume_heatmap,cells.'))).toHaveLength(168);
    expect(row('volume_heatmap', 'peak.weekday')).toMatch(/^overall,volume_heatmap,peak\.weekday,1,/);
    expect(row('peak_concurrency', 'value')).toMatch(/^overall,peak_concurrency,value,2,/);
    const grouped = await botkpi(['report', ...SERVICE, '--format', 'csv', '--by', 'hours']);
    expect(grouped.stdout).toContain('\r\ngroup,after_hours,after_hours_rate,value,1,3,3,');
  });

  it('the conversations export carries outcome, after_hours, SLA hit/miss, reopened and episode', async () => {
    const res = await botkpi(['conversations', ...SERVICE, '--format', 'jsonl']);
    expect(res.code).toBe(0);
    const rows = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const byId = new Map(rows.map((x) => [x.conversation_id, x]));
    expect(byId.get('c2')).toMatchObject({ outcome: 'escalated', after_hours: false, reopened: true, resolution_time: 600, sla_first_response: 'hit', sla_handoff_wait: 'hit', sla_resolution: 'hit', episode: 1 });
    expect(byId.get('c11')).toMatchObject({ outcome: 'assumed', first_response_time: 226_890, first_response_time_business: 90, sla_first_response: 'miss', sla_handoff_wait: null });
    expect(byId.get('c5')).toMatchObject({ outcome: 'unresolved', after_hours: true, reopened: null, sla_resolution: null });
    expect(byId.get('c7')).toMatchObject({ outcome: null, sla_first_response: 'miss' });
    expect(byId.get('c6')).toMatchObject({ outcome: 'escalated', sla_handoff_wait: 'miss' });
    const after = await botkpi(['conversations', ...SERVICE, '--format', 'jsonl', '--where', 'hours=after_hours']);
    expect(after.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { conversation_id: string }).conversation_id)).toEqual(['c1', 'c3', 'c5']);
  });

  it('check: --fail-if on a service level and on an outcome share', async () => {
    const failing = await botkpi(['check', ...SERVICE, '--fail-if', 'sla_first_response<0.9', '--fail-if', 'bot_outcomes.abandoned>0.1']);
    expect(failing.code).toBe(1);
    const passing = await botkpi(['check', ...SERVICE, '--fail-if', 'sla_first_response<0.8', '--fail-if', 'bot_outcomes.abandoned>0.12', '--format', 'json']);
    expect(passing.code).toBe(0);
    const out = JSON.parse(passing.stdout) as { checks: { value: number }[] };
    expect(out.checks.map((c) => c.value)).toEqual([0.8, 1 / 9]);
  });

  it('compare: two saved reports show the new KPIs side by side', async () => {
    const oldFile = join(tmp, 'old.json');
    const newFile = join(tmp, 'new.json');
    writeFileSync(oldFile, (await botkpi(['report', ...SERVICE, '--format', 'json', '--until', '2025-03-31'])).stdout);
    writeFileSync(newFile, (await botkpi(['report', ...SERVICE, '--format', 'json', '--since', '2025-03-31'])).stdout);
    const res = await botkpi(['compare', oldFile, newFile, '--format', 'json']);
    expect(res.code).toBe(0);
    const rows = (JSON.parse(res.stdout) as { rows: { kpi: string; statistic: string; old: number; new: number }[] }).rows;
    const find = (kpi: string, statistic: string) => rows.find((x) => x.kpi === kpi && x.statistic === statistic);
    // Before 31 March: c6, c7, c1, c11 (c1 after hours); from 31 March: c4, c2, c9, c3, c5, c10 (c3, c5).
    expect(find('after_hours_rate', 'value')).toMatchObject({ old: 1 / 4, new: 2 / 6 });
    expect(find('volume_heatmap', 'cells.Mon.07')).toMatchObject({ old: 0, new: 2 });
  });
});

describe('section 7 end to end: fixtures/section7/episodes (--split-after 2h)', () => {
  it('JSON: episodes are conversations, counted in data quality', async () => {
    const { report } = await reportJson([...EPISODES, '--split-after', '2h']);
    expect(report.dataQuality).toMatchObject({ conversations: 4, episodesSplit: 2, dataEnd: '2025-01-06T17:06:00.000Z', rowsRead: 13, rowsUsed: 13 });
    expect(
      subsetDiff(
        {
          csat_score: r(1, 2),
          containment_rate: r(3, 4),
          resolution_rate: r(1, 1),
          reopen_rate: r(0, 1),
          bot_outcomes: { confirmed: r(1, 4), escalated: r(1, 4), pending: r(2, 4), assumed: r(0, 4) },
          first_response_time: { mean: 22.25, p50: 24.5, p90: 29.7, count: 4 },
          handoff_wait_time: { mean: 300, count: 1 },
        },
        report.kpis,
        'kpis',
      ),
    ).toEqual([]);
  });

  it('the config key episodes.split_after does the same; without a split e1 stays whole', async () => {
    const config = join(tmp, 'episodes.config.json');
    writeFileSync(config, JSON.stringify({ episodes: { split_after: '2h' } }));
    const viaConfig = await reportJson([...EPISODES, '--config', config]);
    const viaFlag = await reportJson([...EPISODES, '--split-after', '2h']);
    expect(viaConfig.report.kpis).toEqual(viaFlag.report.kpis);
    const whole = await reportJson(EPISODES);
    expect(whole.report.dataQuality).toMatchObject({ conversations: 2, episodesSplit: 0 });
    expect(subsetDiff({ csat_score: r(0, 1), reopen_rate: r(1, 1), containment_rate: r(1, 2) }, whole.report.kpis, 'kpis')).toEqual([]);
  });

  it('--by channel and the conversations export see the episodes', async () => {
    const { report } = await reportJson([...EPISODES, '--split-after', '2h', '--by', 'channel']);
    // Later episodes have no channel of their own: nothing carries over.
    expect(report.groups.map((g: ReportJson) => [g.by.channel, g.kpis.conversations.value])).toEqual([
      ['web', 2],
      [null, 2],
    ]);
    const res = await botkpi(['conversations', ...EPISODES, '--split-after', '2h']);
    const lines = res.stdout.trim().split('\n');
    const header = lines[0]?.split(',') ?? [];
    const col = (line: string, name: string) => line.split(',')[header.indexOf(name)];
    expect(lines.slice(1).map((l) => [col(l, 'conversation_id'), col(l, 'episode'), col(l, 'outcome')])).toEqual([
      ['e1', '1', 'confirmed'],
      ['e2', '1', 'pending'],
      ['e1#2', '2', 'escalated'],
      ['e1#3', '3', 'pending'],
    ]);
  });
});
