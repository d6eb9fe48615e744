import type { Conversation } from '../model.js';
import type { KpiResult } from '../report/types.js';
import type { BusinessCalendar } from '../calendar/schedule.js';
import type { CostModel, SlaTargets } from '../config/settings.js';
import type { Field } from '../schema/fields.js';
import type { Order } from '../schema/orders.js';

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
  /** Shared lazily-built lookups over `all` (memoised per context). */
  memo<T>(key: string, build: () => T): T;
  /**
   * Shared lazily-built facts about one set of conversations (the array a KPI is computed on),
   * so that KPIs computed on the same set walk it once.
   */
  memoFor<T>(convs: readonly Conversation[], key: string, build: () => T): T;
}

export type KpiUnit = 'ratio' | 'seconds' | 'count' | 'score' | 'money' | 'table';
export type KpiDirection = 'higher' | 'lower' | 'neutral';

/** A KPI: metadata plus a pure function from conversations to a result. */
export interface Kpi<R extends KpiResult = KpiResult> {
  id: string;
  title: string;
  /** One sentence: what the number means, in plain words (used in docs and --help). */
  description: string;
  unit: KpiUnit;
  /**
   * 'rate' for KPIs whose result is a rate (numerator, denominator, ci95), 'distribution' for one
   * that is a distribution (mean, p50, p90, count), also when n/a.
   */
  shape?: 'rate' | 'distribution';
  direction: KpiDirection;
  /**
   * Shown as a column of breakdown tables (`--by`) by default: the statistic to show (`value`,
   * `p50`). Other KPIs can be chosen with `--kpis`.
   */
  breakdown?: string;
  /** Fields the input must have had; when one is absent the result is null "needs field X". */
  requires: readonly Field[];
  /** Other inputs it needs (orders, a cost model): the reason it cannot be computed, or undefined. */
  applicable?(context: KpiContext): string | undefined;
  compute(conversations: readonly Conversation[], context: KpiContext): R;
}
