import { isUtf8 } from 'node:buffer';
import type { RawRow } from '../model.js';
import type { Chunks } from './source.js';

/**
 * Longest line read (bytes): a longer one is rejected as `line too long` without being held in
 * memory, and reading goes on at the next line. JavaScript strings end near 512 MiB.
 */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Deepest nesting of arrays and objects in a line; deeper lines are rejected as `too deeply nested`. */
export const MAX_DEPTH = 256;
/** Lines shorter than this cannot nest deeper than MAX_DEPTH and are not scanned. */
const DEPTH_SCAN_FROM = 2 * MAX_DEPTH;
/** How much of an overlong line a rejection keeps. */
const KEPT_OF_LONG_LINE = 200;

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
export async function* jsonlRows(chunks: Chunks, file: string, validateUtf8 = true, atFileStart = true): AsyncGenerator<RawRow[]> {
  let tail: Buffer[] = []; // bytes of the unfinished last line
  let tailBytes = 0;
  let skipping: Buffer | undefined; // the start of an overlong line whose rest is being skipped
  let line = 0;
  let first = atFileStart; // a byte order mark is skipped only at the start of the file
  const keep = (bytes: Buffer): void => {
    tail.push(bytes);
    tailBytes += bytes.length;
    if (tailBytes > MAX_LINE_BYTES) {
      skipping = Buffer.concat(tail).subarray(0, KEPT_OF_LONG_LINE);
      tail = [];
      tailBytes = 0;
    }
  };
  for await (const chunk of chunks) {
    const batch: RawRow[] = [];
    let pos = 0;
    if (skipping !== undefined) {
      const end = chunk.indexOf(10);
      if (end === -1) continue;
      batch.push(tooLong(skipping, file, ++line));
      skipping = undefined;
      pos = end + 1;
    } else if (tailBytes > 0) {
      const end = chunk.indexOf(10);
      if (end !== -1 && tailBytes + end > MAX_LINE_BYTES) {
        batch.push(tooLong(Buffer.concat(tail).subarray(0, KEPT_OF_LONG_LINE), file, ++line));
        tail = [];
        tailBytes = 0;
        pos = end + 1;
      }
    }
    const cut = chunk.lastIndexOf(10) + 1;
    if (cut <= pos) {
      keep(chunk.subarray(pos));
      if (batch.length > 0) yield batch;
      continue;
    }
    const complete = tail.length === 0 ? chunk.subarray(pos, cut) : Buffer.concat([...tail, chunk.subarray(pos, cut)]);
    tail = [];
    tailBytes = 0;
    if (cut < chunk.length) keep(chunk.subarray(cut));
    // Whole chunks are checked at once; only a chunk with invalid UTF-8 is checked line by line.
    const checkLines = validateUtf8 && !isUtf8(complete);
    let text = complete.toString('latin1');
    if (first) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(BOM.length);
    }
    // One batch per chunk: far fewer async steps than one per row.
    for (let start = 0, end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      const row = jsonRow(text.slice(start, end), file, ++line, checkLines);
      if (row !== undefined) batch.push(row);
    }
    if (batch.length > 0) yield batch;
  }
  if (skipping !== undefined) {
    yield [tooLong(skipping, file, ++line)];
    return;
  }
  // The last line, when the input does not end with '\n'.
  const rest = Buffer.concat(tail);
  let text = rest.toString('latin1');
  if (first && text.startsWith(BOM)) text = text.slice(BOM.length);
  const row = jsonRow(text, file, ++line, validateUtf8 && !isUtf8(rest));
  if (row !== undefined) yield [row];
}

function tooLong(start: Buffer, file: string, line: number): RawRow {
  return { file, line, ok: false, reason: 'line too long', raw: `${start.toString('utf8')}…` };
}

/**
 * True when the JSON text nests arrays and objects deeper than MAX_DEPTH (brackets inside strings
 * do not count). Parsing and walking such a value would exhaust the stack.
 */
function tooDeep(text: string): boolean {
  // Most lines have far fewer brackets than MAX_DEPTH: counting them with indexOf is cheap; the
  // exact scan below runs only on lines with that many.
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let at = text.indexOf(open); at !== -1 && brackets <= MAX_DEPTH; at = text.indexOf(open, at + 1)) brackets++;
  }
  if (brackets <= MAX_DEPTH) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** A Latin-1 decoded line → the same line decoded as UTF-8 (invalid sequences become U+FFFD). */
function utf8Line(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** One Latin-1 decoded line → a row; `undefined` for a blank line, which is not a row. */
function jsonRow(text: string, file: string, line: number, checkUtf8: boolean): RawRow | undefined {
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1); // CRLF
  if (checkUtf8 && NON_ASCII.test(text) && !isUtf8(Buffer.from(text, 'latin1'))) {
    return { file, line, ok: false, reason: 'invalid UTF-8', raw: utf8Line(text) };
  }
  if (text.length >= DEPTH_SCAN_FROM && tooDeep(text)) {
    return { file, line, ok: false, reason: 'too deeply nested', raw: `${utf8Line(text.slice(0, KEPT_OF_LONG_LINE))}…` };
  }
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
