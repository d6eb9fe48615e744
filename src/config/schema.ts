import { z } from 'zod';
import { DURATION_HINT, parseDuration } from '../calendar/duration.js';
import { WEEKDAY_KEYS } from '../calendar/schedule.js';
import { FIELDS } from '../schema/fields.js';
import { isValidTimeZone } from '../schema/timestamp.js';

/** A duration: a number of the given unit, or text like `7d`, `72h`, `90m`. */
const duration = z.union([z.number().nonnegative(), z.string().regex(/^\s*\d+(\.\d+)?\s*[smhdw]?\s*$/i, 'expected a duration like 7d or 72h')]);

/** A duration as section 7 writes it (`30s`, `5m`, `1.5h`, `2d`). */
const strictDuration = z.string({ error: `expected ${DURATION_HINT}` }).refine((s) => parseDuration(s) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a duration (${DURATION_HINT})`,
});

const INTERVAL = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** `HH:MM-HH:MM` → minutes [start, end) since local midnight, or the reason it is not one. */
export function parseInterval(text: string): [number, number] | string {
  const m = INTERVAL.exec(text);
  if (!m) return `"${text}" is not HH:MM-HH:MM`;
  const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (sh > 23 || sm > 59 || eh > 24 || em > 59 || (eh === 24 && em !== 0)) return `"${text}" has a time that is not HH:MM from 00:00 to 24:00`;
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (end <= start) return `"${text}" does not end after it starts`;
  return [start, end];
}

const interval = z.string({ error: 'expected "HH:MM-HH:MM"' }).superRefine((s, ctx) => {
  const parsed = parseInterval(s);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

const timeZone = z
  .string({ error: 'expected an IANA time zone name like Europe/Berlin' })
  .refine(isValidTimeZone, { error: (issue) => `unknown time zone "${String(issue.input)}" (use an IANA name like Europe/Berlin)` });

const holiday = z.string({ error: 'expected a date YYYY-MM-DD' }).refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  error: (issue) => `"${String(issue.input)}" is not a date YYYY-MM-DD`,
});

const week = z
  .object(Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, z.array(interval).optional()])) as Record<(typeof WEEKDAY_KEYS)[number], z.ZodOptional<z.ZodArray<typeof interval>>>)
  .strict()
  .describe('opening intervals per weekday (mon … sun), local wall-clock "HH:MM-HH:MM" (end exclusive, 24:00 allowed); a missing day or [] is closed');

const schedule = z
  .object({
    timezone: timeZone.describe("the schedule's IANA time zone (required)"),
    week: week.optional(),
    holidays: z.array(holiday).optional().describe('local dates (YYYY-MM-DD) closed all day'),
  })
  .strict();

const businessHours = schedule
  .extend({
    markets: z
      .record(z.string(), schedule)
      .optional()
      .describe('schedules by market code (case-insensitive); each is complete on its own and inherits nothing from the default'),
  })
  .strict()
  .superRefine((bh, ctx) => {
    const seen = new Map<string, string>();
    for (const code of Object.keys(bh.markets ?? {})) {
      const key = code.trim().toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['markets'], message: `"${other}" and "${code}" name the same market` });
      seen.set(key, code);
    }
  });

const nonNegative = z.number({ error: 'expected a number ≥ 0' }).min(0, 'expected a number ≥ 0');

/** `botkpi.config.json`: every setting a team wants to keep beside its data. Flags override it. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    timezone: z.string().optional().describe('IANA zone for ISO times without offset and for time buckets (default UTC)'),
    input: z
      .object({
        format: z.string().optional().describe('input format: an adapter id (flat, messages, intercom, zendesk, chatwoot, …) or jsonl, csv, tsv; default: detected'),
        bots: z.array(z.string()).optional().describe('author ids, names or e-mails to read as the bot (an AI agent the platform shows as a person)'),
        agents: z.array(z.string()).optional().describe('author ids, names or e-mails to read as human agents'),
        handoff_actions: z
          .array(z.string())
          .optional()
          .describe('action names that hand the conversation to a human (Rasa); default: the common names listed in the README'),
      })
      .strict()
      .optional(),
    map: z
      .partialRecord(z.enum(FIELDS), z.string())
      .optional()
      .describe('field → column name in your export, e.g. {"conversation_id": "ticket_id"}'),
    map_values: z
      .partialRecord(z.enum(FIELDS), z.record(z.string(), z.string()))
      .optional()
      .describe('field → {value in your export: value to use}, applied before validation, e.g. {"role": {"End-user": "customer"}}'),
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
    business_hours: businessHours
      .optional()
      .describe('office hours for after_hours_rate, the .business response times, --by hours and business-time service levels'),
    sla: z
      .object({
        first_response: strictDuration.optional().describe('first response target, e.g. "30s"'),
        handoff_wait: strictDuration.optional().describe('handoff wait target, e.g. "5m"'),
        resolution: strictDuration.optional().describe('resolution time target (always calendar time), e.g. "24h"'),
        business_hours: z
          .boolean()
          .optional()
          .describe('measure first response and handoff wait in business seconds (needs business_hours; default false)'),
      })
      .strict()
      .optional()
      .describe('service-level targets; a time equal to its target is a hit'),
    outcomes: z
      .object({ silence: strictDuration.optional().describe('silence after which a quiet bot conversation counts as assumed resolved (default "24h")') })
      .strict()
      .optional(),
    episodes: z
      .object({ split_after: strictDuration.optional().describe('split a conversation_id into episodes at message gaps longer than this (off by default)') })
      .strict()
      .optional(),
    thresholds: z
      .array(z.string())
      .optional()
      .describe('checks for `botkpi check`, e.g. ["containment_rate<0.6", "first_response_time.p90>30"]'),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.sla?.business_hours === true && config.business_hours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sla', 'business_hours'], message: 'true needs a business_hours schedule in the config' });
    }
  });

export type Config = z.infer<typeof configSchema>;
