/**
 * The read stage: one source (file, stdin or string) → a stream of RawRow, never the whole input
 * in memory. JSONL, whole JSON documents, CSV and TSV, each optionally gzip-compressed; Parquet
 * files one row group at a time.
 */
import { Readable } from 'node:stream';
import type { RawRow } from '../model.js';
import { csvRows } from './csv.js';
import { jsonDocumentRows } from './json.js';
import { jsonlRows } from './jsonl.js';
import { parquetRows } from './parquet.js';
import {
  binaryKind,
  firstLine,
  gunzip,
  InputError,
  isGzip,
  isParquet,
  openSource,
  peek,
  sniffDelimiter,
  sniffFormat,
  toUtf8,
  utf16Bom,
  type Chunks,
  type Delimiter,
  type Encoding,
  type InputFormat,
} from './source.js';

export { ENCODINGS, InputError, type Encoding, type InputFormat } from './source.js';

const FORMATS = new Map<string, InputFormat>([
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['json-lines', 'jsonl'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['tab', 'tsv'],
  ['parquet', 'parquet'],
]);

/**
 * Format and gzip from the file name: .jsonl/.ndjson/.json-lines → jsonl, .csv → csv, .tsv/.tab →
 * tsv, each optionally with .gz; .parquet → parquet. `-`, .json and unknown extensions → undefined format (sniffed
 * from the content: a `.json` file may be one document or JSON Lines, as BigQuery exports it).
 */
export function detectFormat(path: string): { format: InputFormat | undefined; gzip: boolean } {
  if (path === '-') return { format: undefined, gzip: false };
  let name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const gzip = name.endsWith('.gz');
  if (gzip) name = name.slice(0, -3);
  const dot = name.lastIndexOf('.');
  return { format: dot === -1 ? undefined : FORMATS.get(name.slice(dot + 1)), gzip };
}

export interface ReadOptions {
  /** Forced format (--input-format), wins over the extension. */
  format?: InputFormat;
  /** Stream used for path '-' (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Called with the number of bytes read so far (compressed bytes for gzip), for progress display. Optional. */
  onBytes?: (bytes: number) => void;
  /** Text encoding (default UTF-8; a UTF-16 byte-order mark is recognised whatever this says). */
  encoding?: Encoding;
  /** Told the format once it is known, and whether it was sniffed from the content. */
  onFormat?: (format: InputFormat, sniffed: boolean) => void;
  /** Told the column names of a CSV or TSV header, as written (trimmed). */
  onHeader?: (columns: string[]) => void;
}

/**
 * Streams the rows of one source in batches (a few hundred rows as they come from one chunk of the
 * file), never loading the whole file into memory. Batches keep the per-row cost of async
 * iteration out of the hot path.
 */
export function readBatches(path: string, options: ReadOptions = {}): AsyncIterable<RawRow[]> {
  const detected = detectFormat(path);
  if ((options.format ?? detected.format) === 'parquet') return parquetSource(path, detected.gzip);
  return rows(openSource(path, options.stdin, options.onBytes), path, options.format ?? detected.format, detected.gzip, options);
}

/** The rows of one source, one at a time. */
export async function* readRows(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  for await (const batch of readBatches(path, options)) yield* batch;
}

/** Convenience for tests and the library: rows from an in-memory string. */
export async function* readRowsFromString(text: string, format: InputFormat, file = '<string>'): AsyncGenerator<RawRow> {
  for await (const batch of rows(Readable.from([Buffer.from(text)]), file, format, false, {})) yield* batch;
}

const SNIFF_LIMIT = 64 * 1024;

/**
 * Finds gzip, the encoding and the format from the first bytes, refuses binary files, then reads
 * rows in that format.
 */
function rows(source: Chunks, file: string, format: InputFormat | undefined, gzipByName: boolean, options: ReadOptions): AsyncIterable<RawRow[]> {
  return deferred(async () => {
    // Gzip by extension, or by its magic bytes whatever the name (stdin, unknown extension).
    let { head, chunks } = await peek(source, (bytes) => bytes.length >= 2);
    const gzipped = gzipByName || isGzip(head);
    if (gzipped) chunks = gunzip(chunks, file);
    ({ head, chunks } = await peek(chunks, (bytes) => bytes.length >= 4096));
    // Parquet (binary, read by byte ranges from the file itself) before the binary-file refusal.
    if (format === 'parquet' || (format === undefined && isParquet(head))) {
      await chunks[Symbol.asyncIterator]().return?.();
      options.onFormat?.('parquet', format === undefined);
      return parquetSource(file, gzipped)[Symbol.asyncIterator]();
    }
    const encoding = utf16Bom(head)?.replace('-', '') as Encoding | undefined ?? options.encoding ?? 'utf8';
    if (encoding === 'utf8') {
      const binary = binaryKind(head);
      if (binary !== undefined) throw new InputError(`cannot read ${file}: ${binary}`);
    } else {
      chunks = toUtf8(chunks, encoding);
    }
    const sniffed = format === undefined;
    if (format === undefined) {
      ({ head, chunks } = await peek(chunks, (bytes) => sniffFormat(bytes, false) !== undefined));
      format = sniffFormat(head, true) ?? 'jsonl';
    }
    options.onFormat?.(format, sniffed);
    if (format === 'jsonl') return jsonlRows(chunks, file, encoding === 'utf8');
    if (format === 'json') return jsonDocumentRows(chunks, file);
    let delimiter: Delimiter = '\t';
    if (format === 'csv') {
      ({ head, chunks } = await peek(chunks, (bytes) => firstLine(bytes) !== undefined || bytes.length >= SNIFF_LIMIT));
      const header = firstLine(head) ?? head.toString('utf8');
      delimiter = sniffDelimiter(header) === ';' ? ';' : ',';
    }
    return csvRows(chunks, file, { delimiter, validateUtf8: encoding === 'utf8', ...(options.onHeader === undefined ? {} : { onHeader: options.onHeader }) });
  });
}

/** A Parquet file's rows; stdin and gzip cannot be read by byte ranges. */
function parquetSource(path: string, gzip: boolean): AsyncIterable<RawRow[]> {
  if (path === '-' || gzip) {
    const where = path === '-' ? 'stdin' : 'a gzip file';
    return deferred(() => Promise.reject(new InputError(`cannot read ${path}: Parquet is read by byte ranges, not from ${where}; give the uncompressed file`)));
  }
  return parquetRows(path, path);
}

/**
 * An iterable whose iterator comes from an async `start`, run on the first `next()`. Unlike a
 * wrapping `yield*`, it adds no async step per row once started.
 */
function deferred<T>(start: () => Promise<AsyncIterator<T>>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      let started: AsyncIterator<T> | undefined;
      let starting: Promise<AsyncIterator<T>> | undefined;
      return {
        next: () => started?.next() ?? (starting ??= start()).then((it) => (started = it).next()),
        return: async () => {
          const it = started ?? (starting === undefined ? undefined : await starting);
          await it?.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
