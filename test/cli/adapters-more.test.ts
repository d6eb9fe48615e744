import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, subsetDiff, type ReportJson } from './run.js';

/**
 * Rasa, Dialogflow CX and Langfuse exports read without any flag, in every form the platform
 * exports: the shape is detected and announced, every KPI is the one worked out by hand in
 * fixtures/adapters/<id>/README.md (expected.json beside it), and the forms agree. Text scoring is
 * off: the working uses no sentiment.
 */
const CASES = [
  { id: 'rasa', title: 'Rasa trackers', files: ['trackers.json', 'trackers.jsonl'] },
  { id: 'rasa-sql', dir: 'rasa', title: 'Rasa SQL tracker store events', files: ['events.csv'] },
  { id: 'dialogflow-cx', title: 'Dialogflow CX interaction logs (BigQuery export)', files: ['export.json', 'turns-array.json', 'export.csv'] },
  { id: 'langfuse', title: 'Langfuse traces', files: ['traces.json', 'traces.jsonl'] },
].flatMap((c) => c.files.map((file) => ({ ...c, dir: c.dir ?? c.id, file })));

async function report(file: string, extra: string[] = []): Promise<{ report: ReportJson; stderr: string }> {
  const result = await botkpi(['report', file, '--no-text-sentiment', '--format', 'json', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout) as ReportJson, stderr: result.stderr };
}

const expectedOf = (dir: string): ReportJson => JSON.parse(readFileSync(fixture(`adapters/${dir}/expected.json`), 'utf8')) as ReportJson;

describe.each(CASES)('botkpi report fixtures/adapters/$dir/$file', (c) => {
  const file = `fixtures/adapters/${c.dir}/${c.file}`;
  const expected = expectedOf(c.dir);

  it('detects the shape without flags, says so on stderr, and gives the hand-computed KPIs', async () => {
    const { report: r, stderr } = await report(file);
    // A .json file holding JSON Lines (BigQuery's export) also names the reader format it was sniffed as.
    const reader = c.file === 'export.json' ? `botkpi: reading ${file} as JSONL (from its first lines; --input-format sets it)\n` : '';
    expect(stderr).toBe(`${reader}botkpi: reading ${file} as ${c.title} (auto-detected; --input-format ${c.id} to pin it)\n`);
    expect(subsetDiff(expected.dataQuality, r.dataQuality, 'dataQuality')).toEqual([]);
    expect(subsetDiff(expected.kpis, r.kpis, 'kpis')).toEqual([]);
  });

  it(`--input-format ${c.id} pins the shape: the same KPIs, no announcement`, async () => {
    const { report: r, stderr } = await report(file, ['--input-format', c.id]);
    expect(stderr).toBe('');
    expect(subsetDiff(expected.kpis, r.kpis, 'kpis')).toEqual([]);
  });
});

describe('the forms of one export agree', () => {
  it.each([
    ['rasa', ['trackers.json', 'trackers.jsonl', 'events.csv']],
    ['dialogflow-cx', ['export.json', 'turns-array.json', 'export.csv']],
    ['langfuse', ['traces.json', 'traces.jsonl']],
  ])('%s: every KPI of every form equals the first form', async (dir, files) => {
    const reports = await Promise.all(files.map((f) => report(`fixtures/adapters/${dir}/${f}`)));
    for (const { report: r } of reports.slice(1)) expect(r.kpis).toEqual(reports[0]!.report.kpis);
  });

  it('the Dialogflow CX export as Parquet (BigQuery EXPORT DATA … format PARQUET: JSON columns as text) gives the same KPIs', async () => {
    const turns = readFileSync(fixture('adapters/dialogflow-cx/export.json'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const text = (key: string) => turns.map((t) => (t[key] === null || t[key] === undefined ? null : typeof t[key] === 'string' ? (t[key] as string) : JSON.stringify(t[key])));
    const buffer = parquetWriteBuffer({
      columnData: [
        ...['project_id', 'agent_id', 'conversation_name', 'language_code'].map((name) => ({ name, data: text(name), type: 'STRING' as const })),
        { name: 'turn_position', data: turns.map((t) => BigInt(t['turn_position'] as number)), type: 'INT64' },
        { name: 'request_time', data: turns.map((t) => new Date(String(t['request_time']).replace(' UTC', 'Z').replace(' ', 'T'))), type: 'TIMESTAMP' },
        ...['request', 'response', 'conversation_signals', 'bot_answer_feedback'].map((name) => ({ name, data: text(name), type: 'STRING' as const })),
      ],
      rowGroupSize: 3,
    });
    const path = join(mkdtempSync(join(tmpdir(), 'botkpi-cx-')), 'interactions.parquet');
    writeFileSync(path, Buffer.from(buffer));
    const fromParquet = await report(path);
    expect(fromParquet.stderr).toContain('as Dialogflow CX interaction logs (BigQuery export) (auto-detected');
    const fromJson = await report('fixtures/adapters/dialogflow-cx/export.json');
    expect(fromParquet.report.kpis).toEqual(fromJson.report.kpis);
    expect(fromParquet.report.dataQuality.rowsRead).toBe(15);
  });

  it('a rejection in a JSON array names the element: file, line and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botkpi-json-'));
    const path = join(dir, 'traces.json');
    const traces = JSON.parse(readFileSync(fixture('adapters/langfuse/traces.json'), 'utf8')) as { data: Record<string, unknown>[] };
    traces.data[1]!['scores'] = [42];
    writeFileSync(path, JSON.stringify(traces, null, 2));
    const r = await botkpi(['report', path, '--format', 'json', '--rejects', join(dir, 'rejects.jsonl')]);
    expect(r.code, r.stderr).toBe(0);
    const rejects = readFileSync(join(dir, 'rejects.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // The element starts on the line above its id: the 0-based index of the id's line is its 1-based line.
    const line = JSON.stringify(traces, null, 2).split('\n').findIndex((l) => l.includes('"id": "tr_02"'));
    expect(rejects).toEqual([{ file: path, line, path: 'data[1].scores[0]', reason: 'invalid score', value: 42, row: 42 }]);
  });
});
