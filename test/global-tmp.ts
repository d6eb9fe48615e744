/**
 * Vitest global setup: every temporary file of a test run (the tests' own and those of the botkpi
 * processes they start) goes under one folder made for the run, removed when the run ends — the
 * suite leaves no temporary folders behind, even when a test fails before its own cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'botkpi-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
