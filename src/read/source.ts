/**
 * Byte sources: a file or stdin as an async iterable of Buffers, with gzip and format sniffing.
 * Every IO or decompression error comes out as an InputError naming the file.
 */
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isContainer } from './json.js';

export type InputFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | 'parquet';
export type Chunks = AsyncIterable<Buffer>;

export class InputError extends Error {
  override name = 'InputError';
}

/** Read size. Larger chunks are slower: decoded strings over ~64 KiB are allocated outside the young generation. */
const CHUNK_SIZE = 64 * 1024;
/** Format sniffing never buffers more than this. */
const SNIFF_LIMIT = 64 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
};

export function inputError(file: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = err instanceof Error ? err.message : String(err);
  let reason = code === undefined ? message : (REASONS[code] ?? message);
  if (code?.startsWith('Z_') === true) reason = `invalid gzip data (${message})`;
  return new InputError(`cannot read ${file}: ${reason}`, { cause: err });
}

/** The bytes of `path` (`-` = the given stdin stream), reporting progress and wrapping errors. */
export async function* openSource(
  path: string,
  stdin: NodeJS.ReadableStream | undefined,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<Buffer> {
  try {
    const stream = path === '-' ? (stdin ?? process.stdin) : createReadStream(path, { highWaterMark: CHUNK_SIZE });
    let bytes = 0;
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      onBytes?.(bytes);
      yield buf;
    }
  } catch (err) {
    throw inputError(path, err);
  }
}

export function gunzip(chunks: Chunks, file: string): Chunks {
  const unzip = createGunzip({ chunkSize: CHUNK_SIZE });
  // Errors of either side reach the consumer through `unzip`; the callback only silences them.
  pipeline(Readable.from(chunks, { objectMode: false }), unzip, () => {});
  return rethrowAsInputError(unzip, file);
}

async function* rethrowAsInputError(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (err) {
    throw inputError(file, err);
  }
}

export function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** The first line of a text, once it is complete (or the head is large or the source ended). */
export function firstLine(head: Buffer): string | undefined {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  const end = text.indexOf('\n', start);
  return end === -1 ? undefined : text.slice(start, end);
}

/** Lines looked at when sniffing the format: one junk line must not decide it. */
const SNIFF_LINES = 5;

/** A CSV delimiter: comma, semicolon (European Excel) or tab (TSV). */
export type Delimiter = ',' | ';' | '\t';

/** The first `n` non-blank lines of `text` (the last one only when `complete` or followed by a newline). */
function firstLines(text: string, n: number, complete: boolean): { lines: string[]; more: boolean } {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < n) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      const last = text.slice(start);
      if (!complete) return { lines, more: true };
      if (last.trim() !== '') lines.push(last);
      return { lines, more: false };
    }
    const line = text.slice(start, end);
    if (line.replace(/^\uFEFF/, '').trim() !== '') lines.push(line);
    start = end + 1;
  }
  return { lines, more: false };
}

/** Counts a delimiter outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The delimiter of a CSV header line: the most frequent of `,` `;` tab outside quotes (comma on a tie). */
export function sniffDelimiter(header: string): Delimiter {
  const counts = ([',', ';', '\t'] as const).map((d) => [d, countOutsideQuotes(header, d)] as const);
  let best: readonly [Delimiter, number] = counts[0] as readonly [Delimiter, number];
  for (const c of counts) if (c[1] > best[1]) best = c;
  return best[0];
}

/**
 * Guesses the format from the first bytes: `PAR1` → parquet; first non-blank character `[` → json
 * (a whole JSON document); `{` → jsonl when the first line is one record (it ends with `}` and is
 * not an object holding a list of records), else json (a pretty-printed document or a list page).
 * Otherwise JSON Lines when any of the first five non-blank lines starts with `{` (so one junk
 * first line does not turn a JSONL stream into CSV); else CSV, or TSV when the header has more tabs
 * than commas and semicolons. `undefined` = more bytes needed.
 */
