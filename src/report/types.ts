/**
 * The JSON report (`--format json`, schemaVersion 1), defined once as zod schemas: the TypeScript
 * types below are inferred from them and `botkpi schema report` prints them as JSON Schema.
 * Rates are fractions in [0,1]; times are seconds; money is in the base currency.
 */
import { z } from 'zod';

const num = z.number();
const nullableNum = z.number().nullable();
const reason = z.string().optional().describe('why the value is null ("needs field csat", "no rated conversations")');

export const rateSchema = z
  .object({
    value: nullableNum,
    numerator: num,
    denominator: num,
    ci95: z.tuple([num, num]).nullable().describe('95 % Wilson score interval, clamped to [0, 1]'),
    reason,
  })
  .describe('a rate with its counts and 95 % Wilson interval');

export const distributionSchema = z
  .object({ mean: nullableNum, p50: nullableNum, p90: nullableNum, p95: nullableNum.optional(), count: num, reason })
  .describe('durations in seconds; R-7 percentiles');

export const valueSchema = z.object({ value: nullableNum, count: num.optional(), reason }).describe('a number and how many observations stand behind it');

export const notApplicableSchema = z.object({ value: z.null(), reason: z.string() }).describe('a KPI whose inputs are absent');

export const kpiErrorSchema = z
  .object({ value: z.null(), error: z.string().describe('what went wrong'), reason: z.string() })
  .describe('a KPI whose computation failed: counted in dataQuality.kpiErrors, and every check on it fails');

export const conversationsKpiSchema = z.object({
  value: num,
  botEngaged: num,
  customers: num,
  messages: z.object({ customer: num, bot: num, agent: num, system: num, total: num }),
});

export const automationKpiSchema = rateSchema.extend({ full: rateSchema, partial: rateSchema });
export const responseTimeKpiSchema = distributionSchema.extend({ bot: distributionSchema, agent: distributionSchema });
export const handlingTimeKpiSchema = distributionSchema.extend({ contained: distributionSchema, escalated: distributionSchema });

export const firstResponseTimeKpiSchema = distributionSchema.extend({
  business: distributionSchema.describe('the same conversations, in business seconds of their schedule'),
});
export const handoffWaitTimeKpiSchema = distributionSchema.extend({
  business: distributionSchema.describe('the same conversations, in business seconds of their schedule'),
});

export const botOutcomesKpiSchema = z
  .object({
    escalated: rateSchema,
    confirmed: rateSchema,
    unresolved: rateSchema,
    abandoned: rateSchema,
    assumed: rateSchema,
    pending: rateSchema,
  })
  .describe('each bot-engaged conversation in exactly one outcome, each a rate over the bot-engaged conversations');

export const volumeHeatmapKpiSchema = z.object({
  cells: z.array(z.array(num)).describe('conversations by start: 7 rows (Mon … Sun) × 24 columns (hour 0 … 23) in --tz'),
  peak: z
    .object({ weekday: z.string().describe('Mon … Sun'), hour: num.describe('0 … 23'), conversations: num })
    .nullable()
    .describe('the largest cell; ties: the earliest weekday, then the earliest hour'),
  reason,
});

export const peakConcurrencyKpiSchema = z.object({
  value: nullableNum.describe('most conversations open at one instant (open on [start, end])'),
  at: z.string().nullable().describe('the earliest instant that number is reached (ISO 8601 UTC)'),
  reason,
});

export const intentScoreSchema = z.object({
  intent: z.string(),
  support: num,
  predicted: num,
  precision: num,
  recall: num,
  f1: num,
});

export const intentAccuracyKpiSchema = rateSchema.extend({
  macro_precision: nullableNum.describe('unweighted mean of the per-intent precisions'),
  macro_recall: nullableNum.describe('unweighted mean of the per-intent recalls'),
  macro_f1: nullableNum.describe('unweighted mean of the per-intent F1 scores'),
  per_intent: z.array(intentScoreSchema),
});

