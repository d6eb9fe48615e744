import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { RawRow } from '../model.js';
import { InputError, inputError } from './source.js';

/**
 * Rows of a Parquet file, one batch per row group (a Parquet file is read by byte ranges, so it
 * must be a file, not stdin). A row's `line` is its 1-based row number. Values become what the
 * JSON readers give: 64-bit integers numbers (text beyond 2^53), timestamps ISO 8601 UTC.
 */
export async function* parquetRows(path: string, file: string): AsyncGenerator<RawRow[]> {
  let rowStart = 0;
  let groups: number[];
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    buffer = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(buffer);
    groups = metadata.row_groups.map((g) => Number(g.num_rows));
  } catch (err) {
    throw parquetError(file, err);
  }
  for (const count of groups) {
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd: rowStart + count });
    } catch (err) {
      throw parquetError(file, err);
    }
    const start = rowStart;
    rowStart += count;
    if (rows.length > 0) yield rows.map((row, i) => ({ file, line: start + i + 1, ok: true, fields: plainObject(row) }));
  }
}

function parquetError(file: string, err: unknown): InputError {
  if ((err as NodeJS.ErrnoException | undefined)?.code !== undefined) return inputError(file, err);
  return new InputError(`cannot read ${file}: invalid Parquet (${err instanceof Error ? err.message : String(err)})`, { cause: err });
}

function plainObject(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    Object.defineProperty(out, key, { value: plain(row[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A Parquet value as JSON would hold it. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, plain);
  if (typeof value === 'object' && value !== null) return plainObject(value as Record<string, unknown>);
  return value;
}
