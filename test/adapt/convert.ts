/**
 * Test helpers: flat event rows → each platform's export shape, and the pipeline run in-process
 * (read rows → adapt → ingest → report) without text analysis.
 *
 * `carried(rows, shape)` keeps what a shape can hold (the rows and fields it has a place for, one
 * outcome and one rating per conversation); `toDocuments(rows, shape)` writes those rows as the
 * platform's documents. The round trip holds when both give the same KPIs.
 */
import { adaptBatches, adapterById, emptyTally } from '../../src/adapt/index.js';
import type { RawRow } from '../../src/model.js';
import { DEFAULT_OPTIONS } from '../kpis/helpers.js';
import { buildReport } from '../../src/report/build.js';
import { ingest } from '../../src/report/ingest.js';
import type { Report } from '../../src/report/types.js';

export type Flat = Record<string, unknown>;
export type ShapeId = 'messages' | 'intercom' | 'zendesk' | 'chatwoot';

const BOT_NAME = 'Demo Bot';
const isThumb = (v: unknown): boolean => typeof v === 'boolean' || (typeof v === 'string' && !/^\s*[\d.]+\s*$/.test(v));
const isTrue = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim())) || v === 1;

/** Message fields each shape carries beyond conversation_id, timestamp, role, message_id, text. */
const MESSAGE_FIELDS: Record<ShapeId, readonly string[]> = {
  messages: ['intent', 'intent_confidence', 'expected_intent', 'fallback', 'sentiment', 'cost', 'language'],
  intercom: [],
  zendesk: [],
  chatwoot: [],
};
const CONVERSATION_FIELDS: Record<ShapeId, readonly string[]> = {
  messages: ['customer_id', 'channel', 'market'],
  intercom: ['customer_id', 'channel'],
  zendesk: ['customer_id', 'channel'],
  chatwoot: ['customer_id', 'channel'],
};

/** Rows grouped by conversation, each group in time order (ties in input order). */
function conversations(rows: readonly Flat[]): Map<string, Flat[]> {
  const byId = new Map<string, Flat[]>();
  for (const r of rows) {
    const id = String(r['conversation_id']);
    let list = byId.get(id);
    if (list === undefined) byId.set(id, (list = []));
    list.push(r);
  }
  for (const list of byId.values()) list.sort((a, b) => Date.parse(String(a['timestamp'])) - Date.parse(String(b['timestamp'])));
  return byId;
}

const isMessage = (r: Flat): boolean => (r['event'] ?? 'message') === 'message';
const firstOf = (rows: readonly Flat[], key: string): unknown => rows.find((r) => r[key] !== undefined && r[key] !== '')?.[key];

