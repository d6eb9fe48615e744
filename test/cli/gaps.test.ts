import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, type ReportJson } from './run.js';

/** Worked out by hand in fixtures/quality/gaps.md. */
const input = fixture('quality/gaps.jsonl');
const expected = JSON.parse(readFileSync(fixture('quality/gaps.expected.json'), 'utf8')) as ReportJson;

async function gapsJson(args: readonly string[]): Promise<ReportJson> {
  const r = await botkpi(['gaps', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

describe('botkpi gaps fixtures/quality/gaps.jsonl', () => {
  it('--format json: totals, reasons and ranked groups as worked out by hand', async () => {
    const report = await gapsJson([input]);
    expect(report.questions).toBe(16);
    expect(report.gaps).toMatchObject({ value: 10 / 16, numerator: 10, denominator: 16 });
    expect(report.reasons).toEqual({ fallback: 6, handoff: 1, no_reply: 3 });
    expect(report.withoutText).toBe(1);
    expect(report.groups.map((g: ReportJson) => [g.rank, g.intent, g.language, g.question, g.conversations, g.customers, g.messages])).toEqual([
      [1, 'billing', 'en', 'can i pay with crypto', 3, 2, 3],
      [2, 'orders', 'en', 'where is order #', 2, 1, 2],
      [3, 'billing', 'en', 'do you accept bitcoin', 1, 1, 1],
      [4, 'billing', 'ja', '暗号通貨で払えますか', 1, 1, 1],
      [5, 'orders', 'en', 'and order #', 1, 1, 1],
      [6, null, 'de', 'hallo', 1, 1, 1],
    ]);
    expect(report.groups[0].share).toBeCloseTo(3 / 16, 12);
    expect(report.groups[0].reasons).toEqual({ fallback: 2, handoff: 1, no_reply: 0 });
    expect(report.groups[0].examples).toEqual(['Can I pay with crypto?', 'can I pay with CRYPTO??', 'Can I pay with crypto']);
    expect(report.groups[0].conversation_ids).toEqual(['g1', 'g2', 'g3']);
    const rest = { ...report };
    delete rest.tool;
    delete rest.options;
    delete rest.dataQuality;
    expect(rest).toEqual(expected);
    expect(report.dataQuality).toMatchObject({ rowsRead: 34, rowsUsed: 34, conversations: 10, conversationsInScope: 10 });
  });

  it('takes the scope flags of report: --where intent=orders', async () => {
    const report = await gapsJson([input, '--where', 'intent=orders']);
    expect(report.questions).toBe(4);
    expect(report.gaps).toMatchObject({ numerator: 3, denominator: 4 });
    expect(report.groups.map((g: ReportJson) => [g.question, g.conversations])).toEqual([
      ['where is order #', 2],
      ['and order #', 1],
    ]);
    expect(report.options.where).toEqual(['intent=orders']);
    const later = await gapsJson([input, '--since', '2025-01-08T13:00:00Z']);
    // g6…g10 (g5 starts at 12:59:50): customer messages 1 + 3 + 1 + 2 + 1 = 8; gaps g6, g7 ×2, g8 = 4
    expect(later.gaps).toMatchObject({ numerator: 4, denominator: 8 });
  });

  it('--format csv: one row per group, ranked', async () => {
    const r = await botkpi(['gaps', input, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      rank: '1', intent: 'billing', language: 'en', question: 'can i pay with crypto', conversations: '3', customers: '2',
      messages: '3', share: '0.1875', fallback: '2', handoff: '1', no_reply: '0',
      examples: 'Can I pay with crypto? | can I pay with CRYPTO?? | Can I pay with crypto', conversation_ids: 'g1 g2 g3',
    });
    expect(rows[5]).toMatchObject({ intent: '', language: 'de', question: 'hallo' });
  });

  it.each(['table', 'md'])('--format %s: summary line and the ranked groups', async (format) => {
    const r = await botkpi(['gaps', input, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('unanswered 10/16 customer messages, 62.5 %');
    expect(r.stdout).toMatch(/1 .*billing .*en .*can i pay with crypto .*3 .*2 .*3 .*18\.8 %/);
    expect(r.stdout).toMatch(/6 .*\(none\) .*de .*hallo/);
  });

  it('botkpi schema gaps describes the JSON gap report', async () => {
    const r = await botkpi(['schema', 'gaps']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as ReportJson;
    expect(schema.title).toBe('botkpi gaps');
    expect(Object.keys(schema.properties)).toEqual(['schemaVersion', 'tool', 'options', 'dataQuality', 'questions', 'gaps', 'reasons', 'withoutText', 'groups']);
  });

  it('--top 2 keeps the two highest-ranked groups', async () => {
    const report = await gapsJson([input, '--top', '2']);
    expect(report.groups.map((g: ReportJson) => g.rank)).toEqual([1, 2]);
    expect(report.gaps.numerator).toBe(10);
  });

  it('lists the customer questions the bot could not answer in the demo data', async () => {
    const report = await gapsJson([fixture('demo/transcripts.jsonl')]);
    expect(report.gaps.numerator).toBeGreaterThan(0);
    expect(report.groups.length).toBeGreaterThan(5);
    // Closing words are never unanswered questions.
    for (const g of report.groups) expect(g.question).not.toMatch(/^(thanks|thank you|ok|danke|merci|gracias)$/);
  });
});
