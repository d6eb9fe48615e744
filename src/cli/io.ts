import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** The process surface the CLI uses, injectable for in-process tests. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** What a command writes: one string, or pieces of it in order (large outputs are never one string). */
export type Output = string | Iterable<string>;

/** The reader of stdout went away (`botkpi … | head`): the run ends quietly with status 0. */
export class ClosedPipe extends Error {
  override name = 'ClosedPipe';
}

const isClosedPipe = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

export const processIo = (): Io => {
  // Without a listener, an EPIPE on a closed pipe is an uncaught 'error' event with a stack trace.
  // The write callbacks see the error and end the run; these listeners only keep it from crashing.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
};

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function useColor(io: Io, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false || toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** True when the output goes to stdout (no -o, or -o -). */
export const toStdout = (path: string | undefined): boolean => path === undefined || path === '-';

const pieces = (output: Output): Iterable<string> => (typeof output === 'string' ? [output] : output);

/** Batches small pieces into writes of about this many characters. */
const WRITE_SIZE = 1 << 16;

async function writeStream(stream: NodeJS.WritableStream, output: Output): Promise<void> {
  let failed: unknown;
  const onError = (err: unknown): void => {
    failed ??= err;
  };
  stream.on('error', onError);
  try {
    let buffer = '';
    const flush = async (text: string): Promise<void> => {
      if (failed !== undefined) throw failed;
      await new Promise<void>((resolve, reject) => {
        stream.write(text, (err) => (err ? reject(err) : resolve()));
      });
    };
    for (const piece of pieces(output)) {
      buffer += piece;
      if (buffer.length >= WRITE_SIZE) {
        const text = buffer;
        buffer = '';
        await flush(text);
      }
    }
    if (buffer !== '') await flush(buffer);
  } catch (err) {
    if (isClosedPipe(err)) throw new ClosedPipe('stdout closed', { cause: err });
    throw err;
  } finally {
    stream.off('error', onError);
  }
}

/**
 * Control characters other than tab and line breaks (ESC starts terminal escape sequences: a
 * title change, a cleared screen) written as `\xNN`, for data text shown on a terminal.
 */
export function* terminalSafe(chunks: Iterable<string>): Generator<string> {
  for (const chunk of chunks) {
    yield chunk.replace(/(?![\t\n\r])\p{Cc}/gu, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EFBIG: 'file too large',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOENT: 'no such directory',
  EISDIR: 'is a directory',
};

function writeError(path: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code === undefined ? undefined : WRITE_REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
  return new UsageError(`cannot write ${path}: ${reason}`, { cause: err });
}

/** Writes all of `text`: a write may take only part of it (a full disk, a file-size limit). */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    at += bytesWritten;
  }
}

/** Writes pieces to an open file handle. */
async function writePieces(handle: FileHandle, output: Output): Promise<void> {
  let buffer = '';
  for (const piece of pieces(output)) {
    buffer += piece;
    if (buffer.length >= WRITE_SIZE) {
      await writeAll(handle, buffer);
      buffer = '';
    }
  }
  if (buffer !== '') await writeAll(handle, buffer);
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * A file that is being written: a temporary file beside the target, renamed over it by `commit`,
 * so the target is either the old file or the complete new one, never a part. A target that is not
 * a regular file (/dev/stdout, a FIFO, /dev/full) is written in place.
 */
export class AtomicFile {
  private constructor(
    readonly path: string,
    private readonly temp: string | undefined,
    private readonly handle: FileHandle,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const existing = await statOrUndefined(path);
    try {
      if (existing !== undefined && !existing.isFile()) return new AtomicFile(path, undefined, await open(path, 'w'));
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      return new AtomicFile(path, temp, await open(temp, 'wx', existing === undefined ? 0o666 : existing.mode & 0o777));
    } catch (err) {
      throw writeError(path, err);
    }
  }

  async write(output: Output): Promise<void> {
    try {
      await writePieces(this.handle, output);
    } catch (err) {
      await this.abort();
      throw writeError(this.path, err);
    }
  }

  /** Closes the file and puts it in place. */
  async commit(): Promise<void> {
    try {
      await this.handle.close();
      if (this.temp !== undefined) await rename(this.temp, this.path);
    } catch (err) {
      await this.abort();
      throw writeError(this.path, err);
    }
  }

  /** Drops the temporary file; the target keeps what it had. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    if (this.temp !== undefined) await unlink(this.temp).catch(() => {});
  }
}

/** Writes data to a file (atomically: see AtomicFile), or to stdout when no file is given. */
export async function writeOutput(io: Io, output: Output, path: string | undefined): Promise<void> {
  if (toStdout(path)) return writeStream(io.stdout, output);
  const file = await AtomicFile.create(path as string);
  await file.write(output);
  await file.commit();
}

function statSyncOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks an output path before any input is read: its directory exists, it is not a directory,
 * and it is none of the input files (writing it would destroy the input). `flag` names the option
 * in messages (`-o`, `--rejects`).
 */
export function checkOutputPath(flag: string, path: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (path === undefined || path === '-' || path === '') return;
  const dir = dirname(path);
  const dirStats = statSyncOrUndefined(dir);
  if (dirStats === undefined) throw new UsageError(`${flag} ${path}: no such directory ${dir}`);
  if (!dirStats.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`);
  const target = statSyncOrUndefined(path);
  if (target === undefined) return;
  if (target.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory`);
  if (!target.isFile()) return; // a device or FIFO is never an input file's contents
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    const s = statSyncOrUndefined(input);
    if (s !== undefined && s.dev === target.dev && s.ino === target.ino) {
      throw new UsageError(`${flag} ${path}: is an input file (${input}); refusing to overwrite it`);
    }
  }
}

/** Columns the output may use: the terminal's width, else COLUMNS, else 80. */
export function outputWidth(io: Io): number {
  if (io.stdout.isTTY === true && typeof io.stdout.columns === 'number' && io.stdout.columns > 0) return io.stdout.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : 80;
}

export function warn(io: Io, message: string): void {
  io.stderr.write(`botkpi: ${message}\n`);
}

let cachedVersion: string | undefined;
export function version(): string {
  cachedVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cachedVersion;
}
