/**
 * `botkpi compare`: two reports side by side, statistic by statistic, with a significance test on
 * every rate. The JSON shape (schemaVersion 1):
 *
 *     {schemaVersion: 1, old: {label, since, until}, new: {label, since, until},
 *      rows: [{kpi, statistic, unit, old, new, delta, delta_pp?, z?, p_value?, significant}]}
 *
 * See join.ts for the rows and stats.ts for the test.
 */
import { UsageError } from '../errors.js';
import type { KpiResult } from '../report/types.js';
import { joinKpis, type CompareRow } from './join.js';

export type { CompareRow } from './join.js';

export interface Side {
  label: string;
  since: string | null;
  until: string | null;
}

export interface Comparison {
  schemaVersion: 1;
  old: Side;
  new: Side;
  rows: CompareRow[];
}

/** What compare needs from a report: its KPIs and, for the labels, the scope it was made for. */
export interface ReportLike {
  kpis: Record<string, KpiResult>;
  options?: { since?: unknown; until?: unknown };
}

export function compareReports(oldLabel: string, old: ReportLike, newLabel: string, neu: ReportLike): Comparison {
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  const side = (label: string, r: ReportLike): Side => ({ label, since: text(r.options?.since), until: text(r.options?.until) });
  return { schemaVersion: 1, old: side(oldLabel, old), new: side(newLabel, neu), rows: joinKpis(old.kpis, neu.kpis) };
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
