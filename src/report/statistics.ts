/**
 * KPI results as tidy statistics (one number each), read through each KPI's declared result schema:
 * units come from the schema's numbers, shapes from its objects, so a new KPI needs no change here.
 *
 * - A rate is one row: statistic `value` at the top level, else its path (`full`, `positive`,
 *   `intent.billing.containment_rate`), with numerator, denominator and CI.
 * - Every other number is one row named by its path: `mean`, `p50`, `bot.p50`, `messages.customer`.
 * - Rows (an array of labelled objects) are one group of statistics per row: `per_intent.<intent>.f1`;
 *   a `rows` array is named by its label (`intent.<label>.share`), a missing label being `(none)`.
 * - A weekday × hour grid is one row per cell, `cells.Mon.09`; a weekday (`peak.weekday`) is its
 *   ISO weekday number (1 = Mon … 7 = Sun).
 * - A result with nothing numeric (a null KPI with a reason) is one row `value` = null with the reason.
 *
 * A null number carries the nearest reason. A result of a KPI this version does not know (a saved
 * report of another version) is read by shape: rates by their counts, `count` a count, every other
 * number a score.
 */
import type { z } from 'zod';
import { KPIS } from '../kpis/registry.js';
import { isKpiError, metaOf, type ResultMeta, type Unit } from '../kpis/result.js';
import type { AnyKpi, KpiDirection, KpiMeta } from '../kpis/types.js';
import type { KpiResult } from './types.js';

export interface StatRow {
  kpi: string;
  statistic: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  ci_low?: number;
  ci_high?: number;
  unit: Unit;
  reason?: string;
}

/** Label for a missing intent / group value. */
export const NONE_LABEL = '(none)';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export type Obj = Record<string, unknown>;
export const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

// ---------------------------------------------------------------------------------------------
// Schema introspection

type Node = z.ZodType;
interface Def {
  type: string;
}

/** A schema without its optional/nullable wrappers, and the meta of all of them (outer first, inner wins). */
export function unwrap(schema: Node): { core: Node; meta: ResultMeta } {
  let core = schema;
  let meta: ResultMeta = { ...metaOf(core) };
  for (;;) {
    const type = (core.def as Def).type;
    if (type !== 'optional' && type !== 'nullable') break;
    core = (core as unknown as { unwrap(): Node }).unwrap();
    meta = { ...meta, ...metaOf(core) };
  }
  return { core, meta };
}

const typeOf = (schema: Node): string => (schema.def as Def).type;
/** The properties of an object schema, in declaration order. */
export const propertiesOf = (schema: Node): [string, Node][] =>
  typeOf(schema) === 'object' ? Object.entries((schema as unknown as { shape: Record<string, Node> }).shape) : [];
const elementOf = (schema: Node): Node => (schema as unknown as { element: Node }).element;

/** Registry metadata by id. */
const BY_ID = new Map<string, AnyKpi>(KPIS.map((k) => [k.id, k]));

/** A KPI's metadata; a KPI this version does not know gets a title equal to its id and no schema. */
export function kpiMeta(id: string): Omit<KpiMeta, 'result' | 'requires' | 'description'> & { result?: Node; direction: KpiDirection } {
  const known = BY_ID.get(id);
  if (known !== undefined) return known;
  return { id, title: id, unit: 'score', direction: 'neutral' };
}

/** The KPI's result is a rate (its `value` is one), as it declares. */
export const isRateKpi = (id: string): boolean => {
  const schema = BY_ID.get(id)?.result;
  return schema !== undefined && metaOf(schema).shape === 'rate';
};

/** The statistic is a cell of a grid (`volume_heatmap.cells.Mon.09`), as the KPI's schema declares. */
export function isGridCell(id: string, statistic: string): boolean {
  const schema = BY_ID.get(id)?.result;
  if (schema === undefined) return false;
  const key = statistic.split('.')[0];
  const node = propertiesOf(unwrap(schema).core).find(([k]) => k === key)?.[1];
  return node !== undefined && unwrap(node).meta.shape === 'grid';
}

/** Registered KPIs in report order. */
export const kpiMetas = (): readonly AnyKpi[] => KPIS;

