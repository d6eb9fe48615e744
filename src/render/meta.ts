/**
 * What the renderers know about a KPI result: its metadata from the registry and its shape.
 * Renderers go by shape (rate, distribution, value, nested objects) so a new KPI needs no change here.
 */
import { KPIS } from '../kpis/registry.js';
import type { Kpi, KpiDirection, KpiUnit } from '../kpis/types.js';
import type { Distribution, Rate } from '../report/types.js';

export interface KpiMeta {
  id: string;
  title: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** The statistic shown in breakdown tables by default, if any. */
  breakdown?: string;
  /** The result's shape when the KPI declares it ('rate' for rates). */
  shape?: Kpi['shape'];
}

const BY_ID = new Map<string, KpiMeta>(
  KPIS.map((k) => [k.id, { id: k.id, title: k.title, unit: k.unit, direction: k.direction, ...(k.breakdown === undefined ? {} : { breakdown: k.breakdown }), ...(k.shape === undefined ? {} : { shape: k.shape }) }]),
);

export type Obj = Record<string, unknown>;

export const isObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Has a numerator and a denominator. */
export const isRate = (x: unknown): x is Obj & Rate =>
  isObject(x) && typeof x.numerator === 'number' && typeof x.denominator === 'number';

/** A distribution of times: has percentiles. */
export const isDistribution = (x: unknown): x is Obj & Distribution => isObject(x) && 'p50' in x && 'count' in x;

/** The result's top-level number is null (nothing to show); its reason, if any. */
export function unavailableReason(result: unknown): string | undefined {
  if (!isObject(result)) return undefined;
  const reason = typeof result.reason === 'string' ? result.reason : undefined;
  if (isDistribution(result)) return result.mean === null ? (reason ?? 'no data') : undefined;
  if ('value' in result) return result.value === null ? (reason ?? 'no data') : undefined;
  return reason;
}

/** Registry metadata, or a fallback guessed from the result's shape for an id the registry lacks. */
export function kpiMeta(id: string, result?: unknown): KpiMeta {
  const known = BY_ID.get(id);
  if (known !== undefined) return known;
  const unit: KpiUnit = isRate(result) ? 'ratio' : isDistribution(result) ? 'seconds' : 'score';
  return { id, title: id, unit, direction: 'neutral' };
}

/** Registered KPIs in report order. */
export const kpiMetas = (): KpiMeta[] => [...BY_ID.values()];
