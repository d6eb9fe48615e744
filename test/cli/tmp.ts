import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for one test file, removed when its tests are done. */
export function tempDir(): { dir: string; file: (name: string, content?: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'botkpi-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    },
  };
}

/** JSON Lines from objects. */
export const jsonl = (rows: readonly object[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
