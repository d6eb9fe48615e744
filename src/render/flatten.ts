/**
 * Turns KPI results into tidy rows (one number each), by shape, so a new KPI needs no change here.
 *
 * - A rate (has numerator and denominator) is one row: statistic `value` at the top level, else its
 *   path (`full`, `positive`, `intent.billing.containment_rate`), with numerator, denominator and CI.
 * - Every other number is one row named by its path: `mean`, `p50`, `bot.p50`, `messages.customer`.
 * - An array of labelled objects is one group of rows per element: `per_intent.<intent>.f1`; the
 *   intents table (`intents.rows`) is `intent.<label>.share`, a missing label being `(none)`.
 * - A weekday × hour grid (`volume_heatmap.cells`, 7 rows of 24) is one row per cell, `cells.Mon.09`;
 *   beside the numbers of its peak, `peak.weekday` is the peak's ISO weekday number (1 = Mon … 7 = Sun).
 * - A result with nothing numeric (a null KPI with a reason) is one row `value` = null with the reason.
 *
 * A null number carries the nearest reason. Units: rates are `ratio`; counts `count`; the mean and
 * percentiles of a distribution `seconds`; amounts named `*_cost`, `*_revenue`, `*_savings` `money`;
 * anything else the KPI's unit.
 */
import type { KpiUnit } from '../kpis/types.js';
import type { KpiResult } from '../report/types.js';
import { isDistribution, isObject, isRate, kpiMeta, type Obj } from './meta.js';

export interface StatRow {
  kpi: string;
  statistic: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  ci_low?: number;
  ci_high?: number;
  unit: KpiUnit;
  reason?: string;
}

/** Label for a missing intent / group value. */
export const NONE_LABEL = '(none)';

const RATE_KEYS = new Set(['value', 'numerator', 'denominator', 'ci95', 'reason']);
const DISTRIBUTION_STATS = new Set(['mean', 'p50', 'p90', 'p95']);
const DISTRIBUTION_ORDER = ['mean', 'p50', 'p90', 'p95', 'count'];
const LABEL_KEYS = ['intent', 'label', 'name', 'id'];

/** Units of well-known statistic names, whatever the KPI's unit. */
const KEY_UNITS: Record<string, KpiUnit> = {
  count: 'count',
  support: 'count',
  predicted: 'count',
  conversations: 'count',
  botEngaged: 'count',
  customers: 'count',
  share: 'ratio',
  precision: 'ratio',
  recall: 'ratio',
  f1: 'ratio',
  macro_precision: 'ratio',
  macro_recall: 'ratio',
  macro_f1: 'ratio',
  handling_time_mean: 'seconds',
  kappa: 'score',
  kappa_se: 'score',
  both_correct: 'count',
  answer_only_correct: 'count',
  judge_only_correct: 'count',
  both_incorrect: 'count',
};

/** Amounts beside a KPI of another unit (roi's `bot_cost`, `attributed_revenue`) are money. */
const MONEY_KEY = /(^|_)(cost|revenue|savings)$/;

/** The unit of the number under `key` in `container`, for a KPI whose unit is `kpiUnit`. */
export function statisticUnit(key: string, container: Obj, kpiUnit: KpiUnit): KpiUnit {
  const known = KEY_UNITS[key];
  if (known !== undefined) return known;
  if (MONEY_KEY.test(key)) return 'money';
  if (kpiUnit === 'count') return 'count';
  if (isDistribution(container) && DISTRIBUTION_STATS.has(key)) return 'seconds';
  return kpiUnit === 'table' ? 'score' : kpiUnit;
}

/** A distribution's statistics in the order mean, p50, p90, p95, count, then the rest as they come. */
function orderedEntries(obj: Obj): [string, unknown][] {
  const entries = Object.entries(obj);
  if (!isDistribution(obj)) return entries;
  const rank = (key: string): number => {
    const i = DISTRIBUTION_ORDER.indexOf(key);
    return i === -1 ? DISTRIBUTION_ORDER.length : i;
  };
  return entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i).map(({ e }) => e);
}

const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 7 rows (Mon … Sun) of 24 numbers (hours). */
const isWeekHourGrid = (v: unknown): v is number[][] =>
  Array.isArray(v) && v.length === 7 && v.every((row) => Array.isArray(row) && row.length === 24 && row.every((x) => typeof x === 'number'));

function walk(kpi: string, obj: Obj, prefix: string, kpiUnit: KpiUnit, inherited: string | undefined, rows: StatRow[], skip?: string): void {
  const reason = typeof obj.reason === 'string' ? obj.reason : inherited;
  const path = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const rate = isRate(obj);
  if (rate) {
    const row: StatRow = {
      kpi,
      statistic: prefix === '' ? 'value' : prefix,
      value: finite(obj.value),
      numerator: obj.numerator,
      denominator: obj.denominator,
      unit: 'ratio',
    };
    if (obj.ci95) [row.ci_low, row.ci_high] = obj.ci95;
    if (row.value === null && reason !== undefined) row.reason = reason;
    rows.push(row);
  }
  for (const [key, v] of orderedEntries(obj)) {
    if (key === 'reason' || key === skip || (rate && RATE_KEYS.has(key))) continue;
    if (key === 'weekday' && typeof v === 'string' && WEEKDAYS.includes(v)) {
      rows.push({ kpi, statistic: path(key), value: WEEKDAYS.indexOf(v) + 1, unit: 'count' });
    } else if (isWeekHourGrid(v)) {
      v.forEach((hours, d) =>
        hours.forEach((n, h) => rows.push({ kpi, statistic: `${path(key)}.${WEEKDAYS[d] as string}.${h < 10 ? `0${h}` : h}`, value: n, unit: 'count' })),
      );
    } else if (typeof v === 'number' || v === null) {
      const row: StatRow = { kpi, statistic: path(key), value: finite(v), unit: statisticUnit(key, obj, kpiUnit) };
      if (row.value === null && reason !== undefined) row.reason = reason;
      rows.push(row);
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        if (!isObject(item)) continue;
        const labelKey = LABEL_KEYS.find((k) => typeof item[k] === 'string' || (k in item && item[k] === null));
        const label = labelKey === undefined ? String(i) : ((item[labelKey] as string | null) ?? NONE_LABEL);
        // `intents.rows` reads better as `intent.<label>` than `rows.<label>`.
        const base = key === 'rows' && labelKey !== undefined ? labelKey : key;
        walk(kpi, item, `${path(base)}.${label}`, kpiUnit, reason, rows, labelKey);
      }
    } else if (isObject(v)) {
      walk(kpi, v, path(key), kpiUnit, reason, rows);
    }
  }
}

/** Flattens one result (see the module comment). */
export function flattenKpi(id: string, result: KpiResult): StatRow[] {
  const rows: StatRow[] = [];
  const obj = result as unknown as Obj;
  walk(id, obj, '', kpiMeta(id, result).unit, undefined, rows);
  if (rows.length === 0) {
    const row: StatRow = { kpi: id, statistic: 'value', value: null, unit: kpiMeta(id, result).unit };
    if (typeof obj.reason === 'string') row.reason = obj.reason;
    rows.push(row);
  }
  return rows;
}

/** Flattens every result, in the report's KPI order. */
export function flattenKpis(kpis: Record<string, KpiResult>): StatRow[] {
  return Object.entries(kpis).flatMap(([id, result]) => flattenKpi(id, result));
}
