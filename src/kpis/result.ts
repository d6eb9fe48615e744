/**
 * The vocabulary of KPI results: zod schemas whose numbers carry their unit (`.meta({ unit })`) and
 * whose objects carry their shape (`.meta({ shape })`), and the constructors KPIs build results
 * with. Each KPI declares its result schema from these parts; renderers, `check`, `compare` and
 * `botkpi schema report` walk the declared schema instead of guessing from key names.
 * Rates are fractions in [0,1]; times are seconds; money is in the base currency.
 */
import { z } from 'zod';
import { mean, percentileSorted, sortedCopy, wilson } from '../stats/index.js';

/** The unit of one number in a result. */
export type Unit = 'ratio' | 'seconds' | 'count' | 'score' | 'money';
export const UNITS: readonly Unit[] = ['ratio', 'seconds', 'count', 'score', 'money'];

/**
 * How an object in a result is shown: `rate` (value with numerator, denominator and interval),
 * `distribution` (mean and percentiles), `shares` (rates over one denominator, shown on one line),
 * `rows` (an array of labelled rows), `table` (a result that is its `rows`, shown as a table of its
 * own), `grid` (weekday × hour counts), `counts` (plain numbers shown on one line).
 */
export type Shape = 'rate' | 'distribution' | 'shares' | 'rows' | 'table' | 'grid' | 'counts';

/** What a result schema node may declare beside its description. */
export interface ResultMeta {
  unit?: Unit;
  shape?: Shape;
  /** For `rows`: the key that labels a row (`intent`). */
  label?: string;
  /** Shown after the value, as ` at <value>` (peak_concurrency's instant). */
  at?: string;
  /** A column title, where a table shows this (a field of `rows`). */
  title?: string;
  /** In a table, left out when no row has a value (a rate whose field the input lacks). */
  hideWhenEmpty?: boolean;
  /** A weekday name (Mon … Sun), given as its ISO number (1 … 7) among the statistics. */
  weekday?: boolean;
}

export const metaOf = (schema: z.ZodType): ResultMeta & { description?: string } =>
  (schema.meta() ?? {}) as ResultMeta & { description?: string };

/** A number in `unit`. */
export const num = (unit: Unit): z.ZodNumber => z.number().meta({ unit });
/** A number in `unit`, or null when it cannot be computed. */
export const nullableNum = (unit: Unit): z.ZodNullable<z.ZodNumber> => z.number().nullable().meta({ unit });

export const reason = z.string().optional().describe('why the value is null ("needs field csat", "no rated conversations")');

const rateFields = {
  value: nullableNum('ratio'),
  numerator: num('count'),
  denominator: num('count'),
  ci95: z.tuple([z.number(), z.number()]).nullable().describe('95 % Wilson score interval, clamped to [0, 1]'),
  reason,
};

export const rateSchema = z.strictObject(rateFields).meta({ shape: 'rate', description: 'a rate with its counts and 95 % Wilson interval' });

/** A rate with further parts (automation's full and partial, intent accuracy's per-intent scores). */
export function rateWith<T extends z.ZodRawShape>(extra: T, description?: string) {
  return z.strictObject({ ...rateFields, ...extra }).meta({ shape: 'rate', ...(description === undefined ? {} : { description }) });
}

const distributionFields = {
  mean: nullableNum('seconds'),
  p50: nullableNum('seconds'),
  p90: nullableNum('seconds'),
  count: num('count'),
  reason,
};

const DISTRIBUTION = 'durations in seconds; R-7 percentiles';

export const distributionSchema = z.strictObject(distributionFields).meta({ shape: 'distribution', description: DISTRIBUTION });

/** A distribution that also has its 95th percentile. */
export const distributionP95Schema = z
  .strictObject({ mean: distributionFields.mean, p50: distributionFields.p50, p90: distributionFields.p90, p95: nullableNum('seconds'), count: distributionFields.count, reason })
  .meta({ shape: 'distribution', description: DISTRIBUTION });

/** A distribution with further parts (first response time in business seconds); `p95` adds the 95th percentile. */
export function distributionWith<T extends z.ZodRawShape>(extra: T, options: { p95?: boolean; description?: string } = {}) {
  const base = options.p95 === true ? distributionP95Schema.shape : distributionFields;
  return z
    .strictObject({ ...base, ...extra })
    .meta({ shape: 'distribution', ...(options.description === undefined ? {} : { description: options.description }) });
}

/** A number in `unit` and how many observations stand behind it. */
export function valueSchema(unit: Unit) {
  return z
    .strictObject({ value: nullableNum(unit), count: num('count').optional(), reason })
    .describe('a number and how many observations stand behind it');
}

export const notApplicableSchema = z.strictObject({ value: z.null(), reason: z.string() }).describe('a KPI whose inputs are absent');

export const kpiErrorSchema = z
  .strictObject({ value: z.null(), error: z.string().describe('what went wrong'), reason: z.string() })
  .describe('a KPI whose computation failed: counted in dataQuality.kpiErrors, and every check on it fails');

export type Rate = z.infer<typeof rateSchema>;
export type Distribution = z.infer<typeof distributionSchema> & { p95?: number | null };
export type Value = z.infer<ReturnType<typeof valueSchema>>;
export type NotApplicable = z.infer<typeof notApplicableSchema>;
export type KpiError = z.infer<typeof kpiErrorSchema>;

/** A rate with Wilson interval; null with `emptyReason` when the denominator is 0. */
export function rate(numerator: number, denominator: number, emptyReason: string): Rate {
  if (denominator === 0) return { value: null, numerator, denominator, ci95: null, reason: emptyReason };
  return { value: numerator / denominator, numerator, denominator, ci95: wilson(numerator, denominator) };
}

/** Mean and R-7 percentiles of durations given in milliseconds, reported in seconds. */
export function distribution(msValues: readonly number[], emptyReason: string, withP95 = false): Distribution {
  if (msValues.length === 0) {
    return withP95
      ? { mean: null, p50: null, p90: null, p95: null, count: 0, reason: emptyReason }
      : { mean: null, p50: null, p90: null, count: 0, reason: emptyReason };
  }
  const sorted = sortedCopy(msValues, 1000);
  const d: Distribution = {
    mean: mean(sorted),
    p50: percentileSorted(sorted, 0.5),
    p90: percentileSorted(sorted, 0.9),
    count: sorted.length,
  };
  if (withP95) d.p95 = percentileSorted(sorted, 0.95);
  return d;
}

export function value(v: number | null, count: number, emptyReason: string): Value {
  return v === null ? { value: null, count, reason: emptyReason } : { value: v, count };
}

export function notApplicable(reason: string): NotApplicable {
  return { value: null, reason };
}

/** The result of a KPI whose computation threw: its own kind, never mistaken for "not applicable". */
export function kpiError(err: unknown): KpiError {
  const message = err instanceof Error ? err.message : String(err);
  return { value: null, error: message, reason: `error: ${message}` };
}

/** One KPI's result, as the report holds it (its shape is the KPI's declared `result`). */
export type KpiResult = { readonly [key: string]: unknown };

export const isKpiError = (result: unknown): result is KpiError =>
  typeof result === 'object' && result !== null && typeof (result as { error?: unknown }).error === 'string';
