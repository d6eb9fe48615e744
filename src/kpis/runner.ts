import type { Conversation } from '../model.js';
import type { KpiResult } from '../report/types.js';
import type { Field } from '../schema/fields.js';
import type { Order } from '../schema/orders.js';
import { distribution, kpiError, notApplicable, rate } from './results.js';
import type { Kpi, KpiContext, KpiOptions } from './types.js';

export function createContext(
  all: readonly Conversation[],
  options: KpiOptions,
  fields: ReadonlySet<Field>,
  orders?: readonly Order[],
  dataEnd?: number,
): KpiContext {
  const cache = new Map<string, unknown>();
  const perSet = new WeakMap<readonly Conversation[], Map<string, unknown>>();
  const memo = <T>(store: Map<string, unknown>, key: string, build: () => T): T => {
    if (!store.has(key)) store.set(key, build());
    return store.get(key) as T;
  };
  return {
    all,
    options,
    fields,
    ...(orders === undefined ? {} : { orders }),
    ...(dataEnd === undefined ? {} : { dataEnd }),
    memo: (key, build) => memo(cache, key, build),
    memoFor(convs, key, build) {
      let store = perSet.get(convs);
      if (store === undefined) perSet.set(convs, (store = new Map()));
      return memo(store, key, build);
    },
  };
}

/**
 * Why a field counts as absent, where "needs field X" would not say it: every valid row has a
 * timestamp, but one taken from its document (a message log without per-message times) orders
 * the messages without timing them.
 */
const ABSENT_BECAUSE: Partial<Record<Field, string>> = { timestamp: 'needs per-message timestamps' };

/** The reason a KPI gives when a field it requires is absent. */
export const absenceReason = (field: Field): string => ABSENT_BECAUSE[field] ?? `needs field ${field}`;

/** Why a KPI cannot be computed (a required field or input is absent), or undefined. */
export function missingRequirement(kpi: Kpi, context: KpiContext): string | undefined {
  const missing = kpi.requires.find((f) => !context.fields.has(f));
  if (missing !== undefined) return absenceReason(missing);
  return kpi.applicable?.(context);
}

/** A KPI that threw, with the error as thrown (for `--debug`). */
export interface KpiFailure {
  kpi: string;
  error: unknown;
}

/**
 * Runs every KPI over the conversations. A KPI whose fields are absent is null with the reason;
 * one that throws becomes an error result (reported to `onError`) and the others still run.
 */
export function runKpis(
  kpis: readonly Kpi[],
  conversations: readonly Conversation[],
  context: KpiContext,
  onError?: (failure: KpiFailure) => void,
): Record<string, KpiResult> {
  const out: Record<string, KpiResult> = {};
  for (const kpi of kpis) {
    const missing = missingRequirement(kpi, context);
    if (missing !== undefined) {
      // A rate keeps its shape (counts 0, no interval), as the report format shows it.
      out[kpi.id] =
        kpi.shape === 'rate' ? rate(0, 0, missing) : kpi.shape === 'distribution' ? distribution([], missing) : notApplicable(missing);
      continue;
    }
    try {
      out[kpi.id] = kpi.compute(conversations, context);
    } catch (err) {
      out[kpi.id] = kpiError(err);
      onError?.({ kpi: kpi.id, error: err });
    }
  }
  return out;
}