export function sniffFormat(head: Buffer, complete: boolean): InputFormat | undefined {
  if (isParquet(head)) return 'parquet';
  const text = head.toString('utf8');
  const enough = complete || head.length >= SNIFF_LIMIT;
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) return enough ? 'jsonl' : undefined; // empty: any format yields nothing
  if (text[start] === '[') return 'json';
  if (text[start] === '{') {
    const end = text.indexOf('\n', start);
    if (end === -1 && !enough) return undefined;
    if (end === -1 && !complete) return 'json'; // a first line longer than the sniff limit: one long document
    const firstLine = text.slice(start, end === -1 ? undefined : end).trim();
    return firstLine.endsWith('}') && !isContainer(parseOrUndefined(firstLine)) ? 'jsonl' : 'json';
  }
  const { lines, more } = firstLines(text, SNIFF_LINES, enough);
  if (lines.some((l) => l.replace(/^[\s\uFEFF]+/, '').startsWith('{'))) return 'jsonl';
  if (more) return undefined;
  const header = lines[0];
  if (header === undefined) return 'jsonl';
  return sniffDelimiter(header) === '\t' ? 'tsv' : 'csv';
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Parquet's magic bytes. */
export const isParquet = (head: Buffer): boolean => head.subarray(0, 4).toString('latin1') === 'PAR1';

/** Byte-order marks of UTF-16; UTF-8's own is skipped by the readers. */
export function utf16Bom(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Text encodings `--encoding` accepts. */
export const ENCODINGS = ['utf8', 'latin1', 'utf16le', 'utf16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const DECODER_LABELS: Record<Exclude<Encoding, 'utf8'>, string> = {
  latin1: 'latin1',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

/** Re-encodes a byte stream in another encoding as UTF-8 (a leading byte-order mark is dropped). */
export async function* toUtf8(chunks: Chunks, encoding: Exclude<Encoding, 'utf8'>): AsyncGenerator<Buffer> {
  if (encoding === 'latin1') {
    // One byte is one character: chunks never split one.
    for await (const chunk of chunks) yield Buffer.from(chunk.toString('latin1'), 'utf8');
    return;
  }
  const decoder = new TextDecoder(DECODER_LABELS[encoding]); // drops the BOM; streaming keeps split code units
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}

/**
 * What kind of non-text file the first bytes are, or undefined for text: a zip archive (an Excel
 * .xlsx, .ods…), UTF-16 without a byte-order mark, or other binary data (a NUL byte).
 */
export function binaryKind(head: Buffer): string | undefined {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return 'a zip archive (an Excel .xlsx workbook?), not text: export the sheet as CSV';
  }
  if (head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return 'an Excel .xls workbook, not text: export the sheet as CSV';
  }
  const sample = head.subarray(0, 4096);
  const nul = sample.indexOf(0);
  if (nul === -1) return undefined;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > sample.length / 4 && even === 0) return 'UTF-16 text without a byte-order mark: add --encoding utf16le';
  if (even > sample.length / 4 && odd === 0) return 'UTF-16 text without a byte-order mark: add --encoding utf16be';
  return 'binary data, not text (JSONL, CSV or TSV)';

}

/**
 * Buffers chunks until `enough(head)` holds or the source ends; returns the buffered head and a
 * stream that replays it followed by the rest of the source.
 */
export async function peek(
  chunks: Chunks,
  enough: (head: Buffer) => boolean,
): Promise<{ head: Buffer; chunks: Chunks }> {
  const it = chunks[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let head = Buffer.alloc(0);
  let done = false;
  while (!enough(head)) {
    const next = await it.next();
    if (next.done === true) {
      done = true;
      break;
    }
    parts.push(next.value);
    head = Buffer.concat(parts);
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (!done) for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value;
      done = true;
    } finally {
      if (!done) await it.return?.(); // the consumer stopped early: close the source
    }
  }
  return { head, chunks: replay() };
}