/** What `shape` can hold of flat rows, as flat rows again (see the module comment). */
export function carried(rows: readonly Flat[], shape: ShapeId): Flat[] {
  const out: Flat[] = [];
  for (const [id, conv] of conversations(rows)) {
    const messages = conv.filter((r) => isMessage(r) && r['role'] !== 'system');
    if (messages.length === 0) continue;
    const labels: Flat = {};
    for (const key of CONVERSATION_FIELDS[shape]) {
      const v = firstOf(conv, key);
      if (v !== undefined) labels[key] = v;
    }
    const intent = shape === 'messages' ? undefined : firstOf(messages.filter((m) => m['role'] === 'customer'), 'intent');
    let intentGiven = false;
    for (const m of messages) {
      const row: Flat = { conversation_id: id, timestamp: m['timestamp'], role: m['role'], message_id: m['message_id'], text: m['text'], ...labels };
      for (const key of MESSAGE_FIELDS[shape]) if (m[key] !== undefined) row[key] = m[key];
      if (intent !== undefined && m['role'] === 'customer' && !intentGiven) {
        row['intent'] = intent;
        intentGiven = true;
      }
      out.push(row);
    }
    const last = messages[messages.length - 1] as Flat;
    const end = last['timestamp'];
    const base = { conversation_id: id, ...labels };
    // One outcome: the last resolved value, on the last message's time.
    const outcomes = conv.filter((r) => r['resolved'] !== undefined || r['event'] === 'resolved');
    const outcome = outcomes[outcomes.length - 1];
    if (outcome !== undefined) out.push({ ...base, timestamp: end, event: 'resolved', resolved: outcome['resolved'] === undefined ? true : isTrue(outcome['resolved']) });
    // One rating: the last, if the platform's scale holds it.
    const ratings = conv.filter((r) => r['csat'] !== undefined && r['csat'] !== '');
    const rating = ratings[ratings.length - 1]?.['csat'];
    const fits = rating !== undefined && (shape === 'messages' || (shape === 'zendesk' ? isThumb(rating) : !isThumb(rating)));
    if (fits) out.push({ ...base, timestamp: end, event: 'csat', csat: shape === 'zendesk' ? ['up', 'true', 'positive', true].includes(typeof rating === 'string' ? rating.toLowerCase() : rating as boolean) : rating });
    // The handoff: its earliest time; Intercom and Zendesk only count one after a bot message,
    // the messages shape only states one (without a time) when no agent message shows it.
    const handoffs = conv.filter((r) => r['event'] === 'handoff' || isTrue(r['handoff']));
    const at = handoffs[0]?.['timestamp'];
    if (at !== undefined) {
      const ms = Date.parse(String(at));
      const botBefore = messages.some((m) => m['role'] === 'bot' && Date.parse(String(m['timestamp'])) <= ms);
      const agentSeen = messages.some((m) => m['role'] === 'agent');
      if (shape === 'messages' ? !agentSeen : shape === 'chatwoot' || botBefore) {
        out.push({ ...base, timestamp: shape === 'messages' ? end : at, event: 'handoff', handoff: true });
      }
    }
  }
  return out;
}

const epoch = (iso: unknown): number => Date.parse(String(iso)) / 1000;
const html = (text: unknown): string | null =>
  typeof text === 'string' ? `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>` : null;

