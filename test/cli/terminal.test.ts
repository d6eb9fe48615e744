import { describe, expect, it } from 'vitest';
import { botkpi, type ReportJson } from './run.js';

/**
 * fixtures/compare/two-weeks.jsonl (fixtures/compare/make.mjs): 100 conversations in 2025-W02 and
 * 100 in 2025-W03, Monday 09:00 UTC to Sunday 16:25. Conversation i of a week starts on day i mod 7,
 * so Mondays (i = 0, 7, …, 98) and Tuesdays (i = 1, …, 99) have 15 a week and the other days 14:
 * 30, 30 and 28 over both weeks.
 * Containment 60/100 then 75/100 (135/200 overall), resolution 60/100 then 65/100 (125/200).
 * Wilson 95 % intervals: 60/100 → 50.2–69.1, 75/100 → 65.7–82.5, 65/100 → 55.3–73.6,
 * 135/200 → 60.7–73.6, 125/200 → 55.6–68.9; shown in whole percent.
 */
const WEEKS = 'fixtures/compare/two-weeks.jsonl';
const DEMO = ['fixtures/demo/transcripts.jsonl', '--orders', 'fixtures/demo/orders.csv', '--config', 'fixtures/demo/botkpi.config.json'];

const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));

describe('the terminal table fits the width', () => {
  it.each([80, 120])('at %i columns no line of report, breakdowns, compare, check or kpis is wider', async (columns) => {
    const env = { COLUMNS: String(columns) };
    const runs = await Promise.all([
      botkpi(['report', ...DEMO], { env }),
      botkpi(['report', ...DEMO, '--by', 'channel', '--by', 'weekday'], { env }),
      botkpi(['report', ...DEMO, '--by', 'week', '--kpis', 'containment_rate,escalation_rate,automation_rate,resolution_rate,csat_score,conversion_rate,attributed_revenue,handling_time.p90'], { env }),
      botkpi(['compare', WEEKS, '--period', 'week', '--include-partial'], { env }),
      botkpi(['compare', ...DEMO, '--period', 'week'], { env }),
      botkpi(['check', WEEKS, '--fail-if', 'containment_rate<60%', '--fail-if', 'first_response_time.p90>30s'], { env }),
      botkpi(['kpis'], { env }),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    }
    // The headline's widest row (messages by role) wraps at its ` · ` parts instead of widening the table.
    expect(runs[0]?.stdout).toContain('customer 817 · bot 708');
  }, 120_000);

  it('without COLUMNS and not on a terminal, 80 columns', async () => {
    const r = await botkpi(['report', ...DEMO, '--by', 'channel', '--by', 'weekday'], { env: { COLUMNS: '' } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stdout)).toBeGreaterThan(70);
  });
});

describe('breakdown tables', () => {
  it('show the interval (or the fraction when few) and a total row; --kpis chooses the columns', async () => {
    const r = await botkpi(['report', WEEKS, '--by', 'week', '--kpis', 'containment_rate,resolution_rate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ week +│ +Containment │ +Resolution │/);
    expect(r.stdout).toMatch(/│ 2025-W02 +│ 60\.0 % 50–69 │ 60\.0 % 50–69 │/);
    expect(r.stdout).toMatch(/│ 2025-W03 +│ 75\.0 % 66–82 │ 65\.0 % 55–74 │/);
    expect(r.stdout).toMatch(/│ total +│ 67\.5 % 61–74 │ 62\.5 % 56–69 │/);
  });

  it('sort weekdays Mon…Sun, also in JSON', async () => {
    const r = await botkpi(['report', WEEKS, '--by', 'weekday']);
    const breakdown = r.stdout.slice(r.stdout.indexOf('By weekday'));
    const rows = breakdown.split('\n').filter((l) => /^│ (Mon|Tue|Wed|Thu|Fri|Sat|Sun|total) /.test(l));
    expect(rows.map((l) => l.slice(2, 5))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'tot']);
    expect(rows[0]).toMatch(/│ Mon +│ +30 │/);
    expect(rows[1]).toMatch(/│ Tue +│ +30 │/);
    expect(rows[2]).toMatch(/│ Wed +│ +28 │/);
    const json = JSON.parse((await botkpi(['report', WEEKS, '--by', 'weekday', '-f', 'json'])).stdout) as ReportJson;
    expect(json.groups.map((g: { by: { weekday: string } }) => g.by.weekday)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('mark a first or last period the data covers only in part', async () => {
    // The demo's last conversation starts Monday 2025-02-17, so 2025-W08 holds one day of data.
    const demo = await botkpi(['report', ...DEMO, '--by', 'week']);
    expect(demo.stdout).toMatch(/│ 2025-W08 \(partial\) +│ +1 │/);
    expect(demo.stdout).not.toContain('2025-W02 (partial)');
    expect(demo.stdout).toContain('(partial): the data covers this period only in part');
    // --since 2025-01-08 (a Wednesday) cuts 2025-W02; both weeks of two-weeks.jsonl are whole otherwise.
    const cut = JSON.parse((await botkpi(['report', WEEKS, '--by', 'week', '--since', '2025-01-08', '-f', 'json'])).stdout) as ReportJson;
    expect(cut.groups.map((g: { partial?: boolean }) => g.partial ?? false)).toEqual([true, false]);
    const whole = JSON.parse((await botkpi(['report', WEEKS, '--by', 'week', '-f', 'json'])).stdout) as ReportJson;
    expect(whole.groups.map((g: { partial?: boolean }) => g.partial ?? false)).toEqual([false, false]);
  });

  it('--kpis with an unknown id is exit 2 with the nearest one', async () => {
    const r = await botkpi(['report', WEEKS, '--by', 'week', '--kpis', 'containment,csat_scroe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown KPI "containment" (did you mean containment_rate?)');
  });
});
