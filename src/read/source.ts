/**
 * Byte sources: a file or stdin as an async iterable of Buffers, with gzip and format sniffing.
 * Every IO or decompression error comes out as an InputError naming the file.
 */
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type InputFormat = 'jsonl' | 'csv' | 'tsv';
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

/**
 * Guesses the format from the first bytes: first non-blank character `{` → jsonl; otherwise csv,
 * or tsv when the first line has a tab and no comma. `undefined` = more bytes needed.
 */
export function sniffFormat(head: Buffer, complete: boolean): InputFormat | undefined {
  const text = head.toString('utf8');
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) return complete || head.length >= SNIFF_LIMIT ? 'jsonl' : undefined; // empty: any format yields nothing
  if (text[start] === '{') return 'jsonl';
  const end = text.indexOf('\n', start);
  if (end === -1 && !complete && head.length < SNIFF_LIMIT) return undefined;
  const firstLine = text.slice(start, end === -1 ? undefined : end);
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
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
