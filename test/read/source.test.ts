import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { InputError, detectFormat, readRows } from '../../src/read/index.js';
import { brief, collect, streamOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'botkpi-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const JSONL = '{"id":"c1","n":1}\n{"id":"c2","n":2}\n';
const CSV = 'id,n\nc1,1\nc2,2\n';
const TSV = 'id\tn\nc1\t1\nc2\t2\n';
const AS_JSON = [
  [1, { id: 'c1', n: 1 }],
  [2, { id: 'c2', n: 2 }],
];
const AS_TEXT = [
  [2, { id: 'c1', n: '1' }],
  [3, { id: 'c2', n: '2' }],
];

describe('detectFormat', () => {
  it.each([
    ['logs.jsonl', 'jsonl', false],
    ['logs.ndjson', 'jsonl', false],
    ['logs.json-lines', 'jsonl', false],
    ['dir.v2/logs.csv', 'csv', false],
    ['logs.tsv', 'tsv', false],
    ['logs.tab', 'tsv', false],
    ['LOGS.CSV.GZ', 'csv', true],
    ['logs.jsonl.gz', 'jsonl', true],
    ['logs.gz', undefined, true],
    ['logs.txt', undefined, false],
    ['logs.json', undefined, false],
    ['logs', undefined, false],
    ['-', undefined, false],
  ] as const)('%s → %s, gzip %s', (path, format, gzip) => {
    expect(detectFormat(path)).toEqual({ format, gzip });
  });
});

describe('readRows from files', () => {
  it('reads by extension and names rows with the path as given', async () => {
    const path = file('a.jsonl', JSONL);
    const rows = await collect(readRows(path));
    expect(rows.map((row) => row.file)).toEqual([path, path]);
    expect(brief(rows)).toEqual(AS_JSON);
    expect(brief(await collect(readRows(file('a.csv', CSV))))).toEqual(AS_TEXT);
    expect(brief(await collect(readRows(file('a.tab', TSV))))).toEqual(AS_TEXT);
  });

  it('reads gzip files', async () => {
    expect(brief(await collect(readRows(file('b.jsonl.gz', gzipSync(JSONL)))))).toEqual(AS_JSON);
    expect(brief(await collect(readRows(file('b.csv.gz', gzipSync(CSV)))))).toEqual(AS_TEXT);
  });

  it('lets a forced format win over the extension', async () => {
    expect(brief(await collect(readRows(file('c.csv', TSV), { format: 'tsv' })))).toEqual(AS_TEXT);
  });

  it('sniffs format and gzip for an unknown extension', async () => {
    expect(brief(await collect(readRows(file('d.txt', JSONL))))).toEqual(AS_JSON);
    expect(brief(await collect(readRows(file('d.log', gzipSync(CSV)))))).toEqual(AS_TEXT);
  });

  it('reports progress in bytes read, compressed bytes for gzip', async () => {
    const big = '{"text":"' + 'x'.repeat(200_000) + '"}\n';
    for (const path of [file('e.jsonl', big), file('e.jsonl.gz', gzipSync(big))]) {
      const seen: number[] = [];
      await collect(readRows(path, { onBytes: (bytes) => seen.push(bytes) }));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(statSync(path).size);
    }
  });

  it('throws InputError naming a missing file', async () => {
    const rows = collect(readRows('no-such-logs.csv'));
    await expect(rows).rejects.toThrow(InputError);
    await expect(rows).rejects.toThrow('cannot read no-such-logs.csv: no such file or directory');
  });

  it('throws InputError for a directory and for corrupt gzip', async () => {
    await expect(collect(readRows(dir))).rejects.toThrow(`cannot read ${dir}: is a directory`);
    const broken = file('f.csv.gz', gzipSync(CSV).subarray(0, 20));
    await expect(collect(readRows(broken))).rejects.toThrow(InputError);
    const notGzip = file('g.csv.gz', CSV);
    await expect(collect(readRows(notGzip))).rejects.toThrow(/cannot read .*g\.csv\.gz: invalid gzip data/);
  });

  it('can stop early', async () => {
    const paths = [
      file('h.jsonl', JSONL.repeat(50_000)),
      file('h.csv', CSV + 'c3,3\n'.repeat(100_000)),
      file('h.csv.gz', gzipSync(CSV + 'c3,3\n'.repeat(100_000))),
    ];
    for (const path of paths) {
      let count = 0;
      for await (const row of readRows(path)) {
        expect(row.ok).toBe(true);
        if (++count === 3) break;
      }
      expect(count).toBe(3);
    }
  });
});

describe('readRows from stdin (-)', () => {
  const stdin = async (format: 'jsonl' | 'csv' | 'tsv' | undefined, ...pieces: Array<string | Buffer>) =>
    collect(readRows('-', { stdin: streamOf(...pieces), format }));

  it('names rows "-"', async () => {
    expect((await stdin('jsonl', JSONL)).map((row) => row.file)).toEqual(['-', '-']);
  });

  it('sniffs the format from the first non-blank character', async () => {
    expect(brief(await stdin(undefined, JSONL))).toEqual(AS_JSON);
    expect(brief(await stdin(undefined, '\uFEFF\n  \n' + JSONL))).toEqual([
      [3, { id: 'c1', n: 1 }],
      [4, { id: 'c2', n: 2 }],
    ]);
    expect(brief(await stdin(undefined, CSV))).toEqual(AS_TEXT);
    expect(brief(await stdin(undefined, TSV))).toEqual(AS_TEXT);
    // A tab and a comma in the first line: CSV.
    expect(brief(await stdin(undefined, 'a\tb,c\n1\t2,3\n'))).toEqual([[2, { 'a\tb': '1\t2', c: '3' }]]);
    expect(await stdin(undefined)).toEqual([]);
  });

  it('closes the source when the consumer stops early', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      let closed = false;
      const source = async function* () {
        try {
          if (format === 'csv') yield Buffer.from('id,n\n');
          for (;;) yield Buffer.from(format === 'jsonl' ? JSONL : CSV.slice(5));
        } finally {
          closed = true;
        }
      };
      for await (const row of readRows('-', { stdin: Readable.from(source()) })) {
        expect(row.ok).toBe(true);
        break;
      }
      await vi.waitFor(() => expect(closed).toBe(true));
    }
  });

  it('sniffs with the first line split across chunks', async () => {
    expect(brief(await stdin(undefined, 'id\t', 'n\nc1\t1\n', 'c2\t2\n'))).toEqual(AS_TEXT);
  });

  it('detects gzip by its magic bytes, with or without a forced format', async () => {
    const zipped = gzipSync(CSV);
    expect(brief(await stdin(undefined, zipped))).toEqual(AS_TEXT);
    expect(brief(await stdin('csv', zipped.subarray(0, 1), zipped.subarray(1)))).toEqual(AS_TEXT);
  });
});
