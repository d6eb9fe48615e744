import { Readable } from 'node:stream';
import type { RawRow } from '../../src/model.js';

export async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** A stdin-like stream that delivers exactly the given pieces, one chunk each. */
export function streamOf(...pieces: Array<string | Buffer>): Readable {
  return Readable.from(pieces);
}

/** Rows in a compact form for assertions: [line, fields] or [line, reason, raw]. */
export function brief(rows: RawRow[]): unknown[] {
  return rows.map((row) => (row.ok ? [row.line, row.fields] : [row.line, row.reason, row.raw]));
}