export const sentimentKpiSchema = z.object({
  value: nullableNum.describe('mean of conversation scores'),
  mean: nullableNum,
  count: num.describe('scored conversations'),
  positive: rateSchema,
  neutral: rateSchema,
  negative: rateSchema,
  reason,
});

export const intentRowSchema = z.object({
  intent: z.string().nullable().describe('null for conversations without a primary intent'),
  conversations: num,
  share: num,
  containment_rate: rateSchema,
  csat_score: rateSchema,
  handling_time_mean: nullableNum,
  answer_accuracy: rateSchema.optional().describe("answer accuracy over the bot messages of the intent's conversations (absent in reports before it existed)"),
});

export const agreementKpiSchema = rateSchema
  .extend({
    kappa: nullableNum.optional().describe("Cohen's kappa of answer_correct against judge_correct"),
    kappa_se: nullableNum.optional().describe("kappa's large-sample standard error, sqrt(p_o(1 − p_o) / (n(1 − p_e)²))"),
    kappa_reason: z.string().optional().describe('why kappa is null while agreement has a value'),
    table: z
      .object({ both_correct: num, answer_only_correct: num, judge_only_correct: num, both_incorrect: num })
      .optional()
      .describe('bot messages with both verdicts, by (answer_correct, judge_correct)'),
  })
  .describe('share of bot messages with both verdicts on which answer_correct and judge_correct agree');

export const intentsKpiSchema = z.object({ rows: z.array(intentRowSchema), reason });

export const costKpiSchema = z.object({
  value: nullableNum.describe('(bot cost + human cost) / conversations'),
  bot_cost: nullableNum.describe('null when the sum overflows'),
  human_cost: nullableNum,
  total_cost: nullableNum,
  count: num,
  reason,
});

export const roiKpiSchema = z.object({
  value: nullableNum,
  containment_savings: num.optional(),
  attributed_revenue: num.optional(),
  margin: num.optional(),
  bot_cost: num.optional(),
  reason,
});

export const kpiResultSchema = z.union([
  conversationsKpiSchema,
  firstResponseTimeKpiSchema,
  handoffWaitTimeKpiSchema,
  botOutcomesKpiSchema,
  volumeHeatmapKpiSchema,
  peakConcurrencyKpiSchema,
  automationKpiSchema,
  responseTimeKpiSchema,
  handlingTimeKpiSchema,
  intentAccuracyKpiSchema,
  agreementKpiSchema,
  sentimentKpiSchema,
  intentsKpiSchema,
  costKpiSchema,
  roiKpiSchema,
  rateSchema,
  distributionSchema,
  valueSchema,
  kpiErrorSchema,
  notApplicableSchema,
]);

export const rowCountsSchema = z.object({
  rowsRead: num,
  rowsUsed: num,
  rowsRejected: num,
  duplicates: num,
  rejectedByReason: z.record(z.string(), num),
});

export const dataQualitySchema = rowCountsSchema.extend({
  documentsRead: num
    .optional()
    .describe('documents (conversations, tickets, …) read; present when an adapter derived the rows from documents'),
  inputFormats: z
    .record(z.string(), z.string())
    .optional()
    .describe('file → the input format (adapter id) that read it; present with documentsRead'),
  conversations: num.describe('conversations with at least one message in the whole input'),
  conversationsWithoutMessages: num.describe('conversations with only non-message events (excluded from KPIs)'),
  conversationsInScope: num.describe('conversations after --since/--until/--where'),
  languageDetected: num.describe('conversations whose language was detected from customer text'),
  sentiment: z
    .object({ given: num, computed: num, unscored: num })
    .describe('customer messages by how their sentiment was obtained; unscored = text in an unsupported language'),
  orders: rowCountsSchema.optional().describe('order rows (--orders), with the same accounting'),
  kpiErrors: num.optional().describe('KPI results (overall and per group) whose computation failed; present when any did'),
  dataEnd: z.string().nullable().describe('latest timestamp of any valid transcript row in the whole input (ISO 8601 UTC)'),
  episodesSplit: num.describe('episodes beyond the first of each conversation_id (--split-after), summed'),
});