/**
 * The schema a result was built by: the KPI's declared result, else (an n/a or error result, or a
 * KPI this version does not know) undefined.
 */
export function schemaFor(id: string, result: unknown): Node | undefined {
  const schema = BY_ID.get(id)?.result;
  if (schema === undefined || isKpiError(result)) return undefined;
  if (metaOf(schema).shape === 'rate' || metaOf(schema).shape === 'distribution') return schema;
  return schema.safeParse(result).success ? schema : undefined;
}

// ---------------------------------------------------------------------------------------------
// Shapes of values

/** Has a numerator and a denominator. */
export const isRateValue = (x: unknown): x is Obj & { value: number | null; numerator: number; denominator: number; ci95: [number, number] | null } =>
  isObject(x) && typeof x.numerator === 'number' && typeof x.denominator === 'number';

/** A distribution of times: has percentiles. */
export const isDistributionValue = (x: unknown): x is Obj & { mean: number | null; count: number } => isObject(x) && 'p50' in x && 'count' in x;

/** The result's top-level number is null (nothing to show); its reason, if any. */
export function unavailableReason(result: unknown): string | undefined {
  if (!isObject(result)) return undefined;
  const reason = typeof result.reason === 'string' ? result.reason : undefined;
  if (isDistributionValue(result)) return result.mean === null ? (reason ?? 'no data') : undefined;
  if ('value' in result) return result.value === null ? (reason ?? 'no data') : undefined;
  return reason;
}

// ---------------------------------------------------------------------------------------------
// Flattening

/** Keys that may label a row of a KPI this version does not know. */
const LABEL_KEYS = ['intent', 'label', 'name', 'id'];
const RATE_KEYS = new Set(['value', 'numerator', 'denominator', 'ci95', 'reason']);
const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);
const two = (h: number): string => (h < 10 ? `0${h}` : `${h}`);

function rateRow(kpi: string, statistic: string, obj: Obj & { value: number | null; numerator: number; denominator: number; ci95?: unknown }, reason: string | undefined): StatRow {
  const row: StatRow = { kpi, statistic, value: finite(obj.value), numerator: obj.numerator, denominator: obj.denominator, unit: 'ratio' };
  if (Array.isArray(obj.ci95)) [row.ci_low, row.ci_high] = obj.ci95 as [number, number];
  if (row.value === null && reason !== undefined) row.reason = reason;
  return row;
}

/**
 * Walks one object of a result beside its schema (undefined: read by shape, numbers as scores).
 * `skip` is the label key of a row.
 */
function walk(kpi: string, schema: Node | undefined, obj: Obj, prefix: string, inherited: string | undefined, rows: StatRow[], skip?: string): void {
  const reason = typeof obj.reason === 'string' ? obj.reason : inherited;
  const path = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const rate = schema === undefined ? isRateValue(obj) : unwrap(schema).meta.shape === 'rate' && isRateValue(obj);
  if (rate) rows.push(rateRow(kpi, prefix === '' ? 'value' : prefix, obj as Obj & { value: number | null; numerator: number; denominator: number }, reason));
  const entries: [string, Node | undefined][] =
    schema === undefined ? Object.keys(obj).map((k) => [k, undefined]) : propertiesOf(unwrap(schema).core);
  for (const [key, child] of entries) {
    if (!(key in obj) || key === 'reason' || key === skip || (rate && RATE_KEYS.has(key))) continue;
    const v = obj[key];
    const { core, meta } = child === undefined ? { core: undefined, meta: {} as ResultMeta } : unwrap(child);
    if (meta.shape === 'grid' && Array.isArray(v)) {
      (v as unknown[]).forEach((hours, d) => {
        if (!Array.isArray(hours)) return;
        hours.forEach((n, h) => {
          if (typeof n === 'number') rows.push({ kpi, statistic: `${path(key)}.${WEEKDAYS[d] ?? d}.${two(h)}`, value: n, unit: meta.unit ?? 'count' });
        });
      });
    } else if (meta.weekday === true && typeof v === 'string' && WEEKDAYS.includes(v)) {
      rows.push({ kpi, statistic: path(key), value: WEEKDAYS.indexOf(v) + 1, unit: 'count' });
    } else if (typeof v === 'number' || v === null) {
      if (core !== undefined && typeOf(core) !== 'number') continue;
      const row: StatRow = { kpi, statistic: path(key), value: finite(v), unit: meta.unit ?? (child === undefined && key === 'count' ? 'count' : 'score') };
      if (row.value === null && reason !== undefined) row.reason = reason;
      rows.push(row);
    } else if (Array.isArray(v)) {
      const item = core === undefined || typeOf(core) !== 'array' ? undefined : elementOf(core);
      for (const [i, element] of v.entries()) {
        if (!isObject(element)) continue;
        const labelKey = meta.label ?? LABEL_KEYS.find((k) => typeof element[k] === 'string' || (k in element && element[k] === null));
        const raw = labelKey === undefined ? undefined : element[labelKey];
        const label = typeof raw === 'string' ? raw : raw === null ? NONE_LABEL : String(i);
        // A `rows` array reads better by its label (`intent.<label>`) than as `rows.<label>`.
        const base = key === 'rows' && labelKey !== undefined ? labelKey : key;
        walk(kpi, item, element, `${path(base)}.${label}`, reason, rows, labelKey);
      }
    } else if (isObject(v)) {
      walk(kpi, core, v, path(key), reason, rows);
    }
  }
}

