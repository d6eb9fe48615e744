import type { Conversation, Event, Message, Rating, Role } from '../model.js';

/** Text analysis used by assembly (pure functions; absent = not done). */
export interface AssembleOptions {
  /** Scores a customer message's text in [−1, 1]; undefined when its language is not supported. */
  scoreText?: (text: string, language: string | undefined) => number | undefined;
  /** Detects the language of a conversation's customer text when no row gives one. */
  detectLanguage?: (text: string) => string | undefined;
}

export interface SentimentCounts {
  /** Customer messages with a given sentiment value. */
  given: number;
  /** Customer messages scored from their text. */
  computed: number;
  /** Customer messages with text that could not be scored (unsupported or unknown language). */
  unscored: number;
}

/**
 * A message while its conversation is being collected: its input position breaks time ties. The
 * position stays on the message afterwards (deleting it would slow every later property access).
 */
type PendingMessage = Message & { seq: number };

/** A value with the (time, input position) of the row that carried it. */
interface Stamped<T> {
  value: T;
  ts: number;
  seq: number;
}

const before = (ts: number, seq: number, other: Stamped<unknown>): boolean => ts < other.ts || (ts === other.ts && seq < other.seq);

/** Keeps the value of the earliest row (time order, ties in input order). */
function earliest<T>(current: Stamped<T> | undefined, value: T | undefined, e: Event): Stamped<T> | undefined {
  if (value === undefined || (current !== undefined && !before(e.ts, e.seq, current))) return current;
  return { value, ts: e.ts, seq: e.seq };
}

/** Keeps the value of the latest row. */
function latest<T>(current: Stamped<T> | undefined, value: T | undefined, e: Event): Stamped<T> | undefined {
  if (value === undefined || (current !== undefined && before(e.ts, e.seq, current))) return current;
  return { value, ts: e.ts, seq: e.seq };
}

/**
 * The compact state of one conversation while rows arrive in any order: conversation-level facts
 * are folded in as they come (first/last value by time), only messages are kept, and message text
 * only while sentiment scoring or language detection may still need it.
 */
class ConversationState {
  readonly messages: PendingMessage[] = [];
  customerId?: Stamped<string>;
  channel?: Stamped<string>;
  market?: Stamped<string>;
  language?: Stamped<string>;
  resolved?: Stamped<boolean>;
  csat?: Stamped<Rating>;
  explicitHandoffAt?: number;
  agentCost = 0;
  otherCost = 0;

  add(e: Event, analysis: AssembleOptions, counts: SentimentCounts): void {
    this.customerId = earliest(this.customerId, e.customerId, e);
    this.channel = earliest(this.channel, e.channel, e);
    this.market = earliest(this.market, e.market, e);
    this.language = earliest(this.language, e.language, e);
    this.csat = latest(this.csat, e.csat, e);
    this.resolved = latest(this.resolved, e.resolved ?? (e.kind === 'resolved' ? true : undefined), e);
    if ((e.kind === 'handoff' || e.handoff === true) && !(e.ts >= (this.explicitHandoffAt ?? Infinity))) {
      this.explicitHandoffAt = e.ts;
    }
    const role = e.kind === 'message' ? e.role : undefined;
    if (e.cost !== undefined) {
      if (role === 'agent') this.agentCost += e.cost;
      else this.otherCost += e.cost;
    }
    if (role === undefined) return;
    const m: PendingMessage = { ts: e.ts, seq: e.seq, role };
    if (role === 'bot' && e.fallback !== undefined) m.fallback = e.fallback;
    if (role === 'customer') {
      if (e.language !== undefined) m.language = e.language;
      if (e.intent !== undefined) m.intent = e.intent;
      if (e.intentConfidence !== undefined) m.intentConfidence = e.intentConfidence;
      if (e.expectedIntent !== undefined) m.expectedIntent = e.expectedIntent;
      if (e.sentiment !== undefined) {
        m.sentiment = e.sentiment;
        counts.given++;
      }
      if (e.text !== undefined) {
        // With its own language a message is scored now; otherwise its text waits for the
        // conversation's language (given on a later row, or detected from this very text).
        if (e.language !== undefined && e.sentiment === undefined && analysis.scoreText !== undefined) {
          score(m, e.text, e.language, analysis, counts);
        } else if (e.language === undefined || e.sentiment === undefined) m.text = e.text;
      }
    }
    this.messages.push(m);
  }
}

function score(m: Message, text: string, language: string | undefined, analysis: AssembleOptions, counts: SentimentCounts): void {
  const s = analysis.scoreText?.(text, language);
  if (s === undefined) counts.unscored++;
  else {
    m.sentiment = s;
    counts.computed++;
  }
}

/** What text analysis the collected conversations still need. */
export interface TextNeeds {
  /** Customer messages with text but no sentiment and no language of their own. */
  score: boolean;
  /** Conversations with customer text and no language on any row. */
  detect: boolean;
}

/**
 * Collects events by conversation_id (across all inputs, in any order) and builds conversations
 * (contract section 2) once every row has been seen.
 */
