import type { RawRow } from '../model.js';
import type { Chunks } from './source.js';

/** A character that is not ASCII: in a Latin-1 decoded line, a byte of a multi-byte UTF-8 sequence. */
const NON_ASCII = /[\u0080-\uffff]/;
/** The UTF-8 byte order mark as Latin-1 decoding shows it. */
const BOM = '\u00ef\u00bb\u00bf';

/**
 * Rows of a JSON Lines stream. Lines are split by hand: each chunk is cut after its last '\n'
 * (a byte that never occurs inside a multi-byte UTF-8 character) and the unfinished tail waits for
 * the next chunk as bytes.
 *
 * Chunks are decoded as Latin-1, one character per byte, which is several times faster than UTF-8
 * decoding of text in other scripts and gives one-byte strings that JSON.parse reads faster. It is
 * exact: every byte of a multi-byte UTF-8 character is ≥ 0x80, so JSON's structure (all ASCII)
 * parses the same, and a string that came out with such characters is re-decoded from its bytes
 * (see `utf8Line`, `restoreUtf8`).
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
    let text = complete.toString('latin1');
    if (first) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(BOM.length);
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
  const rest = Buffer.concat(tail);
  let text = rest.toString('latin1');
  if (first && text.startsWith(BOM)) text = text.slice(BOM.length);
  const row = jsonRow(text, file, ++line);
  if (row !== undefined) yield [row];
}

/** A Latin-1 decoded line → the same line decoded as UTF-8 (invalid sequences become U+FFFD). */
function utf8Line(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** One Latin-1 decoded line → a row; `undefined` for a blank line, which is not a row. */
function jsonRow(text: string, file: string, line: number): RawRow | undefined {
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1); // CRLF
  // `decoded`: the text is the line as UTF-8 reads it. A pure ASCII line already is; a line with a
  // `\u` escape (which can produce characters ≥ 0x80 that are not UTF-8 bytes) is decoded first.
  let decoded = !NON_ASCII.test(text);
  if (!decoded && text.includes('\\u')) {
    text = utf8Line(text);
    decoded = true;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // not JSON: `value` stays undefined, which JSON.parse never returns
  }
  // Invalid JSON, or valid JSON that is not an object (array, number, string, null), is malformed.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const raw = decoded ? text : utf8Line(text);
    if (value === undefined && raw.trim() === '') return undefined;
    return { file, line, ok: false, reason: 'malformed JSON', raw };
  }
  const fields = decoded ? (value as Record<string, unknown>) : restoreUtf8(value as Record<string, unknown>);
  return { file, line, ok: true, fields };
}

/** Re-decodes as UTF-8 every key and string (at any depth) that Latin-1 decoding left with non-ASCII characters. */
function restoreUtf8(object: Record<string, unknown>): Record<string, unknown> {
  let renamed = false;
  for (const key in object) {
    object[key] = restoreValue(object[key]);
    if (NON_ASCII.test(key)) renamed = true;
  }
  if (!renamed) return object;
  // Rebuild to fix keys while keeping their order.
  const out: Record<string, unknown> = {};
  for (const key in object) {
    const k = NON_ASCII.test(key) ? utf8Line(key) : key;
    // A key like '__proto__' must stay an own property, as JSON.parse made it.
    Object.defineProperty(out, k, { value: object[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function restoreValue(value: unknown): unknown {
  if (typeof value === 'string') return NON_ASCII.test(value) ? utf8Line(value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreValue(value[i]);
    return value;
  }
  return restoreUtf8(value as Record<string, unknown>);
}