/** Flattens one result (see the module comment). */
export function flattenKpi(id: string, result: KpiResult): StatRow[] {
  const rows: StatRow[] = [];
  const obj = result as Obj;
  const schema = schemaFor(id, result);
  const meta = kpiMeta(id);
  if (schema !== undefined || BY_ID.get(id) === undefined) walk(id, schema, obj, '', undefined, rows);
  else if (isRateValue(obj)) rows.push(rateRow(id, 'value', obj, typeof obj.reason === 'string' ? obj.reason : undefined));
  if (rows.length === 0) {
    const row: StatRow = { kpi: id, statistic: 'value', value: typeof obj.value === 'number' ? finite(obj.value) : null, unit: meta.unit };
    if (typeof obj.reason === 'string') row.reason = obj.reason;
    rows.push(row);
  }
  return rows;
}

/** Flattens every result, in the report's KPI order. */
export function flattenKpis(kpis: Record<string, KpiResult>): StatRow[] {
  return Object.entries(kpis).flatMap(([id, result]) => flattenKpi(id, result));
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface StatisticInfo {
  /** As `check` names it: `value`, `p90`, `bot.p95`, `full`, `per_intent.<label>.f1`. */
  path: string;
  unit: Unit;
}

/** Every statistic a result schema offers, in the order flatten gives them; labels of rows as `<label>`. */
export function statisticsOf(schema: Node): StatisticInfo[] {
  const out: StatisticInfo[] = [];
  const visit = (node: Node, prefix: string, skip?: string): void => {
    const { core, meta } = unwrap(node);
    const path = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
    const rate = meta.shape === 'rate';
    if (rate) out.push({ path: prefix === '' ? 'value' : prefix, unit: 'ratio' });
    for (const [key, child] of propertiesOf(core)) {
      if (key === 'reason' || key === skip || (rate && RATE_KEYS.has(key))) continue;
      const inner = unwrap(child);
      const type = typeOf(inner.core);
      if (inner.meta.shape === 'grid') out.push({ path: `${path(key)}.<weekday>.<hour>`, unit: inner.meta.unit ?? 'count' });
      else if (inner.meta.weekday === true) out.push({ path: path(key), unit: 'count' });
      else if (type === 'number') out.push({ path: path(key), unit: inner.meta.unit ?? 'score' });
      else if (type === 'array') {
        const base = key === 'rows' && inner.meta.label !== undefined ? inner.meta.label : key;
        visit(elementOf(inner.core), `${path(base)}.<label>`, inner.meta.label);
      } else if (type === 'object') visit(inner.core, path(key));
    }
  };
  visit(schema, '');
  return out.length === 0 ? [{ path: 'value', unit: 'score' }] : out;
}