export class ConversationAssembler {
  private readonly byId = new Map<string, ConversationState>();
  private readonly counts: SentimentCounts = { given: 0, computed: 0, unscored: 0 };
  private analysis: AssembleOptions;

  constructor(analysis: AssembleOptions = {}) {
    this.analysis = analysis;
  }

  /** Text analysis for rows added from now on and for finish(). */
  useAnalysis(analysis: AssembleOptions): void {
    this.analysis = analysis;
  }

  add(event: Event): void {
    let state = this.byId.get(event.conversationId);
    if (state === undefined) this.byId.set(event.conversationId, (state = new ConversationState()));
    state.add(event, this.analysis, this.counts);
  }

  /** What the messages still holding text need before finish(). */
  textNeeds(): TextNeeds {
    const needs: TextNeeds = { score: false, detect: false };
    for (const state of this.byId.values()) {
      if (!state.messages.some((m) => m.text !== undefined)) continue;
      if (state.messages.some((m) => m.text !== undefined && m.sentiment === undefined)) needs.score = true;
      if (state.language === undefined) needs.detect = true;
      if (needs.score && needs.detect) break;
    }
    return needs;
  }

  /** Conversations with at least one message, and the number with none (excluded from KPIs). */
  finish(): { conversations: Conversation[]; withoutMessages: number; sentiment: SentimentCounts } {
    const conversations: Conversation[] = [];
    let withoutMessages = 0;
    for (const [id, state] of this.byId) {
      const c = finishConversation(id, state, this.analysis, this.counts);
      if (c === undefined) withoutMessages++;
      else conversations.push(c);
    }
    this.byId.clear();
    conversations.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { conversations, withoutMessages, sentiment: { ...this.counts } };
  }
}

/** Builds one conversation from its events (in input order); undefined when it has no message. */
export function buildConversation(id: string, events: readonly Event[], analysis: AssembleOptions = {}): Conversation | undefined {
  const state = new ConversationState();
  const counts: SentimentCounts = { given: 0, computed: 0, unscored: 0 };
  for (const e of events) state.add(e, analysis, counts);
  return finishConversation(id, state, analysis, counts);
}

function finishConversation(
  id: string,
  state: ConversationState,
  analysis: AssembleOptions,
  counts: SentimentCounts,
): Conversation | undefined {
  // Time order; ties keep input order.
  const messages = state.messages.sort((a, b) => a.ts - b.ts || a.seq - b.seq) as Message[];
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const roleCounts: Record<Role, number> = { customer: 0, bot: 0, agent: 0, system: 0 };
  let customerLanguage: string | undefined;
  let primaryIntent: string | undefined;
  let firstAgent: number | undefined;
  let botAnswered = false;
  for (const m of messages) {
    roleCounts[m.role]++;
    if (m.role === 'customer') {
      customerLanguage ??= m.language;
      primaryIntent ??= m.intent;
    } else if (m.role === 'bot') {
      if (m.fallback !== true) botAnswered = true;
    } else if (m.role === 'agent') {
      firstAgent ??= m.ts;
    }
  }
  const explicit = state.explicitHandoffAt;
  const handoffAt = explicit === undefined ? firstAgent : firstAgent === undefined ? explicit : Math.min(explicit, firstAgent);
  const c: Conversation = {
    id,
    start: first.ts,
    end: last.ts,
    messages,
    counts: roleCounts,
    botEngaged: roleCounts.bot > 0,
    botAnswered,
    escalated: handoffAt !== undefined,
    agentCost: state.agentCost,
    otherCost: state.otherCost,
  };
  if (state.customerId !== undefined) c.customerId = state.customerId.value;
  if (state.channel !== undefined) c.channel = state.channel.value;
  if (state.market !== undefined) c.market = state.market.value;
  const language = customerLanguage ?? state.language?.value;
  if (language !== undefined) c.language = language;
  if (primaryIntent !== undefined) c.primaryIntent = primaryIntent;
  if (handoffAt !== undefined) c.handoffAt = handoffAt;
  if (explicit !== undefined) c.explicitHandoffAt = explicit;
  if (state.resolved !== undefined) c.resolved = state.resolved.value;
  if (state.csat !== undefined) c.csat = state.csat.value;
  analyseText(c, analysis, counts);
  return c;
}

/** Detects a missing language from the customer's text, then scores the messages still holding text. */
function analyseText(c: Conversation, analysis: AssembleOptions, counts: SentimentCounts): void {
  const waiting = c.messages.filter((m) => m.text !== undefined);
  if (waiting.length === 0) return;
  if (c.language === undefined && analysis.detectLanguage !== undefined) {
    const detected = analysis.detectLanguage(waiting.map((m) => m.text).join('\n'));
    if (detected !== undefined) {
      c.language = detected;
      c.languageDetected = true;
    }
  }
  for (const m of waiting) {
    if (m.sentiment === undefined) {
      if (analysis.scoreText !== undefined) score(m, m.text as string, m.language ?? c.language, analysis, counts);
      else counts.unscored++;
    }
    delete m.text;
  }
}
