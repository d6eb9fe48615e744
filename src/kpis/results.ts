import type { Distribution, KpiError, NotApplicable, Rate, Value } from '../report/types.js';
import { mean, percentileSorted, sortedCopy, wilson } from '../stats/index.js';

/** A rate with Wilson interval; null with `emptyReason` when the denominator is 0. */
export function rate(numerator: number, denominator: number, emptyReason: string): Rate {
  if (denominator === 0) return { value: null, numerator, denominator, ci95: null, reason: emptyReason };
  return { value: numerator / denominator, numerator, denominator, ci95: wilson(numerator, denominator) };
}

/** Counts items matching `inNumerator` among those matching `inDenominator`. */
export function rateOf<T>(
  items: readonly T[],
  inDenominator: (item: T) => boolean,
  inNumerator: (item: T) => boolean,
  emptyReason: string,
): Rate {
  let num = 0;
  let den = 0;
  for (const item of items) {
    if (!inDenominator(item)) continue;
    den++;
    if (inNumerator(item)) num++;
  }
  return rate(num, den, emptyReason);
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

export const isKpiError = (result: unknown): result is KpiError =>
  typeof result === 'object' && result !== null && typeof (result as { error?: unknown }).error === 'string';
