import type { Adapter, AdaptOptions, AdaptOutput } from './types.js';
import { bodyText, docAt, first, idOf, isDoc, latest, listAt, listedRole, rejection, row, type Doc } from './util.js';

type Role = 'customer' | 'bot' | 'agent';

const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact']);
const STAFF_TYPES = new Set(['admin', 'team']);
const MESSAGE_PARTS = new Set(['comment', 'quick_reply']);
const ASSIGNMENTS = new Set(['assignment', 'assign_and_reopen', 'default_assignment']);
/** `ai_agent.resolution_state` (API 2.14 and 2.16 enums) → botkpi's outcome. */
const RESOLVED_STATES = new Set(['assumed_resolution', 'confirmed_resolution']);
const UNRESOLVED_STATES = new Set(['abandoned', 'negative_feedback']);
const HANDOFF_STATES = new Set(['routed_to_team', 'escalated', 'procedure_handoff']);

/**
 * The author's role: the user's lists first, then Intercom's AI flags (`from_ai_agent`,
 * `is_ai_answer`, type `bot`), then admin/team → agent and user/lead/contact → customer.
 */
function roleOf(author: Doc | undefined, options: AdaptOptions): Role | undefined {
  if (author === undefined) return undefined;
  const listed = listedRole(options, author['id'], author['name'], author['email']);
  if (listed !== undefined) return listed;
  const type = typeof author['type'] === 'string' ? author['type'].toLowerCase() : '';
  if (type === 'bot' || author['from_ai_agent'] === true || author['is_ai_answer'] === true) return 'bot';
  if (STAFF_TYPES.has(type)) return 'agent';
  if (CUSTOMER_TYPES.has(type)) return 'customer';
  return undefined;
}

/** Intercom's source type `conversation` is a Messenger conversation; API 2.16 names channels itself. */
function channelOf(c: Doc, source: Doc | undefined): unknown {
  const channel = docAt(c['channel']);
  const type = first(channel?.['initial'], channel?.['current'], source?.['type']);
  return type === 'conversation' ? 'messenger' : type;
}

