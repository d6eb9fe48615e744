import type { Role } from '../model.js';

/** Canonical input fields (docs/definitions.md §1). */
export const FIELDS = [
  'conversation_id',
  'timestamp',
  'role',
  'event',
  'message_id',
  'text',
  'customer_id',
  'channel',
  'market',
  'language',
  'intent',
  'intent_confidence',
  'expected_intent',
  'fallback',
  'sentiment',
  'csat',
  'resolved',
  'handoff',
  'cost',
  'answer_correct',
  'hallucination',
  'guardrail',
  'judge_correct',
] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Other column names seen in real exports. An alias is used only when the row has no column with
 * the canonical name; a user mapping (`--map field=column`) wins over both.
 */
export const FIELD_ALIASES: Record<Field, readonly string[]> = {
  conversation_id: ['conversation', 'session_id', 'chat_id', 'thread_id', 'ticket_id', 'dialog_id', 'dialogue_id'],
  timestamp: ['ts', 'time', 'datetime', 'created_at', 'sent_at', 'date', 'created'],
  role: ['sender', 'speaker', 'sender_type', 'author_role', 'author_type', 'participant_type', 'from'],
  event: ['event_type'],
  message_id: ['msg_id'],
  text: ['message', 'body', 'content', 'utterance', 'comment', 'message_text'],
  customer_id: ['user_id', 'visitor_id', 'contact_id', 'client_id', 'requester_id'],
  channel: [],
  market: ['country', 'region'],
  language: ['lang', 'locale'],
  intent: ['predicted_intent', 'detected_intent'],
  intent_confidence: ['confidence', 'intent_score'],
  expected_intent: ['gold_intent', 'true_intent'],
  fallback: ['is_fallback'],
  sentiment: ['sentiment_score'],
  csat: ['rating', 'satisfaction'],
  resolved: ['is_resolved'],
  handoff: ['handover', 'transferred'],
  cost: [],
  answer_correct: [],
  hallucination: [],
  guardrail: [],
  judge_correct: [],
};

/** Role values and their aliases, matched after trimming and lower-casing (no prototype: `constructor` is no role). */
export const ROLE_ALIASES: Record<string, Role> = Object.assign(Object.create(null) as Record<string, Role>, {
  customer: 'customer',
  user: 'customer',
  visitor: 'customer',
  client: 'customer',
  end_user: 'customer',
  bot: 'bot',
  assistant: 'bot',
  ai: 'bot',
  ai_agent: 'bot',
  virtual_agent: 'bot',
  chatbot: 'bot',
  agent: 'agent',
  human: 'agent',
  human_agent: 'agent',
  operator: 'agent',
  staff: 'agent',
  support: 'agent',
  system: 'system',
});

/** Intents that mean "not recognised" (case-insensitive), unless configured otherwise. */
export const DEFAULT_FALLBACK_INTENTS = [
  'fallback',
  'default_fallback',
  'nlu_fallback',
  'unknown',
  'none',
  'out_of_scope',
  'oos',
] as const;

/**
 * Field-name key used for matching: trimmed, lower-cased, and runs of spaces, hyphens and dots as
 * one underscore, so `Ticket ID`, `ticket-id` and `ticket_id` are the same column.
 */
export function fieldKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s.-]+/g, '_');
}