export const settingsSchema = z
  .object({
    csatScale: num,
    csatSatisfiedFrom: num,
    fallbackIntents: z.array(z.string()),
    confidenceThreshold: nullableNum,
    fcrWindowSeconds: num,
    attributionWindowSeconds: num,
    cost: z
      .object({
        botPerConversation: num.optional(),
        botPerResolution: num.optional(),
        humanPerConversation: num.optional(),
        agentHourlyRate: num.optional(),
        margin: num,
      })
      .nullable()
      .describe('the cost model, or null when none is configured'),
  })
  .describe('the settings the KPIs were computed with (after flags, config file and defaults)');

export const groupKeySchema = z.record(z.string(), z.string().nullable());

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('botkpi'), version: z.string() }),
  options: z.object({
    tz: z.string(),
    baseCurrency: z.string(),
    since: z.string().nullable(),
    until: z.string().nullable(),
    by: z.array(z.string()),
    where: z.array(z.string()),
    config: z.string().nullable().describe('the config file that was read, or null'),
    inputs: z.array(z.string()).describe('transcript files, as given (- is stdin)'),
    orders: z.string().nullable().describe('the --orders file, or null'),
    settings: settingsSchema,
  }),
  period: z
    .object({
      first: z.string().nullable().describe('start of the earliest conversation in scope (ISO 8601 in tz)'),
      last: z.string().nullable().describe('start of the latest conversation in scope (ISO 8601 in tz)'),
    })
    .describe('the data period: when the conversations in scope started'),
  dataQuality: dataQualitySchema,
  kpis: z.record(z.string(), kpiResultSchema).describe('KPI id → result'),
  groups: z.array(
    z.object({
      by: groupKeySchema,
      partial: z.literal(true).optional().describe('a day, week or month the data covers only in part'),
      kpis: z.record(z.string(), kpiResultSchema),
    }),
  ),
});

export type Rate = z.infer<typeof rateSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type Value = z.infer<typeof valueSchema>;
export type NotApplicable = z.infer<typeof notApplicableSchema>;
export type KpiError = z.infer<typeof kpiErrorSchema>;
export type ConversationsKpi = z.infer<typeof conversationsKpiSchema>;
export type AutomationKpi = z.infer<typeof automationKpiSchema>;
export type ResponseTimeKpi = z.infer<typeof responseTimeKpiSchema>;
export type HandlingTimeKpi = z.infer<typeof handlingTimeKpiSchema>;
export type FirstResponseTimeKpi = z.infer<typeof firstResponseTimeKpiSchema>;
export type HandoffWaitTimeKpi = z.infer<typeof handoffWaitTimeKpiSchema>;
export type BotOutcomesKpi = z.infer<typeof botOutcomesKpiSchema>;
export type VolumeHeatmapKpi = z.infer<typeof volumeHeatmapKpiSchema>;
export type PeakConcurrencyKpi = z.infer<typeof peakConcurrencyKpiSchema>;
export type IntentScore = z.infer<typeof intentScoreSchema>;
export type IntentAccuracyKpi = z.infer<typeof intentAccuracyKpiSchema>;
export type SentimentKpi = z.infer<typeof sentimentKpiSchema>;
export type AgreementKpi = z.infer<typeof agreementKpiSchema>;
export type IntentRow = z.infer<typeof intentRowSchema>;
export type IntentsKpi = z.infer<typeof intentsKpiSchema>;
export type CostKpi = z.infer<typeof costKpiSchema>;
export type RoiKpi = z.infer<typeof roiKpiSchema>;
export type KpiResult = z.infer<typeof kpiResultSchema>;
export type RowCounts = z.infer<typeof rowCountsSchema>;
export type DataQuality = z.infer<typeof dataQualitySchema>;
export type ReportSettings = z.infer<typeof settingsSchema>;
export type GroupKey = z.infer<typeof groupKeySchema>;
export type Group = Report['groups'][number];
export type Report = z.infer<typeof reportSchema>;
