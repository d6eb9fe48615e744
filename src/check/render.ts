/** Output of `botkpi check`: a table of checks with value and verdict, or JSON. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatByUnit, formatPercent, NA } from '../render/format.js';
import { sanitize } from '../render/table.js';
import type { CheckResult, CheckSummary } from './index.js';

/** `{checks: [{expression, kpi, path, op, threshold, value, unit, passed, skipped?, reason?}], passed}`. */
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
  return `${table.toString()}\n${summary.passed ? c.green(summaryLine(summary)) : c.red(summaryLine(summary))}\n`;
}
