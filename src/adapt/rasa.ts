/**
 * Rasa tracker stores: a tracker document (`GET /conversations/{id}/tracker`, the Mongo and Redis
 * stores: `sender_id` + `events`) or the SQL tracker store's `events` table, one row per event
 * (`id, sender_id, type_name, timestamp, intent_name, action_name, data`), exported as CSV in `id`
 * order.
 *
 * One sender holds every session of a user: a `session_started` (or a `restart`) begins a new
 * conversation, `<sender_id>` for the first and `<sender_id>#2`, `#3`, … after it, so the JSON
 * and the table give the same conversations. The sender is the customer across its sessions.
 */
import type { AdaptOptions, AdaptOutput, Adapter, AdaptSession, DerivedRow } from './types.js';
import { isDoc, nonBlank as text, type Doc } from './util.js';


/** Rasa's own fallback actions: a bot message they utter is a fallback. */
const FALLBACK_ACTIONS = new Set(['action_default_fallback', 'action_two_stage_fallback']);

/**
 * Rasa has no built-in handoff action (its docs leave it to a custom action); these are the
 * names projects commonly give it, plus the CALM pattern. `input.handoff_actions` replaces them.
 */
export const RASA_HANDOFF_ACTIONS: readonly string[] = [
  'action_handoff',
  'action_handoff_to_agent',
  'action_human_handoff',
  'action_transfer_to_human',
  'pattern_human_handoff',
];

/** What one sender's events so far decide about the next ones. */
interface SenderState {
  /** 1-based number of the current session. */
  session: number;
  /** The current session has a user or bot message. */
  hasMessages: boolean;
  /** Position of the next event in the sender's event list. */
  index: number;
  /** The last action run: a bot message after a fallback action is a fallback. */
  lastAction: string | undefined;
}

const newState = (): SenderState => ({ session: 1, hasMessages: false, index: 0, lastAction: undefined });

const senderOf = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : text(v);

/** The fields of `fields` that are present (not undefined or null). */
function present(fields: Doc): Doc {
  const out: Doc = {};
  for (const key in fields) if (fields[key] !== undefined && fields[key] !== null) out[key] = fields[key];
  return out;
}

/**
 * The canonical rows of one tracker event of `sender`, advancing its state. `fallbackTime` is
 * the SQL row's `timestamp` column, used when the event has none.
 */
function eventRows(
  event: Doc,
  path: string,
  sender: string,
  state: SenderState,
  handoffs: ReadonlySet<string>,
  fallbackTime?: unknown,
): AdaptOutput {
  const index = state.index++;
  const type = event['event'];
  if (typeof type !== 'string') return [{ path, reason: 'invalid event', value: type }];
  const base = (): Doc => ({
    conversation_id: state.session === 1 ? sender : `${sender}#${state.session}`,
    customer_id: sender,
    timestamp: event['timestamp'] ?? fallbackTime,
  });
  const one = (fields: Doc): DerivedRow[] => [{ path, fields: present({ ...base(), ...fields }) }];
  switch (type) {
    case 'user': {
      state.hasMessages = true;
      const parse = isDoc(event['parse_data']) ? event['parse_data'] : {};
      const intent = isDoc(parse['intent']) ? parse['intent'] : {};
      return one({
        message_id: text(event['message_id']) ?? `e${index}`,
        role: 'customer',
        text: text(event['text']),
        channel: text(event['input_channel']),
        intent: text(intent['name']),
        intent_confidence: typeof intent['confidence'] === 'number' ? intent['confidence'] : undefined,
      });
    }
    case 'bot':
      state.hasMessages = true;
      return one({
        message_id: `e${index}`,
        role: 'bot',
        text: text(event['text']),
        fallback: state.lastAction !== undefined && FALLBACK_ACTIONS.has(state.lastAction),
      });
    case 'action': {
      const name = text(event['name']);
      if (name !== 'action_listen') state.lastAction = name;
      return name !== undefined && handoffs.has(name) ? one({ message_id: `e${index}`, event: 'handoff' }) : [];
    }
    case 'flow_started': {
      const flow = text(event['flow_id']);
      return flow !== undefined && handoffs.has(flow) ? one({ message_id: `e${index}`, event: 'handoff' }) : [];
    }
    case 'pause': // "ignore messages from the user to let a human take over"
      return one({ message_id: `e${index}`, event: 'handoff' });
    case 'restart': {
      const rows = one({ message_id: `e${index}`, event: 'close' });
      newSession(state);
      return rows;
    }
    case 'session_started':
      newSession(state);
      return [];
    case 'slot':
      return slotRows(event, one, index);
    default:
      return [];
  }
}

