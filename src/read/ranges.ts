/**
 * Byte ranges of one large file, for reading its parts on several threads: each range starts at the
 * beginning of a line (JSON Lines) or of a record (CSV) and ends where the next one starts, so the
 * rows of the ranges, one range after the other, are the rows of the file.
 *
 * Only a plain file qualifies: not stdin (it cannot be read twice), not gzip (a deflate stream
 * cannot be entered in the middle; zlib already inflates on a thread of its own), not Parquet or a
 * whole JSON document, not TSV, not a text encoding other than UTF-8, and only from `minBytes` on.
 *
 * JSON Lines split at any line end: JSON strings hold no raw newline. A CSV line end may lie inside
 * a quoted value; the file is scanned from its start, following the quotes, and a range starts
 * only after a line end the scan proves to be outside quotes. The scan stops at the first quote
 * that is not where well-formed CSV has one (inside an unquoted value, or a closing quote followed
 * by anything but a delimiter or line end): the parser's recovery from such a quote is its own, so
 * the rest of the file then stays one range.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { csvRows } from './csv.js';
import { detectFormat } from './index.js';
import { binaryKind, firstLine, inputError, isGzip, isParquet, sniffDelimiter, sniffFormat, utf16Bom, type Encoding, type InputFormat } from './source.js';

export interface ByteRange {
  start: number;
  end: number;
}

export interface RangePlan {
  path: string;
  format: 'jsonl' | 'csv';
  /** CSV: the delimiter and the header record (read from the file's start). */
  delimiter?: ',' | ';';
  header?: string[];
  /** In file order, covering the file from 0 to its size without gaps. */
  ranges: ByteRange[];
}

export interface RangeOptions {
  /** Forced format (--input-format). */
  format?: InputFormat;
  encoding?: Encoding;
  /** Smaller files are not split. */
  minBytes: number;
  /** Ranges wanted (fewer when the file has fewer usable line ends). */
  ranges: number;
}

/** The head read to tell the format, as the sequential reader does (its first chunk). */
const HEAD = 64 * 1024;
/** Bytes read at a time when scanning. */
const SCAN_CHUNK = 1 << 20;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * How to read `path` in ranges, or undefined when it is to be read in one piece (see above).
 * The format is told as the sequential reader tells it, from the extension or the first bytes.
 */
export async function planRanges(path: string, options: RangeOptions): Promise<RangePlan | undefined> {
  const named = detectFormat(path);
  if (path === '-' || options.ranges < 2 || named.gzip) return undefined;
  if (options.encoding !== undefined && options.encoding !== 'utf8') return undefined;
  let handle: FileHandle;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size < options.minBytes) return undefined;
    size = info.size;
    handle = await open(path, 'r');
  } catch {
    return undefined; // the sequential reader reports it
  }
  try {
    const head = await readAt(handle, 0, Math.min(HEAD, size));
    if (isGzip(head) || utf16Bom(head) !== undefined || isParquet(head) || binaryKind(head) !== undefined) return undefined;
    // As the sequential reader tells it: its first chunk is this head, which is long enough to decide.
    const format = options.format ?? named.format ?? sniffFormat(head, true) ?? 'jsonl';
    if (format === 'jsonl') {
      const ranges = await lineRanges(handle, size, options.ranges);
      return ranges.length < 2 ? undefined : { path, format, ranges };
    }
    if (format !== 'csv') return undefined;
    const delimiter = sniffDelimiter(firstLine(head) ?? head.toString('utf8')) === ';' ? ';' : ',';
    const header = await headerRecord(path, handle, delimiter);
    if (header === undefined) return undefined;
    const ranges = await csvRanges(handle, size, options.ranges, delimiter);
    return ranges.length < 2 ? undefined : { path, format, delimiter, header, ranges };
  } catch (err) {
    throw inputError(path, err);
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number, into?: Buffer): Promise<Buffer> {
  const buffer = into ?? Buffer.allocUnsafe(length);
  let n = 0;
  while (n < length) {
    const { bytesRead } = await handle.read(buffer, n, length - n, position + n);
    if (bytesRead === 0) break;
    n += bytesRead;
  }
  return buffer.subarray(0, n);
}

