import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError, readRows } from '../../src/read/index.js';
import { collect, streamOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'botkpi-parquet-'));

function parquetFile(name: string, columnData: Parameters<typeof parquetWriteBuffer>[0]['columnData'], rowGroupSize?: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(parquetWriteBuffer({ columnData, ...(rowGroupSize === undefined ? {} : { rowGroupSize }) })));
  return path;
}

describe('read Parquet', () => {
  it('rows as records across row groups, the row number as the line; 64-bit integers as numbers, timestamps as ISO 8601', async () => {
    const path = parquetFile(
      'turns.parquet',
      [
        { name: 'conversation_id', data: ['c1', 'c1', 'c2', null, 'c3'], type: 'STRING' },
        { name: 'turn', data: [1n, 2n, 1n, 9007199254740993n, 3n], type: 'INT64' },
        { name: 'at', data: [new Date('2024-06-04T09:00:00.000Z'), new Date('2024-06-04T09:00:30.500Z'), null, null, null], type: 'TIMESTAMP' },
        { name: 'ok', data: [true, false, null, true, false], type: 'BOOLEAN' },
        { name: 'request', data: [{ queryInput: { text: { text: 'hi' } } }, null, null, null, null], type: 'JSON' },
      ],
      2,
    );
    const rows = await collect(readRows(path));
    expect(rows.map((r) => (r.ok ? [r.line, r.fields] : r))).toEqual([
      [1, { conversation_id: 'c1', turn: 1, at: '2024-06-04T09:00:00.000Z', ok: true, request: { queryInput: { text: { text: 'hi' } } } }],
      [2, { conversation_id: 'c1', turn: 2, at: '2024-06-04T09:00:30.500Z', ok: false, request: null }],
      [3, { conversation_id: 'c2', turn: 1, at: null, ok: null, request: null }],
      [4, { conversation_id: null, turn: '9007199254740993', at: null, ok: true, request: null }],
      [5, { conversation_id: 'c3', turn: 3, at: null, ok: false, request: null }],
    ]);
  });

  it('is recognised by its content whatever the extension', async () => {
    const path = parquetFile('export.bin', [{ name: 'a', data: ['x'], type: 'STRING' }]);
    expect((await collect(readRows(path))).map((r) => r.ok && r.fields)).toEqual([{ a: 'x' }]);
  });

  it('a file that is not Parquet, stdin and gzip are input errors naming the file', async () => {
    const bad = join(dir, 'bad.parquet');
    writeFileSync(bad, 'conversation_id,timestamp\nc1,2024-06-04T09:00:00Z\n');
    await expect(collect(readRows(bad))).rejects.toThrow(new InputError(`cannot read ${bad}: invalid Parquet (parquet file invalid (footer != PAR1))`));
    await expect(collect(readRows('-', { format: 'parquet', stdin: streamOf('PAR1') }))).rejects.toThrow(/cannot read -: Parquet is read by byte ranges, not from stdin/);
    await expect(collect(readRows(join(dir, 'x.parquet.gz')))).rejects.toThrow(/not from a gzip file/);
    await expect(collect(readRows(join(dir, 'missing.parquet')))).rejects.toThrow(`cannot read ${join(dir, 'missing.parquet')}: no such file or directory`);
  });
});
