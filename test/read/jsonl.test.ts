import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRows, readRowsFromString } from '../../src/read/index.js';
import { brief, collect, streamOf } from './helpers.js';

const jsonl = (text: string) => collect(readRowsFromString(text, 'jsonl', 'in.jsonl'));

describe('read JSONL', () => {
  it('parses one object per line, values untouched', async () => {
    const rows = await jsonl('{"a":1,"b":true,"c":"x","d":null,"e":{"f":[1]}}\n{"a":"1"}\n');
    expect(rows).toEqual([
      { file: 'in.jsonl', line: 1, ok: true, fields: { a: 1, b: true, c: 'x', d: null, e: { f: [1] } } },
      { file: 'in.jsonl', line: 2, ok: true, fields: { a: '1' } },
    ]);
  });

  it('skips blank lines but keeps physical line numbers', async () => {
    const rows = await jsonl('\n{"a":1}\n\n   \n\t\n{"a":2}\n\n');
    expect(brief(rows)).toEqual([
      [2, { a: 1 }],
      [6, { a: 2 }],
    ]);
  });

  it('reads a last line without a newline', async () => {
    expect(brief(await jsonl('{"a":1}\n{"a":2}'))).toEqual([
      [1, { a: 1 }],
      [2, { a: 2 }],
    ]);
  });

  it('handles CRLF: no \\r in values or raw text', async () => {
    const rows = await jsonl('{"a":"x"}\r\n\r\n{bad\r\n{"a":"y"}\r\n');
    expect(brief(rows)).toEqual([
      [1, { a: 'x' }],
      [3, 'malformed JSON', '{bad'],
      [4, { a: 'y' }],
    ]);
  });

  it('strips a UTF-8 BOM', async () => {
    expect(brief(await jsonl('\uFEFF{"a":1}\n'))).toEqual([[1, { a: 1 }]]);
    expect(brief(await jsonl('\uFEFF{"a":1}'))).toEqual([[1, { a: 1 }]]);
  });

  it('rejects malformed lines with the line text and goes on', async () => {
    const rows = await jsonl('{"a":1}\n{"a":\n not json\n{"a":2}\n');
    expect(brief(rows)).toEqual([
      [1, { a: 1 }],
      [2, 'malformed JSON', '{"a":'],
      [3, 'malformed JSON', ' not json'],
      [4, { a: 2 }],
    ]);
  });

  it('rejects valid JSON that is not an object', async () => {
    const rows = await jsonl('[1,2]\n3\n"s"\nnull\ntrue\n{}\n');
    expect(brief(rows)).toEqual([
      [1, 'malformed JSON', '[1,2]'],
      [2, 'malformed JSON', '3'],
      [3, 'malformed JSON', '"s"'],
      [4, 'malformed JSON', 'null'],
      [5, 'malformed JSON', 'true'],
      [6, {}],
    ]);
  });

  it('yields nothing for empty or blank input', async () => {
    expect(await jsonl('')).toEqual([]);
    expect(await jsonl('\n\n  \r\n')).toEqual([]);
  });

  it('gives the same rows however the bytes are split into chunks', async () => {
    const text = '\uFEFF{"t":"héllo wörld ☃ 😀"}\r\n\r\n{"n":1}\n[1]\n{"long":"' + 'x'.repeat(300) + '"}\n{"a":"é"}';
    const bytes = Buffer.from(text);
    const expected = await jsonl(text);
    expect(expected).toHaveLength(5);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const pieces = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        const rows = await collect(readRows('-', { stdin: streamOf(...pieces), format: 'jsonl' }));
        expect(rows.map((row) => ({ ...row, file: 'in.jsonl' }))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
  it('reads text in any script exactly: keys, nested values, \\u escapes, invalid UTF-8', async () => {
    const lines = [
      '{"text":"Grüße aus Köln ☃","lang":"de"}',
      '{"text":"注文がまだ届きません","nested":{"größe":["日本","x"]}}',
      '{"clé":"valeur","a":"\\u00e9 and é"}', // an escape and a raw character on one line
      '{"a":"\\u00e9"}',
      '{"__proto__":"ü"}',
    ];
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x22, 0x7d, 0x0a])]);
    const rows = await collect(readRows('-', { stdin: streamOf(bytes), format: 'jsonl' }));
    expect(brief(rows)).toEqual([
      [1, { text: 'Grüße aus Köln ☃', lang: 'de' }],
      [2, { text: '注文がまだ届きません', nested: { größe: ['日本', 'x'] } }],
      [3, { clé: 'valeur', a: 'é and é' }],
      [4, { a: 'é' }],
      [5, JSON.parse('{"__proto__":"ü"}')],
      [6, 'invalid UTF-8', '{"b":"\uFFFD\uFFFD"}'], // a rejection, shown as a UTF-8 decoder reads it
    ]);
    expect(Object.keys((rows[4] as { fields: object }).fields)).toEqual(['__proto__']);
  });

  it('shows a rejected line as UTF-8 and treats a line of no-break spaces as blank', async () => {
    const rows = await jsonl('{"a":"ü"\n\u00a0\u00a0\n{"b":1}\n');
    expect(brief(rows)).toEqual([
      [1, 'malformed JSON', '{"a":"ü"'],
      [3, { b: 1 }],
    ]);
  });

  it('agrees with UTF-8 decoding and JSON.parse on arbitrary JSON objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), { minLength: 1, maxLength: 5 }), async (objects) => {
        const text = objects.map((o) => JSON.stringify(o)).join('\n');
        const rows = await jsonl(text);
        expect(rows.map((row) => (row.ok ? row.fields : row))).toEqual(objects.map((o) => JSON.parse(JSON.stringify(o))));
      }),
      { numRuns: 300 },
    );
  });
});
