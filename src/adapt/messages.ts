import { isRejection, type Adapter, type AdaptOptions, type AdaptOutput, type DerivedRow } from './types.js';
import { docAt, first, idOf, isDoc, listAt, listedRole, rejection, row, type Doc } from './util.js';

/**
 * OpenAI chat roles → botkpi roles; `null` = not a customer-visible turn (instructions, tool
 * traffic). `agent` is botkpi's envelope addition for a human agent's message (the OpenAI shape has
 * none; an `assistant` message whose `name` is listed in `input.agents` is one too).
 */
const ROLES: Record<string, 'customer' | 'bot' | 'agent' | null> = {
  user: 'customer',
  assistant: 'bot',
  agent: 'agent',
  system: null,
  developer: null,
  tool: null,
  function: null,
};

/** Per-message fields taken as they are, from the message or its `metadata`. */
const MESSAGE_FIELDS = ['intent', 'intent_confidence', 'expected_intent', 'fallback', 'sentiment', 'cost', 'language'] as const;
/** Conversation-level labels, from the document or its `metadata`. */
const CONVERSATION_FIELDS = ['channel', 'market', 'language'] as const;

/** The text of `content`: a string, or the text parts of an array of content parts. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  const parts = listAt(content);
  if (parts === undefined) return undefined;
  const texts = parts
    .map((p) => (typeof p === 'string' ? p : isDoc(p) && typeof p['text'] === 'string' ? p['text'] : undefined))
    .filter((t): t is string => t !== undefined);
  return texts.length === 0 ? undefined : texts.join('\n');
}

const FALSE = new Set(['false', '0', 'no']);

const timeOf = (d: Doc): unknown => first(d['timestamp'], d['created_at'], d['createdAt'], d['time']);

function adapt(doc: Doc, options: AdaptOptions): AdaptOutput {
  const meta = docAt(doc['metadata']) ?? {};
  const get = (key: string): unknown => first(doc[key], meta[key]);
  const conversationId = idOf(first(doc['conversation_id'], doc['id'], doc['thread_id'], doc['session_id'], meta['conversation_id']));
  if (conversationId === undefined) return [rejection('', 'missing conversation_id')];
  const user = doc['user'];
  const customerId = first(doc['customer_id'], doc['user_id'], isDoc(user) ? user['id'] : user, meta['customer_id'], meta['user_id']);
  const docTime = first(timeOf(doc), meta['created_at'], meta['timestamp']);
  const labels: Doc = {};
  for (const key of CONVERSATION_FIELDS) {
    const v = get(key);
    if (v !== undefined) labels[key] = v;
  }

  const out: AdaptOutput = [];
  const messages = listAt(doc['messages']) ?? [];
  let lastTime = docTime;
  let agentSeen = false;
  let intentGiven = false;
  messages.forEach((m, i) => {
    const path = `messages[${i}]`;
    if (!isDoc(m)) {
      out.push(rejection(path, 'not a message object', m));
      return;
    }
    const roleName = typeof m['role'] === 'string' ? m['role'].trim().toLowerCase() : undefined;
    if (roleName === undefined || !(roleName in ROLES)) {
      out.push(rejection(path, 'unknown role', m['role'] ?? null));
      return;
    }
    const base = ROLES[roleName];
    const text = contentText(m['content']);
    // Instructions, tool calls and tool results are not turns of the conversation.
    if (base === null || (base !== 'customer' && (text === undefined || text.trim() === ''))) return;
    const role = listedRole(options, m['name']) ?? base;
    const own = timeOf(m);
    const ts = own ?? lastTime;
    if (own !== undefined) lastTime = own;
    if (role === 'agent') agentSeen = true;
    const mMeta = docAt(m['metadata']) ?? {};
    const fields: Doc = {
      conversation_id: conversationId,
      message_id: idOf(m['id']) ?? `m${i}`,
      timestamp: ts,
      role,
      text,
      customer_id: customerId,
      ...labels,
    };
    for (const key of MESSAGE_FIELDS) {
      const v = first(m[key], mMeta[key]);
      if (v !== undefined) fields[key] = v;
    }
    // A conversation-level intent labels the first customer message.
    if (role === 'customer' && !intentGiven && fields['intent'] === undefined && get('intent') !== undefined) fields['intent'] = get('intent');
    if (role === 'customer') intentGiven = true;
    out.push(row(path, fields, own === undefined));
  });
  if (out.length === 0 && messages.length > 0) return [rejection('messages', 'no customer or assistant message')];

  // Conversation-level outcomes, at the time of the last message.
  const event = (path: string, fields: Doc, ts: unknown): void => {
    out.push(row(path, { conversation_id: conversationId, timestamp: ts, customer_id: customerId, ...fields }));
  };
  const metaPath = (key: string): string => (doc[key] !== undefined ? key : `metadata.${key}`);
  const csat = first(get('csat'), get('rating'));
  if (csat !== undefined) event(metaPath(get('csat') !== undefined ? 'csat' : 'rating'), { event: 'csat', csat }, lastTime);
  const resolved = get('resolved');
  if (resolved !== undefined) event(metaPath('resolved'), { event: 'resolved', resolved }, lastTime);
  // A conversation-level handoff has no time of its own. An agent message already escalates the
  // conversation (and a made-up handoff time would make a wait of 0); without one, the flag is the
  // only sign, at the last message. A false flag is no event, a bad one is left to the schema.
  const handoff = get('handoff');
  if (handoff !== undefined && !agentSeen && !FALSE.has(String(handoff).trim().toLowerCase())) {
    event(metaPath('handoff'), { event: 'handoff', handoff }, lastTime);
  }
  // A conversation's cost is the bot's: it goes on its last bot message (or an event of its own).
  const cost = get('cost');
  if (cost !== undefined) {
    const lastBot = out.findLast((r): r is DerivedRow => !isRejection(r) && r.fields['role'] === 'bot' && r.fields['cost'] === undefined);
    if (lastBot !== undefined) lastBot.fields['cost'] = cost;
    else event(metaPath('cost'), { event: 'close', cost }, lastTime);
  }
  return out;
}

/**
 * An LLM bot's chat log in the OpenAI chat shape: one JSON document per conversation with a
 * `messages` array (`role` user/assistant/system/developer/tool, `content` a string or content
 * parts), in an envelope botkpi defines: `conversation_id` (or `id`), `created_at`, `user` /
 * `customer_id`, `metadata` (channel, market, language, intent, csat, resolved, handoff, cost).
 * Messages may carry `timestamp`/`created_at`; without, they are ordered but not timed.
 */
export const messages: Adapter = {
  id: 'messages',
  title: 'chat message logs (OpenAI messages shape)',
  docs: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages',
  granularity: 'document',
  detect: (r) => {
    const list = listAt(r['messages']);
    return list !== undefined && list.some((m) => isDoc(m) && typeof m['role'] === 'string');
  },
  start: (options) => ({ adapt: (doc) => adapt(doc, options) }),
};
