/**
 * The read stage: one source (file, stdin or string) → a stream of RawRow, never the whole input
 * in memory. JSONL, CSV and TSV, each optionally gzip-compressed.
 */
import { Readable } from 'node:stream';
import type { RawRow } from '../model.js';
import { csvRows } from './csv.js';
import { jsonlRows } from './jsonl.js';
import { gunzip, isGzip, openSource, peek, sniffFormat, type Chunks, type InputFormat } from './source.js';

export { InputError, type InputFormat } from './source.js';

const FORMATS = new Map<string, InputFormat>([
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['json-lines', 'jsonl'],
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['tab', 'tsv'],
]);

/** Format and gzip from the file name: .jsonl/.ndjson/.json-lines → jsonl, .csv → csv, .tsv/.tab → tsv, each optionally with .gz. `-` or unknown extension → undefined format. */
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
}

/**
 * Streams the rows of one source in batches (a few hundred rows as they come from one chunk of the
 * file), never loading the whole file into memory. Batches keep the per-row cost of async
 * iteration out of the hot path.
 */
export function readBatches(path: string, options: ReadOptions = {}): AsyncIterable<RawRow[]> {
  const detected = detectFormat(path);
  return rows(openSource(path, options.stdin, options.onBytes), path, options.format ?? detected.format, detected.gzip);
}

/** The rows of one source, one at a time. */
export async function* readRows(path: string, options: ReadOptions = {}): AsyncGenerator<RawRow> {
  for await (const batch of readBatches(path, options)) yield* batch;
}

/** Convenience for tests and the library: rows from an in-memory string. */
export async function* readRowsFromString(text: string, format: InputFormat, file = '<string>'): AsyncGenerator<RawRow> {
  for await (const batch of rows(Readable.from([Buffer.from(text)]), file, format, false)) yield* batch;
}

/** Finds gzip and the format from the first bytes, then reads rows in that format. */
function rows(source: Chunks, file: string, format: InputFormat | undefined, gzipByName: boolean): AsyncIterable<RawRow[]> {
  return deferred(async () => {
    // Gzip by extension, or by its magic bytes whatever the name (stdin, unknown extension).
    let { head, chunks } = await peek(source, (bytes) => bytes.length >= 2);
    if (gzipByName || isGzip(head)) chunks = gunzip(chunks, file);
    if (format === undefined) {
      ({ head, chunks } = await peek(chunks, (bytes) => sniffFormat(bytes, false) !== undefined));
      format = sniffFormat(head, true);
    }
    return format === 'jsonl' ? jsonlRows(chunks, file) : csvRows(chunks, file, format === 'tsv');
  });
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
