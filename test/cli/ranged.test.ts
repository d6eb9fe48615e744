/**
 * A file read in byte ranges on worker threads gives exactly what reading it in one piece gives:
 * the same report bytes, the same rejections (lines, order, content) and the same warnings. The
 * thresholds are forced low through the environment so that small inputs are split into many
 * ranges, with boundaries falling inside conversations, between duplicates, around rejected and
 * blank lines and inside quoted multi-line CSV values.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { csvLine, FIELDS, generateRows } from '../../scripts/generate.js';
import { planRanges } from '../../src/read/ranges.js';
import { botkpi, fixture } from './run.js';
import { jsonl, tempDir } from './tmp.js';

const tmp = tempDir();
// Each case runs the CLI twice; the no-language rows load the language model (about a second).
vi.setConfig({ testTimeout: 120_000 });

const ONE_PIECE = { BOTKPI_THREADS: '1' };
const ranged = (rangeBytes: number): Record<string, string> => ({ BOTKPI_THREADS: '2', BOTKPI_SPLIT_FROM: '0', BOTKPI_RANGE_BYTES: String(rangeBytes) });

let runs = 0;
/** Runs the command both ways and expects the same stdout, stderr, exit code and --rejects file. */
async function same(args: readonly string[], rangeBytes: number, rejects = true): Promise<string> {
  const path = tmp.file(`rejects-${runs++}.jsonl`);
  const out = rejects ? ['--rejects', path] : [];
  const one = await botkpi([...args, ...out], { env: ONE_PIECE });
  const oneRejects = rejects && one.code === 0 ? readFileSync(path, 'utf8') : '';
  const many = await botkpi([...args, ...out], { env: ranged(rangeBytes) });
  expect(many.stderr).toBe(one.stderr);
  expect(many.stdout).toBe(one.stdout);
  expect(many.code).toBe(one.code);
  if (rejects && one.code === 0) expect(readFileSync(path, 'utf8')).toBe(oneRejects);
  return one.stdout;
}

/** Expects `planRanges` to split the file into at least `min` ranges with these settings (so the CLI runs did use workers). */
async function expectSplit(path: string, rangeBytes: number, min = 3): Promise<void> {
  const size = readFileSync(path).length;
  const plan = await planRanges(path, { minBytes: 1, ranges: Math.max(2, Math.ceil(size / rangeBytes)) });
  expect(plan?.ranges.length ?? 0).toBeGreaterThanOrEqual(min);
}

type Row = Record<string, unknown>;
const generated: Row[] = [...generateRows({ conversations: 120, seed: 11, text: true })] as unknown as Row[];

/**
 * Generated rows with what makes splitting hard: a conversation whose rows are at the start and at
 * the end, duplicates of early rows near the end (other ranges), rejected rows, blank lines, rows
 * without a language (detected on the main thread), a message id shared by an event and a message.
 */
function hardRows(): string[] {
  const lines = generated.map((r) => JSON.stringify(r));
  const first = generated[0] as Row;
  const cid = first['conversation_id'];
  const spanning = [
    { ...first, message_id: 'late-1', timestamp: '2025-01-06T23:59:00.500+08:00', text: 'Still waiting, any news?' },
    { conversation_id: cid, timestamp: 1736200000123, event: 'resolved', message_id: 'ev-1' },
    { conversation_id: cid, timestamp: 1736200000.5, role: 'customer', message_id: 'ev-1', text: 'same id as an event' },
  ].map((r) => JSON.stringify(r));
  const duplicates = lines.slice(0, 7).map((l, i) => (i % 2 === 0 ? l : l.replace('"text":"', '"text":"changed ')));
  const bad = ['{"conversation_id":"x1","timestamp":"not a time","role":"customer"}', '{not json', '[1,2]', '{"conversation_id":"x2","timestamp":"2025-01-07T10:00:00Z","role":"robot"}', '   '];
  const noLanguage = generated
    .slice(40, 60)
    .map((r) => ({ ...r, conversation_id: `nolang-${String(r['conversation_id'])}`, language: undefined }))
    .map((r) => JSON.stringify(r));
  const out = [...lines.slice(0, 200), bad[0] as string, '', ...lines.slice(200, 400), bad[1] as string, bad[2] as string, ...noLanguage, ...lines.slice(400), ...duplicates, bad[3] as string, ...spanning, bad[4] as string];
  return out;
}

