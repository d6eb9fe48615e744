/** The files a run writes (the report, `--rejects`): checked before anything is read, written whole or not at all. */
import { randomBytes } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/** What is written: one string, or pieces of it in order (large outputs are never one string). */
export type Output = string | Iterable<string>;

export const pieces = (output: Output): Iterable<string> => (typeof output === 'string' ? [output] : output);

/** Batches small pieces into writes of about this many characters. */
export const WRITE_SIZE = 1 << 16;

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
