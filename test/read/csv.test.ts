import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRows, readRowsFromString } from '../../src/read/index.js';
import { brief, collect, streamOf } from './helpers.js';

const csv = async (text: string) => brief(await collect(readRowsFromString(text, 'csv', 'in.csv')));
const tsv = async (text: string) => brief(await collect(readRowsFromString(text, 'tsv', 'in.tsv')));

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

  it('trims header names, keeps the first of duplicate names and drops unnamed columns', async () => {
    expect(await csv(' a ,B,a,\n1,2,3,4\n')).toEqual([[2, { a: '1', B: '2' }]]);
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
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const pieces = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        const rows = await collect(readRows('-', { stdin: streamOf(...pieces), format: 'csv' }));
        expect(brief(rows)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
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