describe('a JSON Lines file read in ranges', () => {
  const lines = hardRows();
  const text = `${lines.join('\n')}\n`;
  const file = tmp.file('hard.jsonl', text);

  it('gives the same report, rejections and warnings, ranges cutting conversations and duplicates apart', async () => {
    await expectSplit(file, 4096, 10);
    const out = await same(['report', file, '--format', 'json'], 4096);
    const report = JSON.parse(out) as { dataQuality: { rowsRejected: number; duplicates: number } };
    expect(report.dataQuality.rowsRejected).toBeGreaterThan(3);
    expect(report.dataQuality.duplicates).toBeGreaterThan(3);
  });

  it('with a breakdown, and with ranges of a few lines each', async () => {
    await same(['report', file, '--format', 'json', '--by', 'week', '--by', 'channel'], 700);
  });

  it('with CRLF line ends', async () => {
    const crlf = tmp.file('crlf.jsonl', `${lines.join('\r\n')}\r\n`);
    await expectSplit(crlf, 3000);
    await same(['report', crlf, '--format', 'json'], 3000);
  });

  it('without a final newline, and with a byte order mark', async () => {
    const open = tmp.file('open.jsonl', `\uFEFF${lines.join('\n')}`);
    await expectSplit(open, 5000);
    await same(['report', open, '--format', 'json'], 5000);
  });

  it('without text sentiment', async () => {
    await same(['report', file, '--format', 'json', '--no-text-sentiment'], 6000);
  });

  it('with episodes (--split-after)', async () => {
    await same(['report', file, '--format', 'json', '--split-after', '20m'], 6000);
  });

  it('for the gap report', async () => {
    await same(['gaps', file, '--format', 'json'], 6000, false);
  });

  it('gzip is read in one piece, with the same result', async () => {
    const gz = tmp.file('hard.jsonl.gz', gzipSync(Buffer.from(text)));
    expect(await planRanges(gz, { minBytes: 1, ranges: 8 })).toBeUndefined();
    await same(['report', gz, '--format', 'json'], 4096);
  });

  it('the bad-rows and hand fixtures', async () => {
    for (const name of ['bad/bad.jsonl', 'hand/basic.jsonl', 'hand/edge.jsonl']) {
      await same(['report', fixture(name), '--format', 'json'], 200);
    }
  });
});

describe('a CSV file read in ranges', () => {
  const fields = [...FIELDS];
  const header = fields.join(',');
  const rows = generated.map((r) => csvLine(r, fields));
  // Quoted values with line breaks, commas and quotes, some long enough to hold a range boundary.
  const multiline = generated.slice(0, 30).map((r, i) =>
    csvLine({ ...r, conversation_id: `ml-${i}`, text: `line one, "quoted"\n${'more text '.repeat(i * 10)}\r\nlast line ${i}` }, fields),
  );
  const bad = ['c9,not a time,customer,,,,,,,,,,,,,,,,,,\n', 'too,few\n'];
  const body = [...rows.slice(0, 150), ...multiline.slice(0, 15), bad[0], ...rows.slice(150, 400), bad[1], ...multiline.slice(15), ...rows.slice(400), ...rows.slice(0, 5)];
  const file = tmp.file('hard.csv', `${header}\n${body.join('')}`);

  it('gives the same report and rejections, boundaries proven outside quoted line breaks', async () => {
    await expectSplit(file, 3000, 10);
    await same(['report', file, '--format', 'json'], 3000);
    await same(['report', file, '--format', 'json', '--by', 'week'], 900);
  });

  it('with CRLF line ends and without a final newline', async () => {
    const crlf = tmp.file('crlf.csv', `${header}\r\n${body.join('').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n').replace(/\r\n$/, '')}`);
    await expectSplit(crlf, 3000);
    await same(['report', crlf, '--format', 'json'], 3000);
  });

  it('a stray quote stops the splitting there; the file still reads the same', async () => {
    const stray = tmp.file('stray.csv', `${header}\n${[...rows.slice(0, 100), 'c1,2025-01-06T10:00:00Z,customer,m"x,hello\n', ...rows.slice(100)].join('')}`);
    const size = readFileSync(stray).length;
    const plan = await planRanges(stray, { minBytes: 1, ranges: Math.ceil(size / 3000) });
    const strayAt = readFileSync(stray).indexOf('m"x');
    expect(plan?.ranges.every((r) => r.start <= strayAt) ?? true).toBe(true);
    await same(['report', stray, '--format', 'json'], 3000);
  });

  it('the bad-rows and hand fixtures', async () => {
    for (const name of ['bad/bad.csv', 'hand/basic.csv']) {
      await same(['report', fixture(name), '--format', 'json'], 150);
    }
  });
});

describe('small inputs', () => {
  it('never start a worker with the default threshold', async () => {
    const small = tmp.file('small.jsonl', jsonl(generated.slice(0, 50) as object[]));
    expect(await planRanges(small, { minBytes: 16 * 1024 * 1024, ranges: 4 })).toBeUndefined();
  });
});
