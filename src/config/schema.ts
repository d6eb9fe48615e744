import { z } from 'zod';
import { FIELDS } from '../schema/fields.js';

/** A duration: a number of the given unit, or text like `7d`, `72h`, `90m`. */
const duration = z.union([z.number().nonnegative(), z.string().regex(/^\s*\d+(\.\d+)?\s*[smhdw]?\s*$/i, 'expected a duration like 7d or 72h')]);

const nonNegative = z.number({ error: 'expected a number ≥ 0' }).min(0, 'expected a number ≥ 0');

/** `botkpi.config.json`: every setting a team wants to keep beside its data. Flags override it. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    timezone: z.string().optional().describe('IANA zone for ISO times without offset and for time buckets (default UTC)'),
    map: z
      .partialRecord(z.enum(FIELDS), z.string())
      .optional()
      .describe('field → column name in your export, e.g. {"conversation_id": "ticket_id"}'),
    intents: z
      .object({
        fallback: z.array(z.string()).optional().describe('intents that mean "not recognised"'),
        confidence_threshold: z.number().min(0).max(1).optional().describe('minimum intent_confidence for a recognised intent'),
      })
      .strict()
      .optional(),
    fcr: z.object({ window: duration.optional().describe('follow-up window; a number is days (default 7)') }).strict().optional(),
    attribution: z
      .object({ window: duration.optional().describe('order attribution window; a number is hours (default 72)') })
      .strict()
      .optional(),
    csat: z
      .object({
        scale: z.number().min(1).optional().describe('numeric CSAT scale S (default 5)'),
        satisfied_from: z.number().min(0).optional().describe('a rating ≥ this is satisfied (default ceil(0.8·S))'),
      })
      .strict()
      .optional(),
    currency: z
      .object({
        base: z.string().min(1).optional().describe('base currency code (default USD)'),
        rates: z
          .record(z.string(), z.number().positive('expected a rate > 0'))
          .optional()
          .describe('units of base currency for one unit of each currency, e.g. {"EUR": 1.08}'),
      })
      .strict()
      .optional(),
    cost: z
      .object({
        bot_per_conversation: nonNegative.optional().describe('cost per bot-engaged conversation'),
        bot_per_resolution: nonNegative.optional().describe('cost per contained conversation not marked unresolved'),
        human_per_conversation: nonNegative.optional().describe('cost per escalated conversation'),
        agent_hourly_rate: nonNegative.optional().describe('cost per agent hour, from handoff to the end of the conversation'),
        margin: nonNegative.optional().describe('share of attributed revenue that is profit, for ROI (default 1)'),
      })
      .strict()
      .optional(),
    sentiment: z
      .object({
        detect_language: z.boolean().optional().describe('detect language from customer text when absent (default true)'),
        from_text: z.boolean().optional().describe('score customer messages without a sentiment value from their text (default true)'),
      })
      .strict()
      .optional(),
    thresholds: z
      .array(z.string())
      .optional()
      .describe('checks for `botkpi check`, e.g. ["containment_rate<0.6", "first_response_time.p90>30"]'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
