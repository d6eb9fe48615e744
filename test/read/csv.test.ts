import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { RawRow } from '../../src/model.js';
import { readBatches, readRowsFromString } from '../../src/read/index.js';
import { brief, collect, streamOf } from './helpers.js';

const csv = async (text: string) => brief(await collect(readRowsFromString(text, 'csv', 'in.csv')));
const tsv = async (text: string) => brief(await collect(readRowsFromString(text, 'tsv', 'in.tsv')));

/** The batches read from stdin delivering exactly the given pieces, one chunk each. */
async function batchesOf(...pieces: Array<string | Buffer>): Promise<RawRow[][]> {
  const batches: RawRow[][] = [];
  for await (const batch of readBatches('-', { stdin: streamOf(...pieces), format: 'csv' })) batches.push(batch);
  return batches;
}

/** The pieces of `bytes` cut at the given offsets. */
function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const points = [0, ...[...offsets].sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

describe('read CSV', () => {
  it('uses the first record as the header and keeps cells as strings', async () => {
    const rows = await collect(readRowsFromString('id,n,flag\nc1,3,true\n', 'csv', 'in.csv'));
    expect(rows).toEqual([{ file: 'in.csv', line: 2, ok: true, fields: { id: 'c1', n: '3', flag: 'true' } }]);
  });

  it('reads quoted fields with commas, quotes and newlines; line = where the record ends', async () => {
    const text = 'id,text\n' + 'a,"x, y"\n' + 'b,"say ""hi"""\n' + 'c,"line 1\nline 2\nline 3"\n' + 'd,after\n';
    expect(await csv(text)).toEqual([
      [2, { id: 'a', text: 'x, y' }],
      [3, { id: 'b', text: 'say "hi"' }],
      [6, { id: 'c', text: 'line 1\nline 2\nline 3' }],
      [7, { id: 'd', text: 'after' }],
    ]);
  });

  it('handles CRLF, also inside quoted values (kept as \\n), and mixed line endings', async () => {
    const text = 'id,text\r\n' + 'a,"x\r\ny"\r\n' + 'b,plain\n' + 'c,last\r\n';
    expect(await csv(text)).toEqual([
      [3, { id: 'a', text: 'x\ny' }],
      [4, { id: 'b', text: 'plain' }],
      [5, { id: 'c', text: 'last' }],
    ]);
  });

  it('strips a UTF-8 BOM before the first header name', async () => {
    expect(await csv('\uFEFFid,n\na,1\n')).toEqual([[2, { id: 'a', n: '1' }]]);
  });

  it('keeps empty cells as empty strings', async () => {
    expect(await csv('a,b,c\n,x,\n')).toEqual([[2, { a: '', b: 'x', c: '' }]]);
  });

  it('rejects a record with the wrong number of cells, with its cells', async () => {
    expect(await csv('a,b\n1\n1,2,3\n1,2\n')).toEqual([
      [2, 'wrong column count', ['1']],
      [3, 'wrong column count', ['1', '2', '3']],
      [4, { a: '1', b: '2' }],
    ]);
  });

  it('skips empty lines and empty records, before and after the header', async () => {
    expect(await csv('\n\n  \na,b\n\n1,2\n  \n,\n \t, \n3,4\n\n')).toEqual([
      [6, { a: '1', b: '2' }],
      [10, { a: '3', b: '4' }],
    ]);
  });

  it('trims header names, takes the last of duplicate names (as JSON does) and drops unnamed columns', async () => {
    expect(await csv(' a ,B,a,\n1,2,3,4\n')).toEqual([[2, { a: '3', B: '2' }]]);
  });

  it('yields nothing for an empty file or a header alone', async () => {
    expect(await csv('')).toEqual([]);
    expect(await csv('a,b\n')).toEqual([]);
  });

  it('rejects a record with an invalid closing quote and reads the next lines', async () => {
    expect(await csv('a,b\n"x"y,2\n3,4\n5,"6"\n')).toEqual([
      [2, 'malformed CSV', '"x"'],
      [3, { a: '3', b: '4' }],
      [4, { a: '5', b: '6' }],
    ]);
  });

  it('rejects a record with a quote inside an unquoted field once', async () => {
    expect(await csv('a,b\nx"y",2\n3,4\n')).toEqual([
      [2, 'malformed CSV', 'x"'],
      [3, { a: '3', b: '4' }],
    ]);
  });

  it('rejects an unclosed quote at the end of the input, after the good rows', async () => {
    expect(await csv('a,b\n1,2\n"x,2\n3,4\n')).toEqual([
      [2, { a: '1', b: '2' }],
      [4, 'malformed CSV', '"x,2\n3,4\n'],
    ]);
  });

  it('stops the file after a malformed header', async () => {
    expect(await csv('a,"b"c\n1,2\n')).toEqual([[1, 'malformed CSV', 'a,"b"']]);
  });

  it('gives the same rows however the bytes are split into chunks', async () => {
    const text = '\uFEFFid,text\r\na,"x\r\ny, ☃"\r\n\r\nb,"q""q"\r\nc\r\n"bad"x,1\r\nd,😀\r\ne,"open';
    const bytes = Buffer.from(text);
    const expected = [
      [3, { id: 'a', text: 'x\ny, ☃' }],
      [5, { id: 'b', text: 'q"q' }],
      [6, 'wrong column count', ['c']],
      [7, 'malformed CSV', '"bad"'],
      [8, { id: 'd', text: '😀' }],
      [9, 'malformed CSV', 'e,"open'],
    ];
    expect(await csv(text)).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (offsets) => {
        expect(brief((await batchesOf(...cut(bytes, offsets))).flat())).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same rows however the bytes of any text are split into chunks', async () => {
    const parts = ['a', 'é', ' ', ',', ',', '"', '"', '""', '\n', '\n', '\r\n', '\r', '\t', '\uFEFF'];
    const texts = fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((chosen) => Buffer.from(chosen.join('')));
    const cases = texts.chain((bytes) => {
      const offsets = fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 8 });
      return fc.tuple(fc.constant(bytes), offsets);
    });
    await fc.assert(
      fc.asyncProperty(cases, async ([bytes, offsets]) => {
        const whole = await batchesOf(bytes);
        const pieces = cut(bytes, offsets.filter((offset) => offset < bytes.length));
        expect((await batchesOf(...pieces)).flat()).toEqual(whole.flat());
      }),
      { numRuns: 200 },
    );
  });

  it('yields the rows of each chunk together', async () => {
    // Chunks of more than 4 KiB: the first 4 KiB are read at once to find the encoding and format.
    const batches = await batchesOf('id,n\n' + 'a,1\n'.repeat(1100), 'b,2\n'.repeat(1100));
    expect(batches.flat().map((row) => row.line)).toEqual(Array.from({ length: 2200 }, (_, i) => i + 2));
    // The last record of a chunk may wait for the next one: csv-parse looks a few bytes ahead.
    expect(batches).toHaveLength(3);
  });

  it('keeps rejections in order among the rows of a chunk, with their lines', async () => {
    const batches = await batchesOf('a,b\n1,2\n"x"y,3\n\n5\nz"6",7\n8,9\n' + '10,11\n'.repeat(3));
    expect(batches.length).toBeLessThanOrEqual(2);
    expect(brief(batches.flat())).toEqual([
      [2, { a: '1', b: '2' }],
      [3, 'malformed CSV', '"x"'],
      [5, 'wrong column count', ['5']],
      [6, 'malformed CSV', 'z"'],
      [7, { a: '8', b: '9' }],
      [8, { a: '10', b: '11' }],
      [9, { a: '10', b: '11' }],
      [10, { a: '10', b: '11' }],
    ]);
  });

  it('reads a quoted value with newlines across chunk boundaries, also inside a doubled quote and a CRLF', async () => {
    const batches = await batchesOf('id,text\nc1,"line 1\nli', 'ne "', '"2""\r', '\nline 3"', '\nc2,x\n');
    expect(brief(batches.flat())).toEqual([
      [4, { id: 'c1', text: 'line 1\nline "2"\nline 3' }],
      [5, { id: 'c2', text: 'x' }],
    ]);
  });

  it('gives the text of each malformed record from its start, blank lines before it included', async () => {
    expect(await csv('a,b\n1,2\n\n"x"y,2\n"p"q,3\n3,4\n')).toEqual([
      [2, { a: '1', b: '2' }],
      [4, 'malformed CSV', '\n"x"'],
      [5, 'malformed CSV', '"p"'],
      [6, { a: '3', b: '4' }],
    ]);
    // A record can be rejected once per line it has an error on.
    expect(await csv('a,b\n"x"y,"multi\nline"z\n1,2\n')).toEqual([
      [2, 'malformed CSV', '"x"'],
      [3, 'malformed CSV', '"x"y,"multi\nline"'],
      [4, { a: '1', b: '2' }],
    ]);
  });

  it('makes plain objects with the header names as keys, in header order, whatever the names', async () => {
    const injection = '"}; globalThis.injected = 1; ({"';
    const names = ['say "hi"', 'back\\slash', 'two\nlines', 'é', 'a\u2028b', 'constructor', injection];
    const header = names.map((name) => `"${name.replaceAll('"', '""')}"`).join(',');
    const [row] = await collect(readRowsFromString(`${header}\n1,2,3,4,5,6,7\n`, 'csv'));
    expect(row).toMatchObject({ line: 3, ok: true });
    const fields = row?.ok === true ? row.fields : {};
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.entries(fields)).toEqual(names.map((name, i) => [name, String(i + 1)]));
    expect('injected' in globalThis).toBe(false);
  });

  it('makes the same objects where code generation from strings is disabled', async () => {
    vi.stubGlobal(
      'Function',
      class {
        constructor() {
          throw new EvalError('Code generation from strings disallowed for this context');
        }
      },
    );
    try {
      const rows = await collect(readRowsFromString(' a ,B,a,\n1,2,3,4\n5,6,7,8\n', 'csv'));
      expect(rows.map((row) => row.ok && Object.entries(row.fields))).toEqual([
        [['a', '3'], ['B', '2']],
        [['a', '7'], ['B', '6']],
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('read TSV', () => {
  it('splits on tabs, not commas', async () => {
    expect(await tsv('id\ttext\nc1\thello, world\n')).toEqual([[2, { id: 'c1', text: 'hello, world' }]]);
  });

  it('accepts quoted values and tolerates stray quotes', async () => {
    expect(await tsv('a\tb\n"x\ty"\tq"q\n"Hi" she said\t2\n')).toEqual([
      [2, { a: 'x\ty', b: 'q"q' }],
      [3, { a: '"Hi" she said', b: '2' }],
    ]);
  });

  it('rejects the wrong column count', async () => {
    expect(await tsv('a\tb\n1\t2\t3\n')).toEqual([[2, 'wrong column count', ['1', '2', '3']]]);
  });
});

describe('read CSV: invalid UTF-8', () => {
  it('rejects the records whose lines hold invalid UTF-8, wherever the chunks are cut', async () => {
    // Line 2 has a Latin-1 é (0xe9); line 3 is malformed CSV and has an invalid byte; line 4 is fine.
    const bytes = Buffer.concat([
      Buffer.from('id,n\nc'),
      Buffer.from([0xe9]),
      Buffer.from(',1\n"x"y'),
      Buffer.from([0xff]),
      Buffer.from(',3\nok,2\n'),
    ]);
    for (const offsets of [[], [6], [7], [20]]) {
      const rows = brief((await batchesOf(...cut(bytes, offsets))).flat());
      expect(rows.map((r) => (r as unknown[]).slice(0, 2))).toEqual([
        [2, 'invalid UTF-8'],
        [3, 'malformed CSV'],
        [4, { id: 'ok', n: '2' }],
      ]);
    }
  });

  it('a multi-byte character split across chunks is valid', async () => {
    const bytes = Buffer.from('id,n\ncé,1\n');
    const rows = brief((await batchesOf(...cut(bytes, [7]))).flat());
    expect(rows).toEqual([[2, { id: 'cé', n: '1' }]]);
  });
});
