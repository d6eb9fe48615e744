import type { Conversation, Event, Message, Role } from '../model.js';

/**
 * Collects events by conversation_id (across all inputs, in any order) and builds conversations
 * (contract section 2) once every row has been seen.
 */
export class ConversationAssembler {
  private readonly byId = new Map<string, Event[]>();

  add(event: Event): void {
    const list = this.byId.get(event.conversationId);
    if (list === undefined) this.byId.set(event.conversationId, [event]);
    else list.push(event);
  }

  /** Conversations with at least one message, and the number with none (excluded from KPIs). */
  finish(): { conversations: Conversation[]; withoutMessages: number } {
    const conversations: Conversation[] = [];
    let withoutMessages = 0;
    for (const [id, events] of this.byId) {
      const c = buildConversation(id, events);
      if (c === undefined) withoutMessages++;
      else conversations.push(c);
    }
    this.byId.clear();
    conversations.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { conversations, withoutMessages };
  }
}

/** Builds one conversation from its events; undefined when it has no message. */
export function buildConversation(id: string, events: Event[]): Conversation | undefined {
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
  return c;
}
