import { firstResponseMs, isAbandoned, isContained, resolutionMs, sentimentMean } from '../conversations/derive.js';
import { ConversationFacts } from '../kpis/facts.js';
import { isoMsIn } from '../schema/timestamp.js';
import type { KpiContext } from '../kpis/types.js';
import type { Conversation, Rating } from '../model.js';
import type { Field } from '../schema/fields.js';

/** One row of `botkpi conversations`: the facts behind every KPI, per conversation. */
export interface ConversationRow {
  conversation_id: string;
  customer_id: string | null;
  channel: string | null;
  language: string | null;
  language_detected: boolean;
  market: string | null;
  start: string;
  end: string;
  primary_intent: string | null;
  messages_customer: number;
  messages_bot: number;
  messages_agent: number;
  messages_system: number;
  bot_engaged: boolean;
  bot_answered: boolean;
  escalated: boolean;
  contained: boolean;
  abandoned: boolean | null;
  handoff_at: string | null;
  resolved: boolean | null;
  csat: number | string | null;
  fcr: boolean | null;
  sentiment: number | null;
  first_response_time: number | null;
  handling_time: number | null;
  converted: boolean | null;
  attributed_value: number | null;
  /** 1 for a conversation or its first episode, 2, 3, … after a split (`--split-after`). */
  episode: number;
  /** Started outside business hours; null without a schedule. */
  after_hours: boolean | null;
  first_response_time_business: number | null;
  /** bot_outcomes outcome of a bot-engaged conversation; null otherwise. */
  outcome: string | null;
  resolution_time: number | null;
  /** Null when no row marked it resolved at or after its start. */
  reopened: boolean | null;
  /** `hit` or `miss` against each target; null when the target is not set or the conversation is not measured by it. */
  sla_first_response: 'hit' | 'miss' | null;
  sla_handoff_wait: 'hit' | 'miss' | null;
  sla_resolution: 'hit' | 'miss' | null;
  /** Bot messages with answer_correct, and those correct; null when no row has answer_correct. */
  answers_reviewed: number | null;
  answers_correct: number | null;
  /** Bot messages with hallucination = true; null when no row has hallucination. */
  answers_hallucinated: number | null;
  /** Bot messages with guardrail = true; null when no row has guardrail. */
  guardrail_hits: number | null;
  /** Two consecutive bot messages both fallbacks; null when no row has fallback. */
  fallback_loop: boolean | null;
  /** The bot sent the same reply twice; the customer asked for a human; shouted. Null without text. */
  repeated_reply: boolean | null;
  asked_for_human: boolean | null;
  shouting: boolean | null;
}

export const CONVERSATION_COLUMNS: readonly (keyof ConversationRow)[] = [
  'conversation_id', 'customer_id', 'channel', 'language', 'language_detected', 'market', 'start', 'end',
  'primary_intent', 'messages_customer', 'messages_bot', 'messages_agent', 'messages_system', 'bot_engaged',
  'bot_answered', 'escalated', 'contained', 'abandoned', 'handoff_at', 'resolved', 'csat', 'fcr', 'sentiment',
  'first_response_time', 'handling_time',
  'converted', 'attributed_value', 'episode', 'after_hours', 'first_response_time_business', 'outcome',
  'resolution_time', 'reopened', 'sla_first_response', 'sla_handoff_wait', 'sla_resolution',
  'answers_reviewed', 'answers_correct', 'answers_hallucinated', 'guardrail_hits', 'fallback_loop',
  'repeated_reply', 'asked_for_human', 'shouting',
];

const verdict = (hit: boolean | undefined): 'hit' | 'miss' | null => (hit === undefined ? null : hit ? 'hit' : 'miss');

const rating = (r: Rating | undefined): number | string | null =>
  r === undefined ? null : r.kind === 'numeric' ? r.value : r.up ? 'up' : 'down';

/**
 * Times are ISO 8601 with milliseconds in `tz` (with its offset; `Z` in UTC); durations in seconds,
 * null when messages have no times of their own (their order is known, the time between them is
 * not); abandoned and fcr null where the KPI does not count the conversation (not bot-engaged; no
 * customer_id for FCR); sentiment the mean of the customer messages' scores; converted/attributed_value
 * null without orders.
 */
export function conversationRow(c: Conversation, context: KpiContext, tz = 'UTC'): ConversationRow {
  const iso = (ms: number): string => isoMsIn(ms, tz);
  const shared = new ConversationFacts(c, context);
  const credit = shared.credit;
  const timed = context.fields.has('timestamp');
  const frt = timed ? firstResponseMs(c) : undefined;
  const facts = shared.service;
  const resolution = timed ? resolutionMs(c) : undefined;
  const q = c.quality;
  const has = (field: Field): boolean => context.fields.has(field);
  return {
    conversation_id: c.id,
    customer_id: c.customerId ?? null,
    channel: c.channel ?? null,
    language: c.language ?? null,
    language_detected: c.languageDetected === true,
    market: c.market ?? null,
    start: iso(c.start),
    end: iso(c.end),
    primary_intent: c.primaryIntent ?? null,
    messages_customer: c.counts.customer,
    messages_bot: c.counts.bot,
    messages_agent: c.counts.agent,
    messages_system: c.counts.system,
    bot_engaged: c.botEngaged,
    bot_answered: c.botAnswered,
    escalated: c.escalated,
    contained: isContained(c),
    abandoned: c.botEngaged ? isAbandoned(c) : null,
    handoff_at: c.handoffAt === undefined ? null : iso(c.handoffAt),
    resolved: c.resolved ?? null,
    csat: rating(c.csat),
    fcr: shared.fcr ?? null,
    sentiment: sentimentMean(c) ?? null,
    first_response_time: frt === undefined ? null : frt / 1000,
    handling_time: timed ? (c.end - c.start) / 1000 : null,
    converted: context.orders === undefined || c.customerId === undefined ? null : credit !== undefined,
    attributed_value: context.orders === undefined ? null : (credit?.value ?? 0),
    episode: c.episode,
    after_hours: facts.afterHours ?? null,
    first_response_time_business: !timed || facts.firstResponseBusinessMs === undefined ? null : facts.firstResponseBusinessMs / 1000,
    outcome: facts.outcome ?? null,
    resolution_time: resolution === undefined ? null : resolution / 1000,
    reopened: c.reopened ?? null,
    sla_first_response: timed ? verdict(facts.slaFirstResponse) : null,
    sla_handoff_wait: timed ? verdict(facts.slaHandoffWait) : null,
    sla_resolution: timed ? verdict(facts.slaResolution) : null,
    answers_reviewed: has('answer_correct') ? q.reviewed : null,
    answers_correct: has('answer_correct') ? q.correct : null,
    answers_hallucinated: has('hallucination') ? q.hallucinated : null,
    guardrail_hits: has('guardrail') ? q.guardrails : null,
    fallback_loop: has('fallback') ? q.fallbackLoop : null,
    repeated_reply: has('text') ? q.repeatedReply : null,
    asked_for_human: has('text') ? q.askedForHuman : null,
    shouting: has('text') ? q.shouting : null,
  };
}
