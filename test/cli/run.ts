import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reportSchema } from '../../src/report/types.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/botkpi.js', import.meta.url));
export const fixture = (p: string): string => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would (no colour, no TTY), optionally feeding stdin. */
export function botkpi(args: readonly string[], options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Runs `botkpi report … --format json` and parses the report, which must validate against the
 * published report schema (`botkpi schema report`) with nothing undeclared in it.
 */
export async function reportJson(args: readonly string[]): Promise<{ report: ReportJson; result: RunResult }> {
  const result = await botkpi(['report', ...args, '--format', 'json']);
  if (result.code !== 0) throw new Error(`botkpi exited ${result.code}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as ReportJson;
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`the report does not match its schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return { report, result };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReportJson = any;

/**
 * Asserts that every key of `expected` is in `actual` with the same value (numbers to 1e-9;
 * arrays element by element). Returns the list of differences (empty when equal).
 */
export function subsetDiff(expected: unknown, actual: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)) ? [] : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (expected === null || typeof expected !== 'object') {
    return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) {
    return [`${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`];
  }
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) =>
    subsetDiff(v, (actual as Record<string, unknown>)[k], `${path}.${k}`),
  );
}
