import type { Adapter, AdaptOptions, AdaptOutput } from './types.js';
import { bodyText, docAt, first, idOf, isDoc, latest, listAt, listedRole, rejection, row, timeMs, type Doc } from './util.js';

/** Via ids of the via-types table that have a channel name botkpi reports (others stay numbers). */
const VIA_IDS: Record<number, string> = { 0: 'web_form', 4: 'email', 5: 'api', 8: 'rule', 29: 'chat' };
const SOLVED = new Set(['solved', 'closed']);
const UNSOLVED = new Set(['new', 'open', 'pending', 'hold']);

function channelOf(via: unknown): unknown {
  const channel = docAt(via)?.['channel'];
  if (typeof channel === 'number') return VIA_IDS[channel] ?? String(channel);
  return channel === 'mail' ? 'email' : channel;
}

const isRule = (via: unknown): boolean => {
  const channel = docAt(via)?.['channel'];
  return channel === 'rule' || channel === 8;
};

/**
 * A Support ticket with its comments (`GET /tickets/{id}` + `/comments`, optionally `?include=users`
 * and the audits): `{ticket, comments, users?, audits?}`, or a ticket object holding `comments`.
 */
function adaptTicket(doc: Doc, options: AdaptOptions): AdaptOutput {
  const ticket = docAt(doc['ticket']) ?? doc;
  const conversationId = idOf(ticket['id']);
  if (conversationId === undefined) return [rejection(isDoc(doc['ticket']) ? 'ticket' : '', 'missing conversation_id')];
  const users = new Map<string, Doc>();
  for (const u of listAt(doc['users']) ?? []) {
    const id = isDoc(u) ? idOf(u['id']) : undefined;
    if (id !== undefined) users.set(id, u as Doc);
  }
  const requester = idOf(ticket['requester_id']);
  const common: Doc = {
    conversation_id: conversationId,
    customer_id: requester,
    channel: channelOf(ticket['via']),
    language: requester === undefined ? undefined : users.get(requester)?.['locale'],
  };
  const intent = listAt(ticket['tags'])?.[0];
  const commentsAt = listAt(doc['comments']) !== undefined ? 'comments' : 'ticket.comments';
  const comments = listAt(doc['comments']) ?? listAt(ticket['comments']) ?? [];

  const out: AdaptOutput = [];
  const times: unknown[] = [];
  let firstBotMs = Infinity;
  let intentGiven = false;
  comments.forEach((c, i) => {
    const path = `${commentsAt}[${i}]`;
    if (!isDoc(c)) {
      out.push(rejection(path, 'not a comment', c));
      return;
    }
    if (c['public'] === false) return; // an internal note
    const authorId = idOf(c['author_id']);
    const user = authorId === undefined ? undefined : users.get(authorId);
    let role = listedRole(options, authorId, user?.['name'], user?.['email']) as string | undefined;
    if (role === undefined) {
      const userRole = user?.['role'];
      if (isRule(c['via'])) role = 'system'; // a trigger or automation
      else if (userRole === 'end-user') role = 'customer';
      else if (userRole === 'agent' || userRole === 'admin') role = 'agent';
      else if (user !== undefined) {
        out.push(rejection(path, 'unknown author role', userRole ?? null));
        return;
      } else if (authorId !== undefined) role = authorId === requester ? 'customer' : 'agent';
      else {
        out.push(rejection(path, 'missing author_id'));
        return;
      }
    }
    const fields: Doc = {
      ...common,
      message_id: idOf(c['id']),
      timestamp: c['created_at'],
      role,
      text: typeof c['plain_body'] === 'string' ? c['plain_body'] : first(bodyText(c['body']), bodyText(c['html_body'])),
    };
    if (role === 'customer' && !intentGiven && intent !== undefined) {
      fields['intent'] = intent;
      intentGiven = true;
    }
    if (role === 'bot') firstBotMs = Math.min(firstBotMs, timeMs(c['created_at']));
    times.push(c['created_at']);
    out.push(row(path, fields));
  });

  // Audits: status changes give the outcome with its time, an assignment after the bot the handoff.
  let statusSeen = false;
  let handedOff = false;
  const audits = listAt(doc['audits']) ?? listAt(ticket['audits']) ?? [];
  audits.forEach((a, i) => {
    if (!isDoc(a)) {
      out.push(rejection(`audits[${i}]`, 'not an audit', a));
      return;
    }
    (listAt(a['events']) ?? []).forEach((e, j) => {
      if (!isDoc(e) || e['type'] !== 'Change') return;
      const path = `audits[${i}].events[${j}]`;
      const base = { ...common, message_id: idOf(e['id']), timestamp: a['created_at'] };
      if (e['field_name'] === 'status' && typeof e['value'] === 'string') {
        statusSeen = true;
        if (SOLVED.has(e['value'])) out.push(row(path, { ...base, event: e['value'] === 'closed' ? 'close' : 'resolved', resolved: true }));
        else if (UNSOLVED.has(e['value'])) out.push(row(path, { ...base, event: 'resolved', resolved: false }));
      } else if ((e['field_name'] === 'assignee_id' || e['field_name'] === 'group_id') && firstBotMs <= timeMs(a['created_at']) && !handedOff) {
        handedOff = true;
        out.push(row(path, { ...base, event: 'handoff', handoff: true }));
      }
    });
  });
  const end = first(ticket['updated_at'], latest(times));
  const status = ticket['status'];
  if (!statusSeen && typeof status === 'string' && (SOLVED.has(status) || UNSOLVED.has(status))) {
    out.push(row(`${doc === ticket ? '' : 'ticket.'}status`, { ...common, timestamp: end, event: 'resolved', resolved: SOLVED.has(status) }));
  }
  // Legacy CSAT: good/bad is a thumb; offered/unoffered is no rating.
  const ratingAt = isDoc(ticket['satisfaction_rating']) ? `${doc === ticket ? '' : 'ticket.'}satisfaction_rating` : undefined;
  const rating = docAt(ticket['satisfaction_rating']);
  if (ratingAt !== undefined && rating !== undefined && (rating['score'] === 'good' || rating['score'] === 'bad')) {
    const ts = first(rating['updated_at'], rating['created_at'], end);
    out.push(row(ratingAt, { ...common, timestamp: ts, event: 'csat', csat: rating['score'] === 'good' }));
  }
  return out;
}

