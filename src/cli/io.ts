import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

/** The process surface the CLI uses, injectable for in-process tests. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function useColor(io: Io, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false || toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** Writes data to a file, or to stdout when no file is given. */
export async function writeOutput(io: Io, text: string, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    await new Promise<void>((resolve, reject) => io.stdout.write(text, (err) => (err ? reject(err) : resolve())));
  } else {
    await writeFile(path, text, 'utf8');
  }
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
