/**
 * The data model every stage of the pipeline shares:
 * read (RawRow) → normalise (Event | Rejection) → assemble (Conversation) → compute (KPI results).
 */

export const ROLES = ['customer', 'bot', 'agent', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const EVENT_KINDS = ['message', 'handoff', 'resolved', 'csat', 'close'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A satisfaction rating: a number on the configured scale, or a thumb. */
export type Rating = { kind: 'numeric'; value: number } | { kind: 'thumb'; up: boolean };

/**
 * Where a row came from: file name as given (`-` for stdin), its physical 1-based line and, for a
 * row an adapter derived from a document, the path inside that document (`conversation_parts[3]`;
 * '' for the document itself).
 */
export interface RowOrigin {
  file: string;
  line: number;
  path?: string;
}

/** Why the read stage could not make a record of a line. */
export type ReadRejection =
  | 'invalid UTF-8'
  | 'line too long'
  | 'too deeply nested'
  | 'malformed JSON'
  | 'wrong column count'
  | 'malformed CSV';

/**
 * One record as read from a source, or one canonical row an adapter derived from it, before
 * validation. A failed one is a record the read stage could not make (a ReadRejection) or a
 * document, or part of one, that an adapter could not use (its reason and offending value).
 */
export type RawRow =
  | (RowOrigin & { ok: true; fields: Record<string, unknown> })
  | (RowOrigin & { ok: false; reason: ReadRejection | (string & {}); raw: unknown; value?: unknown });

/** A valid input row, normalised. Times are epoch milliseconds. */
export interface Event {
  conversationId: string;
  ts: number;
  /** Position in the input (files in argument order), used to break timestamp ties. */
  seq: number;
  kind: EventKind;
  role?: Role;
  messageId?: string;
  text?: string;
  customerId?: string;
  channel?: string;
  market?: string;
  language?: string;
  intent?: string;
  intentConfidence?: number;
  expectedIntent?: string;
  fallback?: boolean;
  sentiment?: number;
  csat?: Rating;
  resolved?: boolean;
  handoff?: boolean;
  cost?: number;
  answerCorrect?: boolean;
  hallucination?: boolean;
  guardrail?: boolean;
  judgeCorrect?: boolean;
}

/**
 * Bits of `Message.flags`: the review fields of a bot message (each "present" bit with its value
 * bit) and what its text shows of a customer message.
 */
export const FLAG = {
  answerReviewed: 1,
  answerCorrect: 2,
  hallucinationReviewed: 4,
  hallucinated: 8,
  guardrailKnown: 16,
  guardrail: 32,
  judged: 64,
  judgeCorrect: 128,
  asksForHuman: 256,
  shouting: 512,
  /** Knowledge gaps (set only when assembly keeps questions): the reason that applied. */
  gapFallback: 1024,
  gapHandoff: 2048,
  gapNoReply: 4096,
} as const;

/** A message of an assembled conversation (system messages included). */
export interface Message {
  ts: number;
  role: Role;
  text?: string;
  intent?: string;
  intentConfidence?: number;
  expectedIntent?: string;
  fallback?: boolean;
  sentiment?: number;
  language?: string;
  /** FLAG bits (0 when none apply). */
  flags: number;
  /** A 30-bit hash of a bot message's normalised text, for repeated replies; undefined without text. */
  replyKey?: number;
  /**
   * A customer message's text kept for the knowledge-gap report (only when assembly was asked to
   * keep it, and after assembly only on messages that are gaps).
   */
  gapText?: string;
}

/**
 * Answer-quality facts of a conversation (docs/definitions.md §8), counted once at assembly over its
 * bot messages, and the conversation-quality flags.
 */
export interface QualityFacts {
  /** Bot messages with answer_correct, and those with answer_correct = true. */
  reviewed: number;
  correct: number;
  /** Bot messages with hallucination, and those with hallucination = true. */
  hallucinationReviewed: number;
  hallucinated: number;
  /** Bot messages with guardrail = true. */
  guardrails: number;
  /**
   * Bot messages with both answer_correct and judge_correct, by (answer_correct, judge_correct):
   * both true, true/false, false/true, both false.
   */
  judgedTT: number;
  judgedTF: number;
  judgedFT: number;
  judgedFF: number;
  /** Two consecutive bot messages (among the bot messages) both fallbacks. */
  fallbackLoop: boolean;
  /** Two bot messages with the same non-empty normalised text. */
  repeatedReply: boolean;
  /** A customer message asks for a human. */
  askedForHuman: boolean;
  /** A customer message is mostly capitals. */
  shouting: boolean;
}

export interface Conversation {
  id: string;
  customerId?: string;
  channel?: string;
  market?: string;
  language?: string;
  /** True when `language` was detected from the customer's text rather than given. */
  languageDetected?: boolean;
  /** First and last message time (epoch ms). */
  start: number;
  end: number;
  /** Messages in time order, ties in input order. */
  messages: Message[];
  counts: Record<Role, number>;
  primaryIntent?: string;
  /** At least one bot message. */
  botEngaged: boolean;
  /** At least one bot message that is not a fallback. */
  botAnswered: boolean;
  escalated: boolean;
  /** Earliest of: handoff event, handoff=true, agent message. */
  handoffAt?: number;
  /** Earliest explicit handoff signal (handoff event or handoff=true). */
  explicitHandoffAt?: number;
  /** Last resolved value in time order; undefined when unknown. */
  resolved?: boolean;
  /** Time of the row that carries the final resolved value; undefined when unknown. */
  resolvedAt?: number;
  /**
   * Whether a customer message comes after the first row carrying resolved = true at or after
   * `start` (time order, ties in input order); undefined when there is no such row.
   */
  reopened?: boolean;
  /** Time of the first customer message (system messages skipped); undefined without one. */
  firstCustomerAt?: number;
  /** Time of the first bot or agent message after the first customer message (the first reply). */
  firstReplyAt?: number;
  /** Time of the first agent message at or after `explicitHandoffAt`. */
  agentAfterHandoffAt?: number;
  /** 1 for a conversation or its first episode; 2, 3, … for later episodes (`--split-after`). */
  episode: number;
  /** Last rating in time order. */
  csat?: Rating;
  /** Σ cost on agent messages. */
  agentCost: number;
  /** Σ cost on every other row (bot, customer, system messages and non-message events). */
  otherCost: number;
  quality: QualityFacts;
}
