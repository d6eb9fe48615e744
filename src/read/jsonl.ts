import type { RawRow } from '../model.js';
import type { Chunks } from './source.js';

/**
 * Rows of a JSON Lines stream. Lines are split by hand: each chunk is cut after its last '\n'
 * (a byte that never occurs inside a multi-byte UTF-8 character), decoded in one call and split;
 * the unfinished tail waits for the next chunk as bytes.
 */
export async function* jsonlRows(chunks: Chunks, file: string): AsyncGenerator<RawRow[]> {
  let tail: Buffer[] = []; // bytes of the unfinished last line
  let line = 0;
  let first = true;
  for await (const chunk of chunks) {
    const cut = chunk.lastIndexOf(10) + 1;
    if (cut === 0) {
      tail.push(chunk);
      continue;
    }
    const complete = tail.length === 0 ? chunk.subarray(0, cut) : Buffer.concat([...tail, chunk.subarray(0, cut)]);
    tail = cut < chunk.length ? [chunk.subarray(cut)] : [];
    let text = complete.toString('utf8');
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM
    }
    // One batch per chunk: far fewer async steps than one per row.
    const batch: RawRow[] = [];
    for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      const row = jsonRow(text.slice(start, end), file, ++line);
      if (row !== undefined) batch.push(row);
    }
    if (batch.length > 0) yield batch;
  }
  // The last line, when the input does not end with '\n'.
  let text = Buffer.concat(tail).toString('utf8');
  if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const row = jsonRow(text, file, ++line);
  if (row !== undefined) yield [row];
}

/** One line → a row; `undefined` for a blank line, which is not a row. */
function jsonRow(text: string, file: string, line: number): RawRow | undefined {
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1); // CRLF
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (text.trim() === '') return undefined;
    return { file, line, ok: false, reason: 'malformed JSON', raw: text };
  }
  // Valid JSON that is not an object (array, number, string, null) is malformed too.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { file, line, ok: false, reason: 'malformed JSON', raw: text };
  }
  return { file, line, ok: true, fields: value as Record<string, unknown> };
}
