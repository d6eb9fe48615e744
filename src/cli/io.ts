import { AtomicFile, pieces, WRITE_SIZE, type Output } from '../app/files.js';

export type { Output } from '../app/files.js';

/** The process surface the CLI uses, injectable for in-process tests. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** The working directory: where botkpi.config.json is looked for and `init` writes. */
  cwd: string;
}

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
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
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

/** Writes data to a file (atomically: see AtomicFile), or to stdout when no file is given. */
export async function writeOutput(io: Io, output: Output, path: string | undefined): Promise<void> {
  if (toStdout(path)) return writeStream(io.stdout, output);
  const file = await AtomicFile.create(path as string);
  await file.write(output);
  await file.commit();
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
