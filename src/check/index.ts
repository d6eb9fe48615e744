/**
 * Threshold checks for `botkpi check`: parse `<kpi>[.<path>] <op> <number>[%]` expressions and
 * evaluate them against a report. An expression states when to FAIL (`containment_rate<0.6` fails
 * when containment drops below 60 %), as in `--fail-if` and the config file's `thresholds`.
 *
 * The path names a statistic the way the tidy rows do (see src/render/flatten.ts): none, or
 * `value`, is the KPI's value (`containment_rate`, `conversations`); `p90`, `bot.p95`,
 * `escalated.mean`, `messages.customer`; a path ending at a rate is that rate's value
 * (`automation_rate.full`, also accepted as `automation_rate.full.value`). `60%` is 0.6 and is
 * allowed only where the statistic is a ratio. `==` and `!=` compare with a relative tolerance of
 * 1e-9; the others compare exactly.
 */
import { UsageError } from '../errors.js';
import type { KpiUnit } from '../kpis/types.js';
import { flattenKpi, kpiMeta, unavailableReason, type StatRow } from '../report/statistics.js';
import { isKpiError } from '../kpis/result.js';
import type { KpiResult, Report } from '../report/types.js';
import { findStatisticInfo, kpiCatalogue, type KpiInfo } from './catalogue.js';
import { suggest } from './suggest.js';

export const OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type Op = (typeof OPS)[number];

export interface Check {
  expression: string;
  kpi: string;
  /** The statistic, as in the tidy rows: `value`, `p90`, `bot.p95`, `full`. */
  path: string;
  op: Op;
  threshold: number;
  /** The threshold was written as a percentage. */
  percent: boolean;
}

export interface CheckResult {
  expression: string;
  kpi: string;
  path: string;
  op: Op;
  threshold: number;
  value: number | null;
  unit: KpiUnit;
  /** True unless the fail-if condition holds (or the value is n/a without --allow-missing). */
  passed: boolean;
  /** The value was n/a and --allow-missing was given: the check did not run. */
  skipped?: true;
  /** Why the value is n/a. */
  reason?: string;
}

export interface CheckSummary {
  checks: CheckResult[];
  /** Every check passed or was skipped. */
  passed: boolean;
  /** What was checked: conversations in scope, and when they started. */
  conversations?: number;
  period?: Report['period'];
  tz?: string;
}

const SYNTAX =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\.[^\s.<>=!]+)*)\s*(<=|>=|==|!=|<|>)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|ms|s|m|h|d)?\s*$/;
const GRAMMAR =
  'expected <kpi>[.<path>] <op> <number>[%|s|m|h|d], e.g. containment_rate<60% or first_response_time.p90>30s (op: < <= > >= == !=)';
/** Seconds per unit of a duration threshold (`30s`, `5m`, `2h`, `1d`, `500ms`). */
const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 };

const fail = (text: string, why: string): never => {
  throw new UsageError(`check "${text}": ${why}`);
};