/** Carried rows → the platform's documents, one per conversation. */
export function toDocuments(rows: readonly Flat[], shape: ShapeId): Flat[] {
  return [...conversations(rows)].map(([id, conv]) => {
    const messages = conv.filter(isMessage);
    const outcome = conv.find((r) => r['event'] === 'resolved')?.['resolved'];
    const rating = conv.find((r) => r['event'] === 'csat');
    const handoff = conv.find((r) => r['event'] === 'handoff');
    const customer = firstOf(conv, 'customer_id');
    const channel = firstOf(conv, 'channel');
    const intent = firstOf(messages, 'intent');
    if (shape === 'messages') {
      return {
        conversation_id: id,
        created_at: messages[0]?.['timestamp'],
        user: customer,
        metadata: { channel, market: firstOf(conv, 'market'), csat: rating?.['csat'], resolved: outcome, handoff: handoff === undefined ? undefined : true },
        messages: messages.map((m) => ({
          id: m['message_id'],
          role: m['role'] === 'customer' ? 'user' : m['role'] === 'bot' ? 'assistant' : 'agent',
          content: m['text'] ?? '',
          timestamp: m['timestamp'],
          ...Object.fromEntries(MESSAGE_FIELDS.messages.filter((k) => m[k] !== undefined).map((k) => [k, m[k]])),
        })),
      };
    }
    if (shape === 'intercom') {
      const author = (role: unknown): Flat =>
        role === 'customer' ? { type: 'user', id: customer } : role === 'bot' ? { type: 'bot', id: '278', name: 'Fin' } : { type: 'admin', id: '9', name: 'Ciaran' };
      const [head, ...rest] = messages;
      const parts: Flat[] = rest.map((m) => ({ type: 'conversation_part', id: m['message_id'], part_type: 'comment', body: html(m['text']), created_at: epoch(m['timestamp']), author: author(m['role']) }));
      if (handoff !== undefined) {
        parts.push({ type: 'conversation_part', id: 'handoff', part_type: 'assignment', body: null, created_at: epoch(handoff['timestamp']), author: { type: 'bot', id: '278' }, assigned_to: { type: 'team', id: '1' } });
        parts.sort((a, b) => (a['created_at'] as number) - (b['created_at'] as number));
      }
      return {
        type: 'conversation',
        id,
        created_at: epoch(head?.['timestamp']),
        source: { type: channel ?? 'conversation', id: head?.['message_id'], body: html(head?.['text']), author: author(head?.['role']), created_at: epoch(head?.['timestamp']) },
        contacts: { type: 'contact.list', contacts: customer === undefined ? [] : [{ type: 'contact', id: `contact-${String(customer)}`, external_id: customer }] },
        tags: { type: 'tag.list', tags: intent === undefined ? [] : [{ type: 'tag', name: intent }] },
        conversation_rating: rating === undefined ? null : { rating: rating['csat'], updated_at: epoch(rating['timestamp']) },
        ai_agent: outcome === undefined ? null : { resolution_state: outcome === true ? 'confirmed_resolution' : 'abandoned' },
        conversation_parts: { type: 'conversation_part.list', conversation_parts: parts },
      };
    }
    if (shape === 'zendesk') {
      const requester = customer ?? `anonymous-${id}`;
      const authorId = (role: unknown): unknown => (role === 'customer' ? requester : role === 'bot' ? 'bot' : 'agent');
      const last = messages[messages.length - 1]?.['timestamp'];
      return {
        ticket: {
          id,
          created_at: messages[0]?.['timestamp'],
          updated_at: last,
          status: outcome === undefined ? undefined : outcome === true ? 'solved' : 'open',
          requester_id: customer,
          tags: intent === undefined ? [] : [intent],
          via: { channel },
          satisfaction_rating: rating === undefined ? null : { score: rating['csat'] === true ? 'good' : 'bad', updated_at: rating['timestamp'] },
        },
        comments: messages.map((m) => ({ id: m['message_id'], author_id: authorId(m['role']), public: true, body: m['text'] ?? '', created_at: m['timestamp'] })),
        users: [
          { id: requester, role: 'end-user', name: 'A customer' },
          { id: 'agent', role: 'agent', name: 'Ciaran' },
          { id: 'bot', role: 'agent', name: BOT_NAME },
        ],
        audits: handoff === undefined ? [] : [{ created_at: handoff['timestamp'], events: [{ type: 'Change', field_name: 'assignee_id', value: '1' }] }],
      };
    }
    const last = messages[messages.length - 1]?.['timestamp'];
    const chatwootMessages: Flat[] = messages.map((m) => ({
      id: m['message_id'],
      conversation_id: id,
      message_type: m['role'] === 'customer' ? 0 : 1,
      content: m['text'] ?? null,
      private: false,
      sender_type: m['role'] === 'customer' ? 'Contact' : m['role'] === 'bot' ? 'AgentBot' : 'User',
      created_at: epoch(m['timestamp']),
    }));
    if (rating !== undefined) {
      chatwootMessages.push({ id: 'csat', message_type: 3, content_type: 'input_csat', content: 'Rate us', created_at: epoch(rating['timestamp']), content_attributes: { submitted_values: { csat_survey_response: { rating: rating['csat'] } } } });
    }
    return {
      id,
      status: outcome === undefined ? undefined : outcome === true ? 'resolved' : 'open',
      labels: intent === undefined ? [] : [intent],
      meta: { sender: customer === undefined ? undefined : { id: customer }, channel },
      last_activity_at: epoch(last),
      messages: chatwootMessages,
      reporting_events: handoff === undefined ? [] : [{ name: 'conversation_bot_handoff', created_at: epoch(handoff['timestamp']) }],
    };
  });
}

const rawRows = (records: readonly Flat[]): RawRow[] => records.map((fields, i) => ({ file: 'test', line: i + 1, ok: true, fields }));

/** The report of flat rows, or of documents through the named adapter (bots listed for Zendesk). */
export async function reportOf(records: readonly Flat[], adapterId?: string): Promise<Report> {
  async function* batches(): AsyncGenerator<RawRow[]> {
    yield rawRows(records);
  }
  const adapter = adapterId === undefined ? undefined : adapterById(adapterId);
  const source = adapter === undefined ? batches() : adaptBatches(batches(), adapter, { bots: [BOT_NAME], agents: [] }, emptyTally());
  const data = await ingest([source], { tz: 'UTC', csatScale: 5 });
  return buildReport(data, { scope: { tz: 'UTC', where: [] }, by: [], kpi: DEFAULT_OPTIONS, baseCurrency: 'USD', version: 'test' });
}
