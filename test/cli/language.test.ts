import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, reportJson, type ReportJson } from './run.js';

/** The demo transcripts with the language field removed, as many exports come. */
function withoutLanguage(): string {
  const rows = readFileSync(fixture('demo/transcripts.jsonl'), 'utf8').trim().split('\n');
  const out = join(mkdtempSync(join(tmpdir(), 'botkpi-')), 'no-language.jsonl');
  writeFileSync(out, rows.map((l) => { const r = JSON.parse(l) as Record<string, unknown>; delete r.language; return JSON.stringify(r); }).join('\n'));
  return out;
}

describe('botkpi report on an export without a language field', () => {
  const file = withoutLanguage();

  it('--by language detects each conversation language from the customer text', async () => {
    const original = await botkpi(['conversations', fixture('demo/transcripts.jsonl'), '--format', 'jsonl', '--no-text-sentiment']);
    const detected = await botkpi(['conversations', file, '--format', 'jsonl', '--no-text-sentiment']);
    const truth = new Map(original.stdout.trim().split('\n').map((l) => { const r = JSON.parse(l) as ReportJson; return [r.conversation_id, r.language]; }));
    const rows = detected.stdout.trim().split('\n').map((l) => JSON.parse(l) as ReportJson);
    const withText = rows.filter((r) => r.messages_customer > 0);
    const right = withText.filter((r) => r.language === truth.get(r.conversation_id)).length;
    // Measured: 397 of 400 conversations with customer messages agree with the given languages.
    expect(right / withText.length).toBeGreaterThan(0.95);
    expect(rows.filter((r) => r.language_detected).length).toBeGreaterThan(0.95 * withText.length);

    const { report } = await reportJson([file, '--by', 'language']);
    expect(report.dataQuality.languageDetected).toBeGreaterThan(370);
    const labels = report.groups.map((g: ReportJson) => g.by.language);
    expect(labels.slice(0, -1)).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'pt']);
    expect(labels.at(-1)).toBeNull();
  });

  it('--no-detect-language leaves the language missing', async () => {
    const { report } = await reportJson([file, '--by', 'language', '--no-detect-language']);
    expect(report.dataQuality.languageDetected).toBe(0);
    expect(report.groups.map((g: ReportJson) => g.by.language)).toEqual([null]);
  });
});
