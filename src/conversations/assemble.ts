import type { Conversation, Event, Message, Role } from '../model.js';

/** Text analysis injected into assembly (pure functions; absent = not done). */
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
 * Collects events by conversation_id (across all inputs, in any order) and builds conversations
 * (contract section 2) once every row has been seen.
 */
export class ConversationAssembler {
  private readonly byId = new Map<string, Event[]>();

  constructor(private readonly options: AssembleOptions = {}) {}

  add(event: Event): void {
    // Text is only needed to score customer sentiment or detect the language; drop the rest early.
    if (event.text !== undefined && !(event.role === 'customer' && this.needsText(event))) delete event.text;
    const list = this.byId.get(event.conversationId);
    if (list === undefined) this.byId.set(event.conversationId, [event]);
    else list.push(event);
  }

  private needsText(event: Event): boolean {
    const { scoreText, detectLanguage } = this.options;
    return (scoreText !== undefined && event.sentiment === undefined) || (detectLanguage !== undefined && event.language === undefined);
  }

  /** Conversations with at least one message, and the number with none (excluded from KPIs). */
  finish(): { conversations: Conversation[]; withoutMessages: number; sentiment: SentimentCounts } {
    const conversations: Conversation[] = [];
    const sentiment: SentimentCounts = { given: 0, computed: 0, unscored: 0 };
    let withoutMessages = 0;
    for (const [id, events] of this.byId) {
      const c = buildConversation(id, events, this.options, sentiment);
      if (c === undefined) withoutMessages++;
      else conversations.push(c);
    }
    this.byId.clear();
    conversations.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { conversations, withoutMessages, sentiment };
  }
}

/** Detects a missing language, then scores customer messages without a given sentiment; drops their text. */
function analyseText(c: Conversation, options: AssembleOptions, counts: SentimentCounts): void {
  const customer = c.messages.filter((m) => m.role === 'customer');
  if (c.language === undefined && options.detectLanguage !== undefined) {
    const text = customer.flatMap((m) => (m.text === undefined ? [] : [m.text])).join('\n');
    const detected = text === '' ? undefined : options.detectLanguage(text);
    if (detected !== undefined) {
      c.language = detected;
      c.languageDetected = true;
    }
  }
  for (const m of customer) {
    if (m.sentiment !== undefined) counts.given++;
    else if (m.text !== undefined && options.scoreText !== undefined) {
      const score = options.scoreText(m.text, m.language ?? c.language);
      if (score === undefined) counts.unscored++;
      else {
        m.sentiment = score;
        counts.computed++;
      }
    }
    delete m.text;
  }
}

/** Builds one conversation from its events; undefined when it has no message. */
export function buildConversation(
  id: string,
  events: Event[],
  options: AssembleOptions = {},
  sentiment: SentimentCounts = { given: 0, computed: 0, unscored: 0 },
): Conversation | undefined {
  // Time order; ties keep input order.
  events.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const messages: Message[] = [];
  const counts: Record<Role, number> = { customer: 0, bot: 0, agent: 0, system: 0 };
  let customerId: string | undefined;
  let channel: string | undefined;
  let market: string | undefined;
  let anyLanguage: string | undefined;
  let customerLanguage: string | undefined;
  let primaryIntent: string | undefined;
  let botAnswered = false;
  let handoffAt: number | undefined;
  let explicitHandoffAt: number | undefined;
  let resolved: boolean | undefined;
  let csat: Conversation['csat'];
  let agentCost = 0;
  let otherCost = 0;

  for (const e of events) {
    customerId ??= e.customerId;
    channel ??= e.channel;
    market ??= e.market;
    anyLanguage ??= e.language;
    if (e.csat !== undefined) csat = e.csat;
    if (e.resolved !== undefined) resolved = e.resolved;
    else if (e.kind === 'resolved') resolved = true;
    if (e.kind === 'handoff' || e.handoff === true) {
      explicitHandoffAt ??= e.ts;
      handoffAt ??= e.ts;
    }
    const isMessage = e.kind === 'message' && e.role !== undefined;
    if (e.cost !== undefined) {
      if (isMessage && e.role === 'agent') agentCost += e.cost;
      else otherCost += e.cost;
    }
    if (!isMessage) continue;
    const role = e.role as Role;
    counts[role]++;
    const m: Message = { ts: e.ts, role };
    if (e.text !== undefined) m.text = e.text;
    if (e.fallback !== undefined) m.fallback = e.fallback;
    if (e.language !== undefined) m.language = e.language;
    if (role === 'customer') {
      if (e.intent !== undefined) m.intent = e.intent;
      if (e.intentConfidence !== undefined) m.intentConfidence = e.intentConfidence;
      if (e.expectedIntent !== undefined) m.expectedIntent = e.expectedIntent;
      if (e.sentiment !== undefined) m.sentiment = e.sentiment;
      customerLanguage ??= e.language;
      primaryIntent ??= e.intent;
    } else if (role === 'bot') {
      if (e.fallback !== true) botAnswered = true;
    } else if (role === 'agent') {
      handoffAt ??= e.ts;
    }
    messages.push(m);
  }
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (first === undefined || last === undefined) return undefined;

  const c: Conversation = {
    id,
    start: first.ts,
    end: last.ts,
    messages,
    counts,
    botEngaged: counts.bot > 0,
    botAnswered,
    escalated: handoffAt !== undefined,
    agentCost,
    otherCost,
  };
  if (customerId !== undefined) c.customerId = customerId;
  if (channel !== undefined) c.channel = channel;
  if (market !== undefined) c.market = market;
  const language = customerLanguage ?? anyLanguage;
  if (language !== undefined) c.language = language;
  if (primaryIntent !== undefined) c.primaryIntent = primaryIntent;
  if (handoffAt !== undefined) c.handoffAt = handoffAt;
  if (explicitHandoffAt !== undefined) c.explicitHandoffAt = explicitHandoffAt;
  if (resolved !== undefined) c.resolved = resolved;
  if (csat !== undefined) c.csat = csat;
  analyseText(c, options, sentiment);
  return c;
}
