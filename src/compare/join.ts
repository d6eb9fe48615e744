/**
 * Joins the tidy rows of two reports' KPIs (kpi + statistic) into comparison rows: old and new
 * value, their difference and, for rates, the two-proportion z-test (see stats.ts).
 *
 * Rows follow the new report's order, then statistics only the old report has. `delta` is new − old
 * (null when either is null); for shares (rates, and precision, recall, F1, shares of conversations)
 * `delta_pp` is the same in percentage points. Other ratios (ROI, a margin) have no `delta_pp`.
 * `z` and `p_value` appear only on rates (rows with numerator and denominator on both sides) where
 * the test is defined; `significant` is true/false there and null everywhere else: a non-rate
 * statistic (mean, percentile, count, money, score) has no test here, so its significance is null.
 */
import type { KpiUnit } from '../kpis/types.js';
import { flattenKpis, isRateKpi, type StatRow } from '../report/statistics.js';
import type { KpiResult } from '../report/types.js';
import { twoProportionZTest } from './stats.js';

export interface CompareRow {
  kpi: string;
  statistic: string;
  unit: KpiUnit;
  old: number | null;
  new: number | null;
  delta: number | null;
  delta_pp?: number | null;
  z?: number;
  p_value?: number;
  significant: boolean | null;
}

/** Statistics that are shares of a whole without being rates (precision, a share of conversations): changes in points. */
const SHARE_KEYS = /(^|\.)(share|precision|recall|f1|macro_precision|macro_recall|macro_f1)$/;

const key = (r: StatRow): string => `${r.kpi}\u0000${r.statistic}`;

export function compareRow(old: StatRow | undefined, neu: StatRow | undefined): CompareRow {
  const base = (neu ?? old) as StatRow;
  const before = old?.value ?? null;
  const after = neu?.value ?? null;
  const delta = before === null || after === null ? null : after - before;
  const row: CompareRow = { kpi: base.kpi, statistic: base.statistic, unit: base.unit, old: before, new: after, delta, significant: null };
  const counts = (r: StatRow | undefined): [number, number] | undefined =>
    r?.numerator !== undefined && r.denominator !== undefined ? [r.numerator, r.denominator] : undefined;
  const a = counts(old);
  const b = counts(neu);
  const rate = a !== undefined || b !== undefined || (base.statistic === 'value' && isRateKpi(base.kpi));
  if (base.unit === 'ratio' && (rate || SHARE_KEYS.test(base.statistic))) {
    row.delta_pp = delta === null ? null : delta * 100;
  }
  const test = a && b ? twoProportionZTest(a[0], a[1], b[0], b[1]) : null;
  if (test !== null) Object.assign(row, test);
  return row;
}

export function joinKpis(oldKpis: Record<string, KpiResult>, newKpis: Record<string, KpiResult>): CompareRow[] {
  const olds = new Map(flattenKpis(oldKpis).map((r) => [key(r), r]));
  const news = flattenKpis(newKpis);
  const rows = news.map((r) => compareRow(olds.get(key(r)), r));
  const seen = new Set(news.map(key));
  for (const [k, r] of olds) if (!seen.has(k)) rows.push(compareRow(r, undefined));
  return rows;
}