/** Rasa has no rating or resolution of its own; a slot named `csat` or `resolved` carries them. */
function slotRows(event: Doc, one: (fields: Doc) => DerivedRow[], index: number): DerivedRow[] {
  const value = event['value'];
  if (value === null || value === undefined) return [];
  if (event['name'] === 'csat') return one({ message_id: `e${index}`, event: 'csat', csat: value });
  if (event['name'] === 'resolved') return one({ message_id: `e${index}`, event: 'resolved', resolved: value });
  return [];
}

function newSession(state: SenderState): void {
  if (!state.hasMessages) return;
  state.session++;
  state.hasMessages = false;
  state.lastAction = undefined;
}

const isTracker = (record: Doc): boolean => 'sender_id' in record && Array.isArray(record['events']);
const isTableRow = (record: Doc): boolean => 'sender_id' in record && 'type_name' in record && 'data' in record;

function trackerRows(record: Doc, handoffs: ReadonlySet<string>): AdaptOutput {
  const sender = senderOf(record['sender_id']);
  if (sender === undefined) return [{ path: 'sender_id', reason: 'missing conversation_id' }];
  const state = newState();
  const out: AdaptOutput = [];
  (record['events'] as unknown[]).forEach((event, i) => {
    const path = `events[${i}]`;
    if (!isDoc(event)) {
      state.index++;
      out.push({ path, reason: 'invalid event', value: event });
    } else {
      for (const row of eventRows(event, path, sender, state, handoffs)) out.push(row);
    }
  });
  return out;
}

/** One row of the SQL store's `events` table; `data` holds the event as JSON text. */
function tableRows(record: Doc, senders: Map<string, SenderState>, handoffs: ReadonlySet<string>): AdaptOutput {
  const sender = senderOf(record['sender_id']);
  if (sender === undefined) return [{ path: 'sender_id', reason: 'missing conversation_id' }];
  let event: unknown = record['data'];
  if (typeof event === 'string') {
    try {
      event = JSON.parse(event);
    } catch {
      event = undefined;
    }
  }
  let state = senders.get(sender);
  if (state === undefined) senders.set(sender, (state = newState()));
  if (!isDoc(event)) {
    state.index++;
    return [{ path: 'data', reason: 'malformed JSON', value: record['data'] }];
  }
  if (event['event'] === undefined && typeof record['type_name'] === 'string') event = { ...event, event: record['type_name'] };
  return eventRows(event as Doc, '', sender, state, handoffs, record['timestamp']);
}

const handoffSet = (options: AdaptOptions): ReadonlySet<string> => new Set(options.handoffActions ?? RASA_HANDOFF_ACTIONS);

/** Tracker documents: one per sender, its sessions split into conversations. */
export const rasa: Adapter = {
  id: 'rasa',
  title: 'Rasa trackers',
  docs: 'https://rasa.com/docs/rasa/tracker-stores',
  granularity: 'document',
  detect: isTracker,
  start(options: AdaptOptions): AdaptSession {
    const handoffs = handoffSet(options);
    return {
      adapt: (record) => (isTracker(record) ? trackerRows(record, handoffs) : [{ path: '', reason: 'not a Rasa tracker' }]),
    };
  },
};

/**
 * Rows of the SQL tracker store's `events` table, in `id` order: each sender's state (its
 * session, the last action) carries from row to row. A row that is no event of botkpi's (an
 * action, a featurization) derives nothing.
 */
export const rasaSql: Adapter = {
  id: 'rasa-sql',
  title: 'Rasa SQL tracker store events',
  docs: 'https://rasa.com/docs/rasa/tracker-stores#sqltrackerstore',
  granularity: 'row',
  detect: isTableRow,
  start(options: AdaptOptions): AdaptSession {
    const handoffs = handoffSet(options);
    const senders = new Map<string, SenderState>();
    return {
      adapt: (record) => (isTableRow(record) ? tableRows(record, senders, handoffs) : [{ path: '', reason: 'not a Rasa events row' }]),
    };
  },
};
