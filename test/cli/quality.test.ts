import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/stats/wilson.js';
import { botkpi, fixture, reportJson, subsetDiff, type ReportJson } from './run.js';

/** Worked out by hand in fixtures/quality/quality.md. */
const expected = JSON.parse(readFileSync(fixture('quality/quality.expected.json'), 'utf8')) as ReportJson;
const QUALITY_KPIS = ['answer_accuracy', 'hallucination_rate', 'guardrail_rate', 'fallback_loop_rate'];

type CsvRow = Record<string, string>;
const csvRows = (text: string): CsvRow[] => parse(text, { columns: true }) as CsvRow[];

describe.each(['quality.jsonl', 'quality.csv'])('botkpi report fixtures/quality/%s (answer quality)', (file) => {
  const input = fixture(`quality/${file}`);

  it('--format json: the section-8 KPIs and the intents column as worked out by hand', async () => {
    const { report } = await reportJson([input]);
    expect(subsetDiff(expected.dataQuality, report.dataQuality, 'dataQuality')).toEqual([]);
    expect(subsetDiff(expected.kpis, report.kpis, 'kpis')).toEqual([]);
    for (const row of report.kpis.intents.rows) {
      const a = row.answer_accuracy;
      expect(a.ci95).toEqual(wilson(a.numerator, a.denominator));
    }
  });

  it('--by intent --format json: per-group KPIs as worked out by hand', async () => {
    const { report } = await reportJson([input, '--by', 'intent']);
    expect(report.groups.map((g: ReportJson) => g.by)).toEqual(expected.groups_by_intent.map((g: ReportJson) => g.by));
    expect(subsetDiff(expected.groups_by_intent, report.groups, 'groups')).toEqual([]);
  });

  it('--format csv (with and without --by intent): one row per rate with its counts and interval', async () => {
    const plain = await botkpi(['report', input, '--format', 'csv']);
    expect(plain.code).toBe(0);
    const rows = csvRows(plain.stdout);
    for (const id of QUALITY_KPIS) {
      const want = expected.kpis[id];
      const row = rows.find((r) => r.scope === 'overall' && r.kpi === id && r.statistic === 'value');
      expect(row, id).toBeDefined();
      expect(Number(row?.value)).toBeCloseTo(want.value, 12);
      expect([Number(row?.numerator), Number(row?.denominator)]).toEqual([want.numerator, want.denominator]);
      expect([Number(row?.ci_low), Number(row?.ci_high)]).toEqual(want.ci95);
      expect(row?.unit).toBe('ratio');
    }
    const shipping = rows.find((r) => r.kpi === 'intents' && r.statistic === 'intent.shipping.answer_accuracy');
    expect([shipping?.numerator, shipping?.denominator]).toEqual(['2', '3']);

    const grouped = await botkpi(['report', input, '--format', 'csv', '--by', 'intent']);
    const groupRows = csvRows(grouped.stdout).filter((r) => r.scope === 'group' && r.statistic === 'value');
    for (const g of expected.groups_by_intent) {
      for (const id of QUALITY_KPIS) {
        const row = groupRows.find((r) => r.kpi === id && r.intent === (g.by.intent ?? ''));
        expect([Number(row?.numerator), Number(row?.denominator)], `${g.by.intent} ${id}`).toEqual([g.kpis[id].numerator, g.kpis[id].denominator]);
      }
    }
  });

  it('botkpi conversations: reviewed answers, correct, hallucinated, guardrail hits, fallback loop', async () => {
    const r = await botkpi(['conversations', input]);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    const cols = ['conversation_id', 'answers_reviewed', 'answers_correct', 'answers_hallucinated', 'guardrail_hits', 'fallback_loop'];
    expect(rows.map((row) => cols.map((c) => row[c]))).toEqual(
      expected.conversations.map((row: ReportJson) => cols.map((c) => String(row[c]))),
    );
    // Quality flags: q2's bot says "Sorry, I didn't get that." twice; nobody asks for a human or shouts.
    expect(rows.map((row) => [row.conversation_id, row.repeated_reply, row.asked_for_human, row.shouting])).toEqual(
      ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => [id, id === 'q2' ? 'true' : 'false', 'false', 'false']),
    );
  });

  it('--where on a quality flag picks those conversations', async () => {
    const r = await botkpi(['conversations', input, '--where', 'repeated_reply=true', '--where', 'fallback_loop=true', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as ReportJson).conversation_id)).toEqual(['q2']);
  });

  it('quality flags as rates over bot-engaged conversations', async () => {
    const { report } = await reportJson([input]);
    expect(report.kpis.repeated_reply_rate).toMatchObject({ numerator: 1, denominator: 5 });
    expect(report.kpis.human_request_rate).toMatchObject({ numerator: 0, denominator: 5 });
    expect(report.kpis.shouting_rate).toMatchObject({ numerator: 0, denominator: 5 });
  });
});

