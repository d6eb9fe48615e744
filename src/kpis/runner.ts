/**
 * Runs KPIs as accumulators: one fold per set of conversations (the whole scope, or one group of a
 * breakdown), each KPI's state initialised once, every conversation added with facts shared across
 * KPIs and groups, states mergeable, results finished at the end. A KPI whose inputs are absent is
 * not folded at all; one that throws becomes an error result, and the others still run.
 */
import type { Conversation } from '../model.js';
import type { Field } from '../schema/fields.js';
import type { Order } from '../schema/orders.js';
import { ConversationFacts } from './facts.js';
import type { z } from 'zod';
import { distribution, distributionSchema, kpiError, metaOf, notApplicable, notApplicableSchema, rate, rateSchema, type KpiResult } from './result.js';
import type { AnyKpi, Kpi, KpiContext, KpiOptions, WholeInputFact } from './types.js';

export function createContext(
  all: readonly Conversation[],
  options: KpiOptions,
  fields: ReadonlySet<Field>,
  orders?: readonly Order[],
  dataEnd?: number,
): KpiContext {
  const facts = new Map<string, unknown>();
  const context: KpiContext = {
    all,
    options,
    fields,
    ...(orders === undefined ? {} : { orders }),
    ...(dataEnd === undefined ? {} : { dataEnd }),
    fact<T>(fact: WholeInputFact<T>): T {
      if (!facts.has(fact.id)) facts.set(fact.id, fact.build(context));
      return facts.get(fact.id) as T;
    },
  };
  return context;
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
export function missingRequirement(kpi: AnyKpi, context: KpiContext): string | undefined {
  const missing = kpi.requires.find((f) => !context.fields.has(f));
  if (missing !== undefined) return absenceReason(missing);
  return kpi.applicable?.(context);
}

/**
 * The form a KPI's result takes when it cannot be computed: a rate keeps its rate shape (counts 0,
 * no interval), a KPI whose result is a plain distribution keeps that shape, anything else is
 * `{ value: null, reason }`. The schema of that form, and the result for a reason.
 */
export function absentForm(kpi: Pick<AnyKpi, 'result'>): { schema: z.ZodType; result: (reason: string) => KpiResult } {
  if (metaOf(kpi.result).shape === 'rate') return { schema: rateSchema, result: (reason) => rate(0, 0, reason) };
  if (kpi.result === distributionSchema) return { schema: distributionSchema, result: (reason) => distribution([], reason) };
  return { schema: notApplicableSchema, result: notApplicable };
}

/** A KPI that threw, with the error as thrown (for `--debug`). */
export interface KpiFailure {
  kpi: string;
  error: unknown;
}

/** The per-KPI states of one fold: a state, or the reason it is not folded, or the error it threw. */
type Slot = { state: unknown } | { absent: string } | { error: unknown };

/**
 * The fold of a set of KPIs over one set of conversations. `add` takes a conversation's facts so
 * that folds of the same conversation (overall and its groups) share them.
 */
export class KpiFold {
  private readonly slots: Slot[];

  constructor(
    private readonly kpis: readonly AnyKpi[],
    private readonly context: KpiContext,
  ) {
    this.slots = kpis.map((kpi) => {
      const missing = missingRequirement(kpi, context);
      if (missing !== undefined) return { absent: missing };
      try {
        return { state: kpi.init(context) };
      } catch (error) {
        return { error };
      }
    });
  }

  add(facts: ConversationFacts): void {
    const { kpis, slots, context } = this;
    for (let i = 0; i < kpis.length; i++) {
      const slot = slots[i] as Slot;
      if (!('state' in slot)) continue;
      try {
        (kpis[i] as AnyKpi).add(slot.state, facts, context);
      } catch (error) {
        slots[i] = { error };
      }
    }
  }

  /** Folds another fold of the same KPIs in (its conversations are not in this one). */
  merge(other: KpiFold): void {
    for (let i = 0; i < this.kpis.length; i++) {
      const slot = this.slots[i] as Slot;
      const theirs = other.slots[i] as Slot;
      if (!('state' in slot)) continue;
      if (!('state' in theirs)) {
        if ('error' in theirs) this.slots[i] = theirs;
        continue;
      }
      try {
        (this.kpis[i] as AnyKpi).merge(slot.state, theirs.state);
      } catch (error) {
        this.slots[i] = { error };
      }
    }
  }

  /** Results by KPI id, in the KPIs' order; every failure is reported to `onError`. */
  finish(onError?: (failure: KpiFailure) => void): Record<string, KpiResult> {
    const out: Record<string, KpiResult> = {};
    this.kpis.forEach((kpi, i) => {
      const slot = this.slots[i] as Slot;
      let error: unknown;
      if ('absent' in slot) out[kpi.id] = absentForm(kpi).result(slot.absent);
      else if ('error' in slot) error = slot.error;
      else {
        try {
          out[kpi.id] = kpi.finish(slot.state, this.context) as KpiResult;
        } catch (err) {
          error = err;
        }
      }
      if (!(kpi.id in out)) {
        out[kpi.id] = kpiError(error);
        onError?.({ kpi: kpi.id, error });
      }
    });
    return out;
  }
}

/** Folds the conversations into the KPIs and returns their results (see KpiFold). */
export function runKpis(
  kpis: readonly AnyKpi[],
  conversations: readonly Conversation[],
  context: KpiContext,
  onError?: (failure: KpiFailure) => void,
): Record<string, KpiResult> {
  const fold = new KpiFold(kpis, context);
  for (const c of conversations) fold.add(new ConversationFacts(c, context));
  return fold.finish(onError);
}

/** One KPI's result over the conversations (its inputs taken as present; an exception propagates). */
export function computeKpi<S, R>(kpi: Kpi<S, R>, conversations: readonly Conversation[], context: KpiContext): R {
  const state = kpi.init(context);
  for (const c of conversations) kpi.add(state, new ConversationFacts(c, context), context);
  return kpi.finish(state, context);
}
