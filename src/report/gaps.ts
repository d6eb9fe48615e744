/**
 * The knowledge-gap report (`botkpi gaps`): the customer questions the bot did not answer
 * (src/conversations/gaps.ts says which; marked at assembly when questions are kept), grouped by the conversation's primary intent, the
 * question's language and its normalised text (src/text/flags.ts, `questionKey`), ranked by
 * conversations. Pure: conversations in, report out.
 */
import { z } from 'zod';
import { gapReason, type GapReason } from '../conversations/gaps.js';
import { rate } from '../kpis/result.js';
import type { Conversation } from '../model.js';
import { questionKey } from '../text/flags.js';
import { rateSchema } from '../kpis/result.js';
import { rowCountsSchema } from './types.js';

/** Example texts and conversation ids kept per group. */
export const EXAMPLE_TEXTS = 3;
export const EXAMPLE_CONVERSATIONS = 5;

const num = z.number();
const reasonCounts = z.object({ fallback: num, handoff: num, no_reply: num });

export const gapGroupSchema = z.object({
  rank: num,
  intent: z.string().nullable().describe("the conversation's primary intent; null without one"),
  language: z.string().nullable().describe("the message's language, else the conversation's"),
  question: z.string().describe('normalised text (case, punctuation, numbers and order numbers folded)'),
  conversations: num,
  customers: num.describe('distinct customer_ids among those conversations'),
  messages: num,
  share: num.describe('messages / every customer message in scope'),
  reasons: reasonCounts.describe('messages by the first reason that applies'),
  examples: z.array(z.string()).describe(`up to ${EXAMPLE_TEXTS} distinct texts as written`),
  conversation_ids: z.array(z.string()).describe(`up to ${EXAMPLE_CONVERSATIONS} conversations, earliest first`),
});

export const gapReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('botkpi'), version: z.string() }),
  options: z.object({ tz: z.string(), since: z.string().nullable(), until: z.string().nullable(), where: z.array(z.string()) }),
  dataQuality: rowCountsSchema.extend({ conversations: num, conversationsInScope: num }),
  questions: num.describe('customer messages in scope'),
  gaps: rateSchema.describe('unanswered customer messages / customer messages in scope'),
  reasons: reasonCounts,
  withoutText: num.describe('gaps whose message has no text (or no words): counted above, in no group'),
  groups: z.array(gapGroupSchema),
});

export type GapGroup = z.infer<typeof gapGroupSchema>;
export type GapReport = z.infer<typeof gapReportSchema>;

interface Building {
  intent: string | null;
  language: string | null;
  question: string;
  conversations: Set<string>;
  customers: Set<string>;
  messages: number;
  reasons: Record<GapReason, number>;
  examples: string[];
  conversationIds: string[];
}

const emptyReasons = (): Record<GapReason, number> => ({ fallback: 0, handoff: 0, no_reply: 0 });

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export interface GapOptions {
  /** Groups kept (the highest ranked); all when undefined. */
  top?: number;
}

/** Groups the gaps of `conversations` (in scope, ordered by start). */
export function gapGroups(
  conversations: readonly Conversation[],
  options: GapOptions = {},
): Pick<GapReport, 'questions' | 'gaps' | 'reasons' | 'withoutText' | 'groups'> {
  const groups = new Map<string, Building>();
  const reasons = emptyReasons();
  let questions = 0;
  let gaps = 0;
  let withoutText = 0;
  for (const c of conversations) {
    questions += c.counts.customer;
    for (const m of c.messages) {
      const reason = m.role === 'customer' ? gapReason(m) : undefined;
      if (reason === undefined) continue;
      gaps++;
      reasons[reason]++;
      const language = m.language ?? c.language ?? null;
      const text = m.gapText;
      const question = text === undefined ? '' : questionKey(text, language ?? undefined);
      if (question === '') {
        withoutText++;
        continue;
      }
      const intent = c.primaryIntent ?? null;
      const id = JSON.stringify([intent, language, question]);
      let g = groups.get(id);
      if (g === undefined) {
        g = { intent, language, question, conversations: new Set(), customers: new Set(), messages: 0, reasons: emptyReasons(), examples: [], conversationIds: [] };
        groups.set(id, g);
      }
      g.messages++;
      g.reasons[reason]++;
      if (!g.conversations.has(c.id)) {
        g.conversations.add(c.id);
        if (g.conversationIds.length < EXAMPLE_CONVERSATIONS) g.conversationIds.push(c.id);
      }
      if (c.customerId !== undefined) g.customers.add(c.customerId);
      const example = (text as string).trim();
      if (g.examples.length < EXAMPLE_TEXTS && !g.examples.includes(example)) g.examples.push(example);
    }
  }
  const ranked = [...groups.values()].sort(
    (a, b) =>
      b.conversations.size - a.conversations.size ||
      b.messages - a.messages ||
      compareNullable(a.intent, b.intent) ||
      compareNullable(a.language, b.language) ||
      (a.question < b.question ? -1 : a.question > b.question ? 1 : 0),
  );
  const kept = options.top === undefined ? ranked : ranked.slice(0, options.top);
  return {
    questions,
    gaps: rate(gaps, questions, 'no customer messages'),
    reasons,
    withoutText,
    groups: kept.map((g, i) => ({
      rank: i + 1,
      intent: g.intent,
      language: g.language,
      question: g.question,
      conversations: g.conversations.size,
      customers: g.customers.size,
      messages: g.messages,
      share: questions === 0 ? 0 : g.messages / questions,
      reasons: g.reasons,
      examples: g.examples,
      conversation_ids: g.conversationIds,
    })),
  };
}

