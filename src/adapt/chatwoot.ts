import type { Adapter, AdaptOptions, AdaptOutput } from './types.js';
import { bodyText, docAt, first, idOf, isDoc, latest, listAt, listedRole, rejection, row, type Doc } from './util.js';

/** `message_type`: an integer in API payloads, a string in webhook data. */
const MESSAGE_TYPES: Record<string, 'incoming' | 'outgoing' | 'activity' | 'template'> = {
  0: 'incoming',
  1: 'outgoing',
  2: 'activity',
  3: 'template',
  incoming: 'incoming',
  outgoing: 'outgoing',
  activity: 'activity',
  template: 'template',
};
/** `status` enum `open:0, resolved:1, pending:2, snoozed:3` (or its names). */
const STATUSES: Record<string, string> = { 0: 'open', 1: 'resolved', 2: 'pending', 3: 'snoozed' };

/** The rating of a CSAT survey message, when it was answered. */
function surveyRating(m: Doc): unknown {
  const submitted = docAt(docAt(m['content_attributes'])?.['submitted_values']);
  return docAt(submitted?.['csat_survey_response'])?.['rating'];
}

/** `Channel::WebWidget` → `webwidget`. */
function channelOf(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/^Channel::/, '').toLowerCase() : v;
}

function adapt(doc: Doc, options: AdaptOptions): AdaptOutput {
  const meta = docAt(doc['meta']) ?? {};
  const messagesAt = Array.isArray(doc['payload']) ? 'payload' : 'messages';
  const messages = listAt(doc[messagesAt]) ?? [];
  const firstMessage = docAt(messages.find(isDoc));
  const conversationId = idOf(first(doc['display_id'], doc['id'], firstMessage?.['conversation_id']));
  if (conversationId === undefined) return [rejection('', 'missing conversation_id')];
  const attributes = docAt(doc['additional_attributes']) ?? docAt(meta['additional_attributes']);
  const labels = listAt(doc['labels']) ?? listAt(meta['labels']);
  const incoming = messages.find((m) => isDoc(m) && MESSAGE_TYPES[String(m['message_type'])] === 'incoming') as Doc | undefined;
  const common: Doc = {
    conversation_id: conversationId,
    customer_id: first(meta['contact_id'], docAt(meta['sender'])?.['id'], doc['contact_id'], incoming?.['sender_id']),
    channel: channelOf(first(meta['channel'], doc['channel'])),
    language: attributes?.['conversation_language'],
  };
  const intent = labels?.[0];

  const out: AdaptOutput = [];
  const times: unknown[] = [];
  let intentGiven = false;
  messages.forEach((m, i) => {
    const path = `${messagesAt}[${i}]`;
    if (!isDoc(m)) {
      out.push(rejection(path, 'not a message', m));
      return;
    }
    if (m['private'] === true) return; // a private note
    const type = MESSAGE_TYPES[String(m['message_type'])];
    if (type === undefined) {
      out.push(rejection(path, 'unknown message_type', m['message_type'] ?? null));
      return;
    }
    if (type === 'activity') return; // localised status text, not a message
    const rating = surveyRating(m);
    if (type === 'template' && (m['content_type'] === 'input_csat' || rating !== undefined)) {
      // The CSAT survey: its answer is the rating; the prompt itself is not part of the conversation.
      if (rating !== undefined && rating !== null) {
        const ts = first(m['updated_at'], m['created_at']);
        out.push(row(`${path}.content_attributes.submitted_values.csat_survey_response`, { ...common, timestamp: ts, event: 'csat', csat: rating }));
      }
      return;
    }
    const ts = m['created_at'];
    const base: Doc = { ...common, message_id: idOf(m['id']), timestamp: ts };
    const sender = m['sender_type'];
    let role = listedRole(options, m['sender_id'], docAt(m['sender'])?.['name'], docAt(m['sender'])?.['email']) as string | undefined;
    if (role === undefined) {
      if (type === 'incoming') role = 'customer';
      else if (type === 'template') role = 'system'; // other automated prompts
      else if (sender === 'AgentBot' || (typeof sender === 'string' && /bot|captain/i.test(sender))) role = 'bot';
      else if (sender === 'User') role = 'agent';
      else if (sender === null || sender === undefined) role = 'system'; // automation
      else {
        out.push(rejection(path, 'unknown sender_type', sender));
        return;
      }
    }
    const fields: Doc = { ...base, role, text: bodyText(m['content']) };
    if (role === 'customer' && !intentGiven && intent !== undefined) {
      fields['intent'] = intent;
      intentGiven = true;
    }
    times.push(ts);
    out.push(row(path, fields));
  });

  // Reporting events carry the bot's handoff and resolution with their times; else the status.
  let outcomeSeen = false;
  (listAt(doc['reporting_events']) ?? []).forEach((e, i) => {
    if (!isDoc(e)) return;
    const base = { ...common, message_id: idOf(e['id']), timestamp: e['created_at'] };
    if (e['name'] === 'conversation_bot_handoff') out.push(row(`reporting_events[${i}]`, { ...base, event: 'handoff', handoff: true }));
    else if (e['name'] === 'conversation_bot_resolved' || e['name'] === 'conversation_resolved') {
      outcomeSeen = true;
      out.push(row(`reporting_events[${i}]`, { ...base, event: 'resolved', resolved: true }));
    }
  });
  const status = first(doc['status'], meta['status']);
  const statusName = STATUSES[String(status)] ?? status;
  if (!outcomeSeen && typeof statusName === 'string' && Object.values(STATUSES).includes(statusName)) {
    const end = latest([...times, doc['last_activity_at'], doc['updated_at']]);
    out.push(row(doc['status'] !== undefined ? 'status' : 'meta.status', { ...common, timestamp: end, event: 'resolved', resolved: statusName === 'resolved' }));
  }
  return out;
}

const hasMessageTypes = (list: unknown): boolean => (listAt(list) ?? []).some((m) => isDoc(m) && 'message_type' in m);

/**
 * Chatwoot conversations with their messages: the conversation object with `messages`, or the
 * messages endpoint's `{meta, payload}`; optionally the conversation's `reporting_events`.
 */
export const chatwoot: Adapter = {
  id: 'chatwoot',
  title: 'Chatwoot conversations',
  docs: 'https://www.chatwoot.com/developers/api/#tag/Messages/operation/list-all-messages',
  granularity: 'document',
  detect: (r) => hasMessageTypes(r['payload']) || hasMessageTypes(r['messages']),
  start: (options) => ({ adapt: (doc) => adapt(doc, options) }),
};
