import type { z } from 'zod';
import type { BusinessCalendar } from '../calendar/schedule.js';
import type { Conversation } from '../model.js';
import type { Field } from '../schema/fields.js';
import type { Order } from '../schema/orders.js';
import type { ConversationFacts } from './facts.js';
import type { Unit } from './result.js';

/** The cost model of the config (`cost`), in the base currency. */
export interface CostModel {
  botPerConversation?: number;
  botPerResolution?: number;
  humanPerConversation?: number;
  agentHourlyRate?: number;
  /** Share of attributed revenue that is profit (default 1). */
  margin: number;
}

/** Service-level targets in milliseconds; undefined = not set. */
export interface SlaTargets {
  firstResponseMs?: number;
  handoffWaitMs?: number;
  resolutionMs?: number;
  /** Measure first response and handoff wait in business time. */
  businessHours: boolean;
}

export interface KpiOptions {
  /** Lower-cased intents that mean "not recognised". */
  fallbackIntents: ReadonlySet<string>;
  /** Minimum intent_confidence for a recognised intent; undefined = no threshold. */
  confidenceThreshold?: number;
  /** FCR follow-up window W, in milliseconds. */
  fcrWindowMs: number;
  /** Numeric CSAT scale S. */
  csatScale: number;
  /** A numeric rating ≥ this is satisfied (default ceil(0.8·S)). */
  csatSatisfiedFrom: number;
  /** Order attribution window A, in milliseconds. */
  attributionWindowMs: number;
  /** Cost model from the config; undefined when none is configured. */
  cost?: CostModel;
  /** Office hours (`business_hours`); undefined when none are configured. */
  businessHours?: BusinessCalendar;
  /** Service-level targets (`sla`, `--sla`); targets not set are undefined. */
  sla?: SlaTargets;
  /** IANA zone of time buckets (`--tz`, default UTC). */
  tz?: string;
  /** `outcomes.silence` S in milliseconds (default 24 h). */
  outcomeSilenceMs?: number;
}

/**
 * A fact about the whole input (every conversation, in scope or not, and the orders) that some KPIs
 * need beside the conversation they fold: built once per run, on first use, from the context.
 */
export interface WholeInputFact<T> {
  readonly id: string;
  build(context: KpiContext): T;
}

/** What a run gives every KPI: settings, the fields present, and the whole input for its facts. */
export interface KpiContext {
  /** Every conversation with messages in the whole input, in scope or not. */
  readonly all: readonly Conversation[];
  readonly options: KpiOptions;
  /** Fields that had a value on at least one valid row of the input. */
  readonly fields: ReadonlySet<Field>;
  /** Orders (`--orders`), values in the base currency; undefined when none were given. */
  readonly orders?: readonly Order[];
  /** Latest timestamp of any valid transcript row in the whole input (epoch ms). */
  readonly dataEnd?: number;
  /** A whole-input fact, built on first use and shared by every KPI of the run. */
  fact<T>(fact: WholeInputFact<T>): T;
}

/** The KPI's headline unit (the unit of its `value`), for listings; each number's own unit is in `result`. */
export type KpiUnit = Unit;
export type KpiDirection = 'higher' | 'lower' | 'neutral';

/** What a KPI is, without how it is computed: the part renderers, `check` and `botkpi kpis` read. */
export interface KpiMeta {
  id: string;
  title: string;
  /** One sentence: what the number means, in plain words (used in docs and --help). */
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /**
   * Shown as a column of breakdown tables (`--by`) by default: the statistic to show (`value`,
   * `p50`). Other KPIs can be chosen with `--kpis`.
   */
  breakdown?: string;
  /** Fields the input must have had; when one is absent the result is null "needs field X". */
  requires: readonly Field[];
  /** The declared result: its numbers carry their units, its objects their shapes (see result.ts). */
  result: z.ZodType;
}

/**
 * A KPI as a mergeable accumulator: `init` makes an empty state, `add` folds in one conversation
 * (with its shared per-conversation facts), `merge` folds another state in (associative and
 * commutative: folding A and B apart and merging equals folding A ++ B, in any order), `finish`
 * makes the result, which validates against `result`.
 */
export interface Kpi<S = unknown, R = unknown> extends KpiMeta {
  /** Other inputs it needs (orders, a cost model): the reason it cannot be computed, or undefined. */
  applicable?(context: KpiContext): string | undefined;
  init(context: KpiContext): S;
  add(state: S, facts: ConversationFacts, context: KpiContext): void;
  merge(into: S, other: S): void;
  finish(state: S, context: KpiContext): R;
}

/** Any KPI, whatever its state and result types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKpi = Kpi<any, any>;