/**
 * Sunshine Conversations (Zendesk messaging) messages (`GET /v2/apps/{app}/conversations/{id}/messages`)
 * with the conversation: `{conversation: {id}, messages, events?}`; `events` are webhook events,
 * of which `switchboard:passControl` after the bot is the handoff.
 */
function adaptSunshine(doc: Doc, options: AdaptOptions): AdaptOutput {
  const conversation = docAt(doc['conversation']);
  const conversationId = idOf(first(conversation?.['id'], doc['conversation_id'], doc['conversationId'], doc['id']));
  if (conversationId === undefined) return [rejection('', 'missing conversation_id')];
  const messages = listAt(doc['messages']) ?? [];
  const userMessage = messages.find((m) => isDoc(m) && docAt(m['author'])?.['type'] === 'user') as Doc | undefined;
  const userAuthor = docAt(userMessage?.['author']);
  const common: Doc = {
    conversation_id: conversationId,
    customer_id: first(userAuthor?.['userExternalId'], userAuthor?.['userId']),
    channel: docAt(userMessage?.['source'])?.['type'],
  };
  const out: AdaptOutput = [];
  let firstBotTime: unknown;
  messages.forEach((m, i) => {
    const path = `messages[${i}]`;
    if (!isDoc(m)) {
      out.push(rejection(path, 'not a message', m));
      return;
    }
    const author = docAt(m['author']);
    const type = author?.['type'];
    const subtypes = listAt(author?.['subtypes']) ?? [];
    let role = listedRole(options, author?.['userId'], author?.['displayName']) as string | undefined;
    if (role === undefined) {
      if (type === 'user') role = 'customer';
      else if (type === 'business') role = subtypes.includes('AI') ? 'bot' : 'agent';
      else {
        out.push(rejection(path, 'unknown author type', type ?? null));
        return;
      }
    }
    const content = docAt(m['content']);
    const text = content?.['type'] === 'text' ? content['text'] : first(content?.['text'], content?.['altText']);
    if (role === 'bot') firstBotTime ??= m['received'];
    out.push(row(path, { ...common, message_id: idOf(m['id']), timestamp: m['received'], role, text: bodyText(text) }));
  });
  let handedOff = false;
  (listAt(doc['events']) ?? []).forEach((e, i) => {
    if (!isDoc(e) || e['type'] !== 'switchboard:passControl' || handedOff || firstBotTime === undefined) return;
    handedOff = true;
    out.push(row(`events[${i}]`, { ...common, message_id: idOf(e['id']), timestamp: e['createdAt'], event: 'handoff', handoff: true }));
  });
  return out;
}

const isSunshineMessage = (m: unknown): boolean => isDoc(m) && isDoc(m['author']) && m['received'] !== undefined;

/**
 * Zendesk: Support tickets with their comments (and satisfaction rating, audits, sideloaded users),
 * or Sunshine Conversations messages (Zendesk messaging).
 */
export const zendesk: Adapter = {
  id: 'zendesk',
  title: 'Zendesk tickets and messaging conversations',
  docs: 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/',
  granularity: 'document',
  detect: (r) => {
    const ticket = docAt(r['ticket']) ?? r;
    if (Array.isArray(r['comments'] ?? ticket['comments']) && (ticket['requester_id'] !== undefined || isDoc(r['ticket']))) return true;
    return (listAt(r['messages']) ?? []).some(isSunshineMessage);
  },
  start: (options) => ({
    adapt: (doc) => ((listAt(doc['messages']) ?? []).some(isSunshineMessage) ? adaptSunshine(doc, options) : adaptTicket(doc, options)),
  }),
};
