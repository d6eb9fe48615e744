/**
 * `botkpi compare`: two reports side by side, statistic by statistic, with a significance test on
 * every rate. The JSON shape (schemaVersion 1):
 *
 *     {schemaVersion: 1, old: {label, since, until}, new: {label, since, until}, currency?,
 *      changes: [{kpi, statistic, unit, old, new, delta, better}],
 *      rows: [{kpi, statistic, unit, old, new, delta, delta_pp?, z?, p_value?, significant}]}
 *
 * See join.ts for the rows and stats.ts for the test.
 */
import { UsageError } from '../errors.js';
import type { KpiResult } from '../report/types.js';
import { KPIS } from '../kpis/registry.js';
import { joinKpis, type CompareRow } from './join.js';

const KPI_BY_ID = new Map(KPIS.map((k) => [k.id, k]));

export type { CompareRow } from './join.js';

export interface Side {
  label: string;
  since: string | null;
  until: string | null;
}

/** A significant change of a KPI's value, and whether it is for the better by the KPI's direction. */
export interface Change {
  kpi: string;
  statistic: string;
  unit: CompareRow['unit'];
  old: number | null;
  new: number | null;
  delta: number | null;
  delta_pp?: number | null;
  /** null for a KPI without a better direction, or a part of a KPI. */
  better: boolean | null;
}

export interface Comparison {
  schemaVersion: 1;
  old: Side;
  new: Side;
  /** The base currency of both reports' money (`USD`), when known. */
  currency?: string;
  /** The significant changes, the first thing a reader wants. */
  changes: Change[];
  rows: CompareRow[];
}

/** The significant rows, with better/worse by the KPI's direction (for the KPI's own value). */
export function significantChanges(rows: readonly CompareRow[]): Change[] {
  return rows
    .filter((r) => r.significant === true)
    .map((r) => {
      const direction = KPI_BY_ID.get(r.kpi)?.direction ?? 'neutral';
      const better = r.statistic !== 'value' || direction === 'neutral' || r.delta === null ? null : (r.delta > 0) === (direction === 'higher');
      const change: Change = { kpi: r.kpi, statistic: r.statistic, unit: r.unit, old: r.old, new: r.new, delta: r.delta, better };
      if (r.delta_pp !== undefined) change.delta_pp = r.delta_pp;
      return change;
    });
}

const SETTING_KEYS = ['tz', 'baseCurrency', 'where', 'settings'] as const;

/**
 * Settings in which two reports differ (`csatScale 5 → 10`), from their `options` blocks; empty
 * when they agree or a report does not say.
 */
export function settingDifferences(old: ReportLike, neu: ReportLike): string[] {
  const a = old.options as Record<string, unknown> | undefined;
  const b = neu.options as Record<string, unknown> | undefined;
  if (a === undefined || b === undefined) return [];
  const out: string[] = [];
  const text = (x: unknown): string => JSON.stringify(x ?? null);
  for (const key of SETTING_KEYS) {
    const [x, y] = [a[key], b[key]];
    if (x === undefined || y === undefined) continue;
    if (key === 'settings' && isObject(x) && isObject(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (text(x[k]) !== text(y[k])) out.push(`${k} ${text(x[k])} → ${text(y[k])}`);
      }
    } else if (text(x) !== text(y)) out.push(`${key} ${text(x)} → ${text(y)}`);
  }
  return out;
}

/** What compare needs from a report: its KPIs and, for the labels, the scope it was made for. */
export interface ReportLike {
  kpis: Record<string, KpiResult>;
  options?: { since?: unknown; until?: unknown; baseCurrency?: unknown };
}

export function compareReports(oldLabel: string, old: ReportLike, newLabel: string, neu: ReportLike): Comparison {
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  const side = (label: string, r: ReportLike): Side => ({ label, since: text(r.options?.since), until: text(r.options?.until) });
  const rows = joinKpis(old.kpis, neu.kpis);
  const currency = text(neu.options?.baseCurrency) ?? text(old.options?.baseCurrency);
  return {
    schemaVersion: 1,
    old: side(oldLabel, old),
    new: side(newLabel, neu),
    ...(currency === null ? {} : { currency }),
    changes: significantChanges(rows),
    rows,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A saved `botkpi report --format json` (schemaVersion 1); a UsageError saying what is wrong otherwise. */
export function parseSavedReport(text: string, name: string): ReportLike {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${name}: not a JSON report (${(err as Error).message})`);
  }
  if (!isObject(json) || !('schemaVersion' in json)) throw new UsageError(`${name}: not a botkpi JSON report (no schemaVersion)`);
  if (json.schemaVersion !== 1) {
    throw new UsageError(`${name}: report schemaVersion ${JSON.stringify(json.schemaVersion)} is not supported (expected 1)`);
  }
  const { kpis, options } = json;
  if (!isObject(kpis) || !Object.values(kpis).every(isObject)) throw new UsageError(`${name}: the report has no "kpis" object`);
  return { kpis: kpis as Record<string, KpiResult>, ...(isObject(options) ? { options } : {}) };
}
