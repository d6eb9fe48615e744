import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRow } from '../../src/model.js';
import { readRows, readRowsFromString } from '../../src/read/index.js';
import { sniffFormat } from '../../src/read/source.js';
import { collect, streamOf } from './helpers.js';

const json = (text: string) => collect(readRowsFromString(text, 'json', 'in.json'));

/** Rows as [line, path, fields] or [line, path, reason, raw]. */
const rows = (list: RawRow[]) =>
  list.map((r) => (r.ok ? [r.line, r.path, r.fields] : [r.line, r.path, r.reason, r.raw]));

/** The same text read from stdin in pieces of `size` bytes. */
async function inPieces(text: string, size: number): Promise<RawRow[]> {
  const bytes = Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return collect(readRows('-', { stdin: streamOf(...pieces), format: 'json' }));
}

describe('read whole JSON documents', () => {
  it('a top-level array: one record per element, with the line where it starts and its index', async () => {
    const text = '[\n  {"id": "a", "n": 1},\n  {"id": "b",\n   "parts": [1, {"x": "é"}]}\n]\n';
    expect(rows(await json(text))).toEqual([
      [2, '[0]', { id: 'a', n: 1 }],
      [3, '[1]', { id: 'b', parts: [1, { x: 'é' }] }],
    ]);
  });

  it('an object holding the list under a container key: the envelope is not a record', async () => {
    const text = [
      '{"type": "conversation.list", "pages": {"next": null, "per_page": 2},',
      ' "conversations": [',
      '  {"id": "1"},',
      '  {"id": "2"}',
      ' ], "total_count": 2}',
    ].join('\n');
    expect(rows(await json(text))).toEqual([
      [3, 'conversations[0]', { id: '1' }],
      [4, 'conversations[1]', { id: '2' }],
    ]);
    expect(rows(await json('{"tickets": [{"id": 7}]}'))).toEqual([[1, 'tickets[0]', { id: 7 }]]);
  });

  it('any other object is one record, arrays inside it kept whole', async () => {
    const text = '{\n "sender_id": "s1",\n "events": [{"event": "user"}, {"event": "bot"}]\n}\n';
    expect(rows(await json(text))).toEqual([[1, '', { sender_id: 's1', events: [{ event: 'user' }, { event: 'bot' }] }]]);
  });

  it('several top-level values one after the other', async () => {
    expect(rows(await json('{"a": 1}\n{"b": [2]}\n[{"c": 3}]'))).toEqual([
      [1, '', { a: 1 }],
      [2, '', { b: [2] }],
      [3, '[0]', { c: 3 }],
    ]);
  });

  it('an element that is not an object is malformed JSON; the others are read', async () => {
    expect(rows(await json('[{"a": 1},\n 2,\n "x", null, [1], {"b": 2}]'))).toEqual([
      [1, '[0]', { a: 1 }],
      [2, '[1]', 'malformed JSON', 2],
      [3, '[2]', 'malformed JSON', 'x'],
      [3, '[3]', 'malformed JSON', null],
      [3, '[4]', 'malformed JSON', [1]],
      [3, '[5]', { b: 2 }],
    ]);
  });

  it('invalid JSON is one rejection at the line where it is found; records before it are kept', async () => {
    expect(rows(await json('[\n {"a": 1},\n {"b": 2,,}\n, {"c": 3}]'))).toEqual([
      [2, '[0]', { a: 1 }],
      [3, undefined, 'malformed JSON', 'Unexpected COMMA (",")'],
    ]);
    expect(rows(await json('[{"a": 1}\n {"b": 2}]'))).toEqual([
      [1, '[0]', { a: 1 }],
      [2, undefined, 'malformed JSON', 'unexpected "{"'],
    ]);
    expect(rows(await json('[\n{"a": tru}]'))).toEqual([[2, undefined, 'malformed JSON', 'Unexpected "}"']]);
  });

  it('a document cut short is malformed JSON at its end', async () => {
    expect(rows(await json('[{"a": 1},\n {"b": '))).toEqual([
      [1, '[0]', { a: 1 }],
      [2, undefined, 'malformed JSON', 'unexpected end of input'],
    ]);
    expect(rows(await json('{"conversations": [{"a": 1}'))).toEqual([
      [1, 'conversations[0]', { a: 1 }],
      [1, undefined, 'malformed JSON', 'unexpected end of input'],
    ]);
  });

  it('empty input, an empty array and an empty list are no records', async () => {
    expect(await json('')).toEqual([]);
    expect(await json(' [ ] ')).toEqual([]);
    expect(await json('{"data": []}')).toEqual([]);
  });

  it('a UTF-8 byte order mark is skipped', async () => {
    expect(rows(await json('\uFEFF[{"a": "ü"}]'))).toEqual([[1, '[0]', { a: 'ü' }]]);
  });

  it('gives the same records and lines however the bytes are split into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 17 }),
        async (records, wrapped, size) => {
          const body = records.map((r) => JSON.stringify(r, null, 1)).join(',\n');
          const text = wrapped ? `{"items": [\n${body}\n]}` : `[\n${body}\n]`;
          const whole = await json(text);
          expect(whole.map((r) => (r.ok ? r.fields : r))).toEqual(records.map((r) => JSON.parse(JSON.stringify(r))));
          expect(rows(await inPieces(text, size))).toEqual(rows(whole));
          // Each record starts on the line after the previous one ends.
          let line = 2;
          whole.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += JSON.stringify(records[i], null, 1).split('\n').length;
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('sniffing a .json file', () => {
  const sniff = (text: string) => sniffFormat(Buffer.from(text), true);

  it('an array or a pretty-printed object is a document; one record per line is JSON Lines', () => {
    expect(sniff('[{"a": 1}]')).toBe('json');
    expect(sniff('{\n "a": 1\n}')).toBe('json');
    expect(sniff('{"a": 1}\n{"a": 2}\n')).toBe('jsonl');
    expect(sniff('{"a": 1, bad}\n{"a": 2}\n')).toBe('jsonl');
    expect(sniff('{"conversations": [{"a": 1}]}\n')).toBe('json');
    expect(sniffFormat(Buffer.from('PAR1\u0015\u0004'), false)).toBe('parquet');
  });

  it('a .json file of JSON Lines (a BigQuery export) is read line by line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'botkpi-json-')), 'export.json');
    writeFileSync(path, '{"a": 1}\n{bad\n{"a": 2}\n');
    expect(rows(await collect(readRows(path)))).toEqual([
      [1, undefined, { a: 1 }],
      [2, undefined, 'malformed JSON', '{bad'],
      [3, undefined, { a: 2 }],
    ]);
    writeFileSync(path, '[\n{"a": 1}\n]');
    expect(rows(await collect(readRows(path)))).toEqual([[2, '[0]', { a: 1 }]]);
  });
});
