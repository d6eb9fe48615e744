/**
 * The JSON report (`--format json`, schemaVersion 1), defined once as zod schemas: the TypeScript
 * types below are inferred from them and `botkpi schema report` prints them as JSON Schema. Each
 * KPI's result is the schema the KPI declares (src/kpis), or its n/a or error form.
 * Rates are fractions in [0,1]; times are seconds; money is in the base currency.
 */
import { z } from 'zod';
import { KPIS } from '../kpis/registry.js';
import { kpiErrorSchema, notApplicableSchema } from '../kpis/result.js';
import { absentForm } from '../kpis/runner.js';
import type { AnyKpi } from '../kpis/types.js';

const num = z.number();

/** What a KPI's result can be: what it declares, its n/a form (see absentForm), or an error. */
export function resultSchemaOf(kpi: AnyKpi): z.ZodType {
  const absent = absentForm(kpi).schema;
  const forms = [...new Set([kpi.result, absent, notApplicableSchema, kpiErrorSchema])];
  return z.union(forms as [z.ZodType, z.ZodType, ...z.ZodType[]]).describe(kpi.title);
}

/** A result of a KPI this version does not know (in a saved report of another version). */
export const kpiResultSchema = z.record(z.string(), z.unknown()).describe('a KPI result');

/** KPI id → result, every registered KPI with its declared result. */
export const kpisSchema = z
  .object(Object.fromEntries(KPIS.map((k) => [k.id, resultSchemaOf(k)])))
  .catchall(kpiResultSchema)
  .describe('KPI id → result');

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
    confidenceThreshold: num.nullable(),
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
  kpis: kpisSchema,
  groups: z.array(
    z.object({
      by: groupKeySchema,
      partial: z.literal(true).optional().describe('a day, week or month the data covers only in part'),
      kpis: kpisSchema,
    }),
  ),
});

export type { Distribution, KpiError, NotApplicable, Rate, Value } from '../kpis/result.js';
export type { IntentRow } from '../kpis/intents.js';
export type { IntentScore } from '../kpis/intent-accuracy.js';
export type { KpiResult } from '../kpis/result.js';
import type { KpiResult } from '../kpis/result.js';
export type RowCounts = z.infer<typeof rowCountsSchema>;
export type DataQuality = z.infer<typeof dataQualitySchema>;
export type ReportSettings = z.infer<typeof settingsSchema>;
export type GroupKey = z.infer<typeof groupKeySchema>;
export type Report = Omit<z.infer<typeof reportSchema>, 'kpis' | 'groups'> & {
  kpis: Record<string, KpiResult>;
  groups: { by: GroupKey; partial?: true; kpis: Record<string, KpiResult> }[];
};
export type Group = Report['groups'][number];