function adaptConversation(c: Doc, options: AdaptOptions, prefix: string): AdaptOutput {
  const at = (p: string): string => `${prefix}${p}`;
  const conversationId = idOf(c['id']);
  if (conversationId === undefined) return [rejection(prefix.replace(/\.$/, ''), 'missing conversation_id')];
  const source = docAt(c['source']);
  const contact = docAt(listAt(docAt(c['contacts'])?.['contacts'])?.[0]);
  const sourceAuthor = docAt(source?.['author']);
  const customerId = first(
    contact?.['external_id'],
    contact?.['id'],
    CUSTOMER_TYPES.has(String(sourceAuthor?.['type'])) ? sourceAuthor?.['id'] : undefined,
  );
  const common: Doc = { conversation_id: conversationId, customer_id: customerId, channel: channelOf(c, source) };
  const intent = docAt(listAt(docAt(c['tags'])?.['tags'])?.[0])?.['name'];

  const out: AdaptOutput = [];
  const times: unknown[] = [];
  let botSeen = false;
  let handedOff = false;
  let firstAgentTime: unknown;
  let intentGiven = false;
  const message = (path: string, id: unknown, ts: unknown, author: Doc | undefined, body: unknown): void => {
    const role = roleOf(author, options);
    if (role === undefined) {
      out.push(rejection(path, 'unknown author type', author?.['type'] ?? null));
      return;
    }
    const fields: Doc = { ...common, message_id: idOf(id), timestamp: ts, role, text: bodyText(body) };
    if (role === 'customer' && !intentGiven && intent !== undefined) {
      fields['intent'] = intent;
      intentGiven = true;
    }
    if (role === 'bot') botSeen = true;
    if (role === 'agent') firstAgentTime ??= ts;
    times.push(ts);
    out.push(row(path, fields));
  };

  // The opening message is the conversation's `source`, not a part.
  if (source !== undefined && (source['body'] !== undefined || sourceAuthor !== undefined)) {
    const body = first(source['body'], source['subject']);
    message(at('source'), first(source['id'], 'source'), first(source['created_at'], c['created_at']), sourceAuthor, body);
  }
  const partsList = c['conversation_parts'];
  const parts = listAt(docAt(partsList)?.['conversation_parts']) ?? listAt(partsList) ?? [];
  const partsPath = Array.isArray(partsList) ? 'conversation_parts' : 'conversation_parts.conversation_parts';
  parts.forEach((p, i) => {
    const path = at(`${partsPath}[${i}]`);
    if (!isDoc(p)) {
      out.push(rejection(path, 'not a conversation part', p));
      return;
    }
    const type = typeof p['part_type'] === 'string' ? p['part_type'] : '';
    const ts = p['created_at'];
    if (MESSAGE_PARTS.has(type)) {
      message(path, p['id'], ts, docAt(p['author']), p['body']);
    } else if (ASSIGNMENTS.has(type)) {
      // The first assignment to a teammate or team after the bot has spoken is the handoff.
      const to = docAt(p['assigned_to']);
      if (!handedOff && botSeen && to !== undefined && STAFF_TYPES.has(String(to['type']))) {
        handedOff = true;
        out.push(row(path, { ...common, message_id: idOf(p['id']), timestamp: ts, event: 'handoff', handoff: true }));
      }
    } else if (type === 'close') {
      times.push(ts);
      out.push(row(path, { ...common, message_id: idOf(p['id']), timestamp: ts, event: 'close' }));
    }
    // Notes are internal; open, snoozed, attribute updates and custom actions are not events.
  });

  // Listed or searched conversations come without parts: their statistics still time the first
  // assignment (a handoff when Fin took part) and the last close.
  const stats = docAt(c['statistics']);
  if (parts.length === 0 && stats !== undefined) {
    if (c['ai_agent_participated'] === true && stats['first_assignment_at'] !== undefined && stats['first_assignment_at'] !== null) {
      handedOff = true;
      out.push(row(at('statistics.first_assignment_at'), { ...common, timestamp: stats['first_assignment_at'], event: 'handoff', handoff: true }));
    }
    if (stats['last_close_at'] !== undefined && stats['last_close_at'] !== null) {
      out.push(row(at('statistics.last_close_at'), { ...common, timestamp: stats['last_close_at'], event: 'close' }));
    }
  }
  const end = first(latest(times), c['updated_at'], c['created_at']);
  const ai = docAt(c['ai_agent']);
  const state = typeof ai?.['resolution_state'] === 'string' ? ai['resolution_state'] : undefined;
  if (state !== undefined && HANDOFF_STATES.has(state) && !handedOff) {
    out.push(row(at('ai_agent.resolution_state'), { ...common, timestamp: firstAgentTime ?? end, event: 'handoff', handoff: true }));
  }
  if (state !== undefined && (RESOLVED_STATES.has(state) || UNRESOLVED_STATES.has(state))) {
    out.push(row(at('ai_agent.resolution_state'), { ...common, timestamp: end, event: 'resolved', resolved: RESOLVED_STATES.has(state) }));
  }
  const rating = docAt(c['conversation_rating']);
  if (rating !== undefined && rating['rating'] !== undefined && rating['rating'] !== null) {
    const ts = first(rating['updated_at'], rating['created_at'], end);
    out.push(row(at('conversation_rating'), { ...common, timestamp: ts, event: 'csat', csat: rating['rating'] }));
  } else if (ai?.['rating'] !== undefined && ai['rating'] !== null) {
    out.push(row(at('ai_agent.rating'), { ...common, timestamp: end, event: 'csat', csat: ai['rating'] }));
  }
  return out;
}

/**
 * Intercom conversations as the Conversations API returns them (`GET /conversations/{id}`): the
 * opening message in `source`, the rest in `conversation_parts`; one conversation per record, or
 * a `conversation.list` page of them.
 */
export const intercom: Adapter = {
  id: 'intercom',
  title: 'Intercom conversations',
  docs: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/retrieveconversation',
  granularity: 'document',
  detect: (r) =>
    (r['type'] === 'conversation' && (r['conversation_parts'] !== undefined || isDoc(r['source']))) ||
    (r['type'] === 'conversation.list' && Array.isArray(r['conversations'])),
  start: (options) => ({
    adapt: (doc) => {
      if (doc['type'] !== 'conversation.list') return adaptConversation(doc, options, '');
      return (listAt(doc['conversations']) ?? []).flatMap((c, i) =>
        isDoc(c) ? adaptConversation(c, options, `conversations[${i}].`) : [rejection(`conversations[${i}]`, 'not a conversation', c)],
      );
    },
  }),
};
