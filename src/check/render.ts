/** Output of `botkpi check`: a table of checks with value and verdict, or JSON. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatByUnit, formatInt, formatPercent, NA } from '../render/format.js';
import { periodText } from '../render/summary.js';
import { sanitize } from '../render/table.js';
import type { CheckResult, CheckSummary } from './index.js';

/**
 * `{checks: [{expression, kpi, path, op, threshold, value, unit, passed, skipped?, reason?}], passed,
 * conversations, period: {first, last}, tz}`.
 */
export function renderCheckJson(summary: CheckSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

export const verdict = (r: CheckResult): 'pass' | 'FAIL' | 'skipped' => (r.skipped ? 'skipped' : r.passed ? 'pass' : 'FAIL');

export function summaryLine(summary: CheckSummary): string {
  const count = (v: string): number => summary.checks.filter((r) => verdict(r) === v).length;
  const [passed, failed, skipped] = [count('pass'), count('FAIL'), count('skipped')];
  const parts = [`${passed} passed`, `${failed} failed`, ...(skipped > 0 ? [`${skipped} skipped (n/a)`] : [])];
  return `${summary.passed ? 'OK' : 'FAILED'}: ${parts.join(', ')}`;
}

/** `checked 200 conversations · data 2025-01-06 00:00 – 2025-01-19 23:00 (UTC)`. */
export function scopeLine(summary: CheckSummary): string | undefined {
  if (summary.conversations === undefined || summary.period === undefined) return undefined;
  const n = `checked ${formatInt(summary.conversations)} conversation${summary.conversations === 1 ? '' : 's'}`;
  return `${n} · ${periodText({ period: summary.period, options: { tz: summary.tz ?? 'UTC' } })}`;
}

export function renderCheckTable(summary: CheckSummary, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: ['fail if', 'value', 'verdict'].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'left'],
    style: { head: [], border: [], compact: true },
  });
  for (const r of summary.checks) {
    const value = r.value === null ? c.dim(`${NA} — ${sanitize(r.reason ?? 'no data')}`) : r.unit === 'ratio' ? formatPercent(r.value, 2) : formatByUnit(r.unit, r.value);
    const v = verdict(r);
    const paint = v === 'pass' ? c.green : v === 'FAIL' ? c.red.bold : c.dim;
    table.push([sanitize(r.expression), value, paint(v)]);
  }
  const scope = scopeLine(summary);
  return `${scope === undefined ? '' : `${c.dim(scope)}\n`}${table.toString()}\n${summary.passed ? c.green(summaryLine(summary)) : c.red(summaryLine(summary))}\n`;
}
