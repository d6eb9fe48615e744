import { z } from 'zod';
import { isContained, isSatisfied } from '../conversations/derive.js';
import { compareIds } from './facts.js';
import { nullableNum, num, rate, rateSchema, reason } from './result.js';
import { absenceReason } from './runner.js';
import type { Kpi } from './types.js';

export const intentRowSchema = z.strictObject({
  intent: z.string().nullable().meta({ title: 'Intent', description: 'null for conversations without a primary intent' }),
  conversations: num('count').meta({ title: 'Conversations' }),
  share: num('ratio').meta({ title: 'Share' }),
  containment_rate: rateSchema.meta({ title: 'Containment' }),
  csat_score: rateSchema.meta({ title: 'CSAT', hideWhenEmpty: true }),
  handling_time_mean: nullableNum('seconds').meta({ title: 'Handling time (mean)' }),
  answer_accuracy: rateSchema.meta({ title: 'Answer accuracy', hideWhenEmpty: true })
    .optional()
    .describe("answer accuracy over the bot messages of the intent's conversations (absent in reports before it existed)"),
});

export const intentsResult = z
  .strictObject({ rows: z.array(intentRowSchema).meta({ shape: 'rows', label: 'intent' }), reason })
  .meta({ shape: 'table' });

export type IntentRow = z.infer<typeof intentRowSchema>;

/** Counts of one primary intent's conversations (whole numbers, so sums are exact in any order). */
interface Tally {
  conversations: number;
  botEngaged: number;
  contained: number;
  rated: number;
  satisfied: number;
  reviewed: number;
  correct: number;
  handlingMs: number;
}

const tally = (): Tally => ({ conversations: 0, botEngaged: 0, contained: 0, rated: 0, satisfied: 0, reviewed: 0, correct: 0, handlingMs: 0 });

export const intents: Kpi<Map<string | null, Tally>, z.infer<typeof intentsResult>> = {
  id: 'intents',
  title: 'Question types (intents)',
  description:
    "Per primary intent (a conversation's first customer intent): conversations, share, containment, CSAT, mean handling time and answer accuracy.",
  unit: 'count',
  direction: 'neutral',
  requires: ['intent'],
  result: intentsResult,
  init: () => new Map(),
  add(groups, { c }, ctx) {
    const key = c.primaryIntent ?? null;
    let t = groups.get(key);
    if (t === undefined) groups.set(key, (t = tally()));
    t.conversations++;
    if (c.botEngaged) t.botEngaged++;
    if (isContained(c)) t.contained++;
    if (c.csat !== undefined) {
      t.rated++;
      if (isSatisfied(c.csat, ctx.options.csatSatisfiedFrom)) t.satisfied++;
    }
    t.reviewed += c.quality.reviewed;
    t.correct += c.quality.correct;
    t.handlingMs += c.end - c.start;
  },
  merge(into, other) {
    for (const [key, t] of other) {
      const mine = into.get(key);
      if (mine === undefined) into.set(key, { ...t });
      else for (const k of Object.keys(t) as (keyof Tally)[]) mine[k] += t[k];
    }
  },
  finish(groups, ctx) {
    let total = 0;
    for (const t of groups.values()) total += t.conversations;
    const rows: IntentRow[] = [...groups].map(([intent, t]) => ({
      intent,
      conversations: t.conversations,
      share: t.conversations / total,
      containment_rate: rate(t.contained, t.botEngaged, 'no bot-engaged conversations'),
      csat_score: ctx.fields.has('csat') ? rate(t.satisfied, t.rated, 'no rated conversations') : rate(0, 0, absenceReason('csat')),
      // Without message times of their own, a conversation's length is unknown, not 0.
      handling_time_mean: ctx.fields.has('timestamp') ? t.handlingMs / t.conversations / 1000 : null,
      answer_accuracy: ctx.fields.has('answer_correct')
        ? rate(t.correct, t.reviewed, 'no bot messages with answer_correct')
        : rate(0, 0, absenceReason('answer_correct')),
    }));
    rows.sort(
      (a, b) =>
        b.conversations - a.conversations ||
        (a.intent === null ? 1 : 0) - (b.intent === null ? 1 : 0) ||
        compareIds(a.intent ?? '', b.intent ?? ''),
    );
    return { rows };
  },
};
