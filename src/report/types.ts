/**
 * The JSON report (`--format json`, schemaVersion 1). Every renderer works from this shape.
 * Rates are fractions in [0,1]; times are seconds; money is in the base currency.
 */

/** A rate with its numerator, denominator and 95 % Wilson score interval. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  ci95: [number, number] | null;
  /** Why value is null ("needs field csat", "no bot-engaged conversations"). */
  reason?: string;
}

/** A distribution of times in seconds (R-7 percentiles). */
export interface Distribution {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95?: number | null;
  count: number;
  reason?: string;
}

/** A single number with how many observations stand behind it. */
export interface Value {
  value: number | null;
  count?: number;
  reason?: string;
}

/** Result of a KPI whose required fields are absent. */
export interface NotApplicable {
  value: null;
  reason: string;
}

export interface ConversationsKpi {
  value: number;
  botEngaged: number;
  customers: number;
  messages: { customer: number; bot: number; agent: number; system: number; total: number };
}

export interface AutomationKpi extends Rate {
  full: Rate;
  partial: Rate;
}

export interface ResponseTimeKpi extends Distribution {
  bot: Distribution;
  agent: Distribution;
}

export interface HandlingTimeKpi extends Distribution {
  contained: Distribution;
  escalated: Distribution;
}

export interface IntentScore {
  intent: string;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface IntentAccuracyKpi extends Rate {
  macro_f1: number | null;
  per_intent: IntentScore[];
}

export interface SentimentKpi {
  /** Mean of conversation scores. */
  value: number | null;
  mean: number | null;
  /** Scored conversations. */
  count: number;
  positive: Rate;
  neutral: Rate;
  negative: Rate;
  reason?: string;
}

export interface IntentRow {
  /** null for conversations without a primary intent. */
  intent: string | null;
  conversations: number;
  share: number;
  containment_rate: Rate;
  csat_score: Rate;
  handling_time_mean: number | null;
}

export interface IntentsKpi {
  rows: IntentRow[];
  reason?: string;
}

export interface CostKpi {
  /** (bot cost + human cost) / conversations. */
  value: number | null;
  bot_cost: number;
  human_cost: number;
  total_cost: number;
  count: number;
  reason?: string;
}

export interface RoiKpi {
  value: number | null;
  containment_savings?: number;
  attributed_revenue?: number;
  margin?: number;
  bot_cost?: number;
  reason?: string;
}

export type KpiResult =
  | Rate
  | Distribution
  | Value
  | NotApplicable
  | ConversationsKpi
  | AutomationKpi
  | ResponseTimeKpi
  | HandlingTimeKpi
  | IntentAccuracyKpi
  | SentimentKpi
  | IntentsKpi
  | CostKpi
  | RoiKpi;

export interface DataQuality extends RowCounts {
  /** Conversations with at least one message in the whole input. */
  conversations: number;
  /** Conversations with only non-message events (excluded from KPIs). */
  conversationsWithoutMessages: number;
  /** Conversations in scope after --since/--until/--where. */
  conversationsInScope: number;
  /** Conversations whose language was detected from customer text. */
  languageDetected: number;
  /** Customer messages by how their sentiment was obtained; unscored = text in an unsupported language. */
  sentiment: { given: number; computed: number; unscored: number };
  /** Order rows (`--orders`), with the same accounting as transcript rows. */
  orders?: RowCounts;
}

export interface RowCounts {
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  duplicates: number;
  rejectedByReason: Record<string, number>;
}

export type GroupKey = Record<string, string | null>;

export interface Group {
  by: GroupKey;
  kpis: Record<string, KpiResult>;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: 'botkpi'; version: string };
  options: {
    tz: string;
    baseCurrency: string;
    since: string | null;
    until: string | null;
    by: string[];
    where: string[];
  };
  dataQuality: DataQuality;
  kpis: Record<string, KpiResult>;
  groups: Group[];
}