/** Targets evenly spaced over the file; each range starts after the first line end at or past its target. */
async function lineRanges(handle: FileHandle, size: number, parts: number): Promise<ByteRange[]> {
  const starts = [0];
  for (let i = 1; i < parts; i++) {
    let at = Math.max(Math.floor((size * i) / parts), (starts[starts.length - 1] as number) + 1);
    let found = -1;
    while (found === -1 && at < size) {
      const window = await readAt(handle, at, Math.min(HEAD, size - at));
      const lf = window.indexOf(LF);
      if (lf !== -1) found = at + lf + 1;
      at += window.length;
    }
    if (found === -1 || found >= size) break;
    starts.push(found);
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}

/** The header record as the CSV reader reads it, or undefined when the file's start is not a clean header. */
async function headerRecord(path: string, handle: FileHandle, delimiter: ',' | ';'): Promise<string[] | undefined> {
  let header: string[] | undefined;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let position = 0; header === undefined && position < SCAN_CHUNK * 4; position += HEAD) {
      const chunk = await readAt(handle, position, HEAD);
      if (chunk.length === 0) return;
      yield chunk;
    }
  }
  // A malformed record before the header stops the reader: then there is no header.
  for await (const batch of csvRows(chunks(), path, { delimiter, onHeaderRecord: (record) => (header = [...record]) })) {
    void batch;
    if (header !== undefined) break;
  }
  return header;
}

/**
 * Scans the CSV from its start, following quotes, and starts a range after the first line end
 * outside quotes at or past each target (see the module comment for where the scan stops).
 */
async function csvRanges(handle: FileHandle, size: number, parts: number, delimiter: ',' | ';'): Promise<ByteRange[]> {
  const delim = delimiter.charCodeAt(0);
  const targets: number[] = [];
  for (let i = 1; i < parts; i++) targets.push(Math.floor((size * i) / parts));
  const starts = [0];
  let next = 0; // the index of the next target
  let inQuotes = false;
  /** Inside quotes, a quote was the last byte of the previous chunk: its meaning depends on the next byte. */
  let pendingQuote = false;
  let previous = -1; // the byte before the chunk (-1 at the start of the file)
  const buffer = Buffer.allocUnsafe(SCAN_CHUNK);
  let position = 0;
  const fieldStart = (byte: number): boolean => byte === -1 || byte === delim || byte === LF || byte === CR;
  const closes = (byte: number): boolean => byte === delim || byte === LF || byte === CR;
  scan: while (next < targets.length && position < size) {
    const chunk = await readAt(handle, position, Math.min(SCAN_CHUNK, size - position), buffer);
    if (chunk.length === 0) break;
    let i = 0;
    if (position === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // UTF-8 BOM
    const first = i;
    if (pendingQuote) {
      pendingQuote = false;
      const byte = chunk[0] as number;
      if (byte === QUOTE) i = 1; // an escaped quote: still inside
      else if (closes(byte)) inQuotes = false;
      else break;
    }
    while (i < chunk.length) {
      if (inQuotes) {
        const q = chunk.indexOf(QUOTE, i);
        if (q === -1) break;
        if (q + 1 === chunk.length) {
          if (position + chunk.length >= size) inQuotes = false; // the end of the file closes it
          else pendingQuote = true;
          i = chunk.length;
          break;
        }
        const after = chunk[q + 1] as number;
        if (after === QUOTE) i = q + 2;
        else if (closes(after)) {
          inQuotes = false;
          i = q + 1;
        } else break scan;
        continue;
      }
      const q = chunk.indexOf(QUOTE, i);
      const plainEnd = q === -1 ? chunk.length : q;
      // Line ends before the next quote are outside quotes: a range may start after one.
      while (next < targets.length && position + plainEnd > (targets[next] as number)) {
        const from = Math.max(i, (targets[next] as number) - position);
        const lf = chunk.indexOf(LF, from);
        if (lf === -1 || lf >= plainEnd) break;
        const start = position + lf + 1;
        if (start < size && start > (starts[starts.length - 1] as number)) starts.push(start);
        next++;
      }
      if (q === -1) break;
      if (!fieldStart(q === first ? previous : (chunk[q - 1] as number))) break scan;
      inQuotes = true;
      i = q + 1;
    }
    previous = chunk[chunk.length - 1] as number;
    position += chunk.length;
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}