describe('botkpi report: outputs show the answer-quality KPIs', () => {
  const input = fixture('quality/quality.jsonl');

  it.each(['table', 'md'])('--format %s has the KPI lines and the answer-accuracy column of the intents table', async (format) => {
    const r = await botkpi(['report', input, '--format', format], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Answer accuracy \(reviewed\).*66\.7 %.*4\/6/);
    expect(r.stdout).toMatch(/Hallucinations \(reviewed\).*25\.0 %.*1\/4/);
    expect(r.stdout).toMatch(/Guardrail hits.*20\.0 %.*2\/10/);
    expect(r.stdout).toMatch(/Fallback loops.*20\.0 %.*1\/5/);
    expect(r.stdout).toMatch(/Answer accuracy\s*[|│]?\s*\n/);
    expect(r.stdout).toMatch(/shipping.*66\.7 %\s*[|│]?\s*\n/);
  });

  it('without the fields: null with "needs field …" and no answer-accuracy column', async () => {
    const { report } = await reportJson([fixture('hand/basic.jsonl')]);
    expect(report.kpis.answer_accuracy).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field answer_correct' });
    expect(report.kpis.hallucination_rate.reason).toBe('needs field hallucination');
    expect(report.kpis.guardrail_rate.reason).toBe('needs field guardrail');
    expect(report.kpis.intents.rows[0].answer_accuracy.reason).toBe('needs field answer_correct');
    const table = await botkpi(['report', fixture('hand/basic.jsonl')]);
    expect(table.stdout).not.toMatch(/Answer accuracy\s*│?\s*\n/);
  });

  it('botkpi check reads the new KPIs', async () => {
    const [fail, json] = await Promise.all([
      botkpi(['check', input, '--fail-if', 'answer_accuracy<70%', '--fail-if', 'fallback_loop_rate>0.5']),
      botkpi(['check', input, '--fail-if', 'hallucination_rate>=0.3', '--format', 'json']),
    ]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/answer_accuracy<70%/);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).checks[0]).toMatchObject({ kpi: 'hallucination_rate', value: 0.25, passed: true });
  });

  it('botkpi compare reads the new KPIs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botkpi-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await Promise.all([
      botkpi(['report', input, '--format', 'json', '-o', a]),
      botkpi(['report', input, '--where', 'intent=shipping', '--format', 'json', '-o', b]),
    ]);
    const cmp = await botkpi(['compare', a, b, '--format', 'json']);
    expect(cmp.code).toBe(0);
    const row = (JSON.parse(cmp.stdout) as ReportJson).rows.find((x: ReportJson) => x.kpi === 'answer_accuracy');
    // 4/6 overall → 2/3 within shipping
    expect(row).toMatchObject({ old: 4 / 6, new: 2 / 3 });
  });
});

const bad = JSON.parse(readFileSync(fixture('quality/bad.expected.json'), 'utf8')) as ReportJson;