/** Parses one expression; throws a UsageError (exit 2) saying what is wrong. */
export function parseCheck(text: string, catalogue: readonly KpiInfo[] = kpiCatalogue()): Check {
  const m = SYNTAX.exec(text);
  if (!m) return fail(text, GRAMMAR);
  const [, kpi = '', rawPath = '', op = '<', number = '', suffix = ''] = m;
  const info = catalogue.find((k) => k.id === kpi);
  if (info === undefined) {
    const ids = catalogue.map((k) => k.id);
    const near = suggest(kpi, ids);
    return fail(text, `unknown KPI "${kpi}"${near === undefined ? ` (known: ${ids.join(', ')}; see botkpi kpis)` : ` (did you mean ${near}?)`}`);
  }
  const path = rawPath === '' ? 'value' : rawPath.slice(1);
  const stat = findStatisticInfo(info, path);
  if (stat === undefined) {
    const paths = info.statistics.map((s) => s.path);
    const near = suggest(path, paths);
    const what = path === 'value' ? 'no single value: name a statistic' : `no statistic "${path}"`;
    return fail(text, `${kpi} has ${what} (${near === undefined || path === 'value' ? `one of ${paths.join(', ')}` : `did you mean ${kpi}.${near}?`})`);
  }
  const value = Number(number);
  if (!Number.isFinite(value)) return fail(text, `"${number}" is not a finite number`);
  const where = path === 'value' ? kpi : `${kpi}.${path}`;
  if (suffix === '%' && stat.unit !== 'ratio') return fail(text, `a percentage only applies to rates, and ${where} is in ${stat.unit}`);
  if (suffix !== '%' && suffix !== '' && stat.unit !== 'seconds') {
    return fail(text, `a duration (${number}${suffix}) only applies to times, and ${where} is in ${stat.unit}`);
  }
  if (suffix === '' && stat.unit === 'ratio' && Math.abs(value) > 1) {
    return fail(text, `${where} is a rate from 0 to 1: did you mean ${number}%?`);
  }
  const threshold = suffix === '%' ? value / 100 : suffix === '' ? value : value * (DURATION_UNITS[suffix] as number);
  return { expression: text.trim(), kpi, path, op: op as Op, threshold, percent: suffix === '%' };
}

/** Whether the fail-if condition `value op threshold` holds. */
export function holds(value: number, op: Op, threshold: number): boolean {
  const equal = Math.abs(value - threshold) <= 1e-9 * Math.max(1, Math.abs(threshold));
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '==':
      return equal;
    case '!=':
      return !equal;
  }
}

/** The tidy row a check addresses; a UsageError when the KPI has no such statistic. */
function findStatistic(check: Check, result: KpiResult): Pick<StatRow, 'value' | 'unit' | 'reason'> {
  const rows = flattenKpi(check.kpi, result);
  const names = [check.path, check.path.replace(/\.value$/, '')];
  const row = rows.find((r) => names.includes(r.statistic));
  if (row !== undefined) return row;
  const missing = unavailableReason(result);
  if (missing !== undefined && rows.every((r) => r.value === null)) return { value: null, unit: kpiMeta(check.kpi).unit, reason: missing };
  const known = rows.map((r) => r.statistic).join(', ');
  const what = check.path === 'value' ? 'no single value: name a statistic' : `no statistic "${check.path}"`;
  throw new UsageError(`check "${check.expression}": ${check.kpi} has ${what} (one of ${known})`);
}

export function evaluateCheck(check: Check, report: Pick<Report, 'kpis'>, allowMissing = false): CheckResult {
  const { expression, kpi, path, op, threshold } = check;
  const result = report.kpis[kpi];
  // A KPI that failed fails every check on it, --allow-missing or not.
  if (isKpiError(result)) return { expression, kpi, path, op, threshold, value: null, unit: kpiMeta(kpi).unit, passed: false, reason: result.reason };
  const stat = result === undefined ? { value: null, unit: kpiMeta(kpi).unit, reason: 'not in the report' } : findStatistic(check, result);
  if (check.percent && stat.unit !== 'ratio') throw new UsageError(`check "${expression}": a percentage only applies to rates, and ${kpi}.${path} is in ${stat.unit}`);
  const out: CheckResult = { expression, kpi, path, op, threshold, value: stat.value, unit: stat.unit, passed: false };
  if (stat.value === null) {
    out.reason = stat.reason ?? 'no data';
    if (allowMissing) {
      out.passed = true;
      out.skipped = true;
    }
    return out;
  }
  out.passed = !holds(stat.value, op, threshold);
  return out;
}

export function evaluateChecks(checks: readonly Check[], report: Pick<Report, 'kpis'> & Partial<Report>, allowMissing = false): CheckSummary {
  const results = checks.map((c) => evaluateCheck(c, report, allowMissing));
  const summary: CheckSummary = { checks: results, passed: results.every((r) => r.passed) };
  if (report.dataQuality !== undefined) summary.conversations = report.dataQuality.conversationsInScope;
  if (report.period !== undefined) summary.period = report.period;
  if (report.options !== undefined) summary.tz = report.options.tz;
  return summary;
}