describe.each([
  ['bad.jsonl', 0],
  ['bad.csv', 1],
])('botkpi report fixtures/quality/%s (invalid review fields)', (file, headerLines) => {
  it('rejects a non-boolean value on any row, in the contract order of checks', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'botkpi-')), 'rejects.jsonl');
    const { report } = await reportJson([fixture(`quality/${file}`), '--rejects', out]);
    expect(subsetDiff({ rowsRead: bad.rowsRead, rowsUsed: bad.rowsUsed, rowsRejected: bad.rowsRejected, duplicates: 0 }, report.dataQuality)).toEqual([]);
    expect(report.dataQuality.rejectedByReason).toEqual(bad.rejectedByReason);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ReportJson);
    expect(lines.map((l) => ({ line: l.line, reason: l.reason }))).toEqual(
      bad.rejects.map((r: ReportJson) => ({ line: r.line + headerLines, reason: r.reason })),
    );
    // The two used rows: the bot's answer_correct counts, the agent's review values are ignored.
    expect(report.kpis.answer_accuracy).toMatchObject({ numerator: 1, denominator: 1 });
    expect(report.kpis.hallucination_rate).toMatchObject({ value: null, denominator: 0 });
    expect(report.kpis.guardrail_rate).toMatchObject({ numerator: 0, denominator: 1 });
  });
});

/** Worked out by hand in fixtures/quality/kappa.md. */
describe.each(['kappa.jsonl', 'kappa.csv'])("botkpi report fixtures/quality/%s (reviewer agreement, Cohen's kappa)", (file) => {
  const input = fixture(`quality/${file}`);

  it('--format json: agreement, kappa and its standard error, overall and --by intent', async () => {
    const { report } = await reportJson([input, '--by', 'intent']);
    const overall = report.kpis.judge_agreement;
    expect(overall).toMatchObject({ value: 0.7, numerator: 7, denominator: 10 });
    expect(overall.kappa).toBeCloseTo(0.4, 12);
    expect(overall.kappa_se).toBeCloseTo(Math.sqrt(0.084), 12);
    expect(overall.table).toEqual({ both_correct: 4, answer_only_correct: 1, judge_only_correct: 2, both_incorrect: 3 });
    const [delivery, returns] = report.groups;
    expect(delivery.by).toEqual({ intent: 'delivery' });
    expect(delivery.kpis.judge_agreement).toMatchObject({ numerator: 3, denominator: 4, kappa: 0 });
    expect(delivery.kpis.judge_agreement.kappa_se).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(returns.kpis.judge_agreement).toMatchObject({ numerator: 4, denominator: 6 });
    expect(returns.kpis.judge_agreement.kappa).toBeCloseTo(-0.2, 12);
    expect(returns.kpis.judge_agreement.kappa_se).toBeCloseTo(Math.sqrt(0.48), 12);
  });

  it('--format csv: kappa and kappa_se rows beside the agreement rate', async () => {
    const r = await botkpi(['report', input, '--format', 'csv', '--by', 'intent']);
    const rows = csvRows(r.stdout).filter((x) => x.kpi === 'judge_agreement');
    const get = (scope: string, intent: string, statistic: string): CsvRow | undefined =>
      rows.find((x) => x.scope === scope && x.intent === intent && x.statistic === statistic);
    expect([get('overall', '', 'value')?.numerator, get('overall', '', 'value')?.denominator]).toEqual(['7', '10']);
    expect(Number(get('overall', '', 'kappa')?.value)).toBeCloseTo(0.4, 12);
    expect(Number(get('overall', '', 'kappa_se')?.value)).toBeCloseTo(Math.sqrt(0.084), 12);
    expect(get('overall', '', 'kappa')?.unit).toBe('score');
    expect(Number(get('group', 'returns', 'kappa')?.value)).toBeCloseTo(-0.2, 12);
    expect(get('group', 'returns', 'table.judge_only_correct')?.value).toBe('1');
  });

  it('without judge_correct: null "needs field judge_correct"', async () => {
    const { report } = await reportJson([fixture('quality/quality.jsonl')]);
    expect(report.kpis.judge_agreement).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field judge_correct' });
  });
});
