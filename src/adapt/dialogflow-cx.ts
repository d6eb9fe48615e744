/**
 * Dialogflow CX interaction logs exported to BigQuery: one row per conversational turn
 * (`conversation_name, turn_position, request_time, language_code, request, response,
 * conversation_signals, bot_answer_feedback, …`), as JSON Lines, a JSON array or CSV (the JSON
 * columns then hold JSON text). The request and response bodies follow the detectIntent JSON
 * mapping; both `camelCase` and `snake_case` keys are read.
 *
 * One turn gives a customer message (the query text), a bot message (the response texts joined),
 * and a handoff, a close or a rating where its signals say so. The table holds one time per turn,
 * the request's: the bot reply carries it too, so it has no time of its own.
 */
import type { AdaptOutput, Adapter, DerivedRow } from './types.js';
import { isDoc, nonBlank, type Doc } from './util.js';


/** `obj.camelName` or `obj.snake_name`. */
function get(obj: unknown, camel: string): unknown {
  if (!isDoc(obj)) return undefined;
  if (obj[camel] !== undefined) return obj[camel];
  return obj[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

/** A JSON column: an object, or (in a CSV export) its JSON text. */
function column(v: unknown): Doc | undefined {
  if (isDoc(v)) return v;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return isDoc(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}


/** The session id at the end of `projects/…/agents/…/sessions/<id>`; the whole name otherwise. */
function sessionId(name: string): string {
  const at = name.lastIndexOf('/sessions/');
  return at === -1 ? name : name.slice(at + '/sessions/'.length);
}

/**
 * BigQuery writes TIMESTAMP as `2024-06-04 09:05:00.123 UTC` (JSON and CSV exports): the ` UTC`
 * suffix becomes `Z`. Other values pass unchanged for the schema to read or reject.
 */
function requestTime(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/\s+UTC$/i, 'Z') : v;
}

/** True for a value of a boolean signal (JSON booleans, or "true" in text). */
const truthy = (v: unknown): boolean => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');

/** The bot's texts of a turn, and whether a live-agent handoff is among its messages. */
function responses(result: Doc | undefined): { text: string | undefined; liveAgent: boolean } {
  const texts: string[] = [];
  let liveAgent = false;
  const messages = get(result, 'responseMessages');
  for (const m of Array.isArray(messages) ? messages : []) {
    if (get(m, 'liveAgentHandoff') !== undefined) liveAgent = true;
    const parts = get(get(m, 'text'), 'text');
    for (const t of Array.isArray(parts) ? parts : []) if (nonBlank(t) !== undefined) texts.push(t as string);
  }
  return { text: texts.length === 0 ? undefined : texts.join('\n'), liveAgent };
}

/** THUMBS_UP / THUMBS_DOWN of the answer feedback (the API's AnswerFeedback `rating`). */
function thumb(feedback: Doc | undefined): 'up' | 'down' | undefined {
  const rating = get(feedback, 'rating');
  if (rating === 'THUMBS_UP') return 'up';
  if (rating === 'THUMBS_DOWN') return 'down';
  return undefined;
}

function turnRows(record: Doc): AdaptOutput {
  const name = nonBlank(record['conversation_name']);
  if (name === undefined) return [{ path: 'conversation_name', reason: 'missing conversation_id' }];
  const turn = record['turn_position'];
  const base: Doc = { conversation_id: sessionId(name), timestamp: requestTime(record['request_time']) };
  const language = nonBlank(record['language_code']);
  if (language !== undefined) base['language'] = language;

  const request = column(record['request']);
  const response = column(record['response']);
  const result = (get(response, 'queryResult') ?? get(response, 'detectIntentResponse')) as Doc | undefined;
  const signals = get(column(record['conversation_signals']), 'turnSignals') as Doc | undefined;
  const channel = nonBlank(get(get(request, 'queryParams'), 'channel'));
  if (channel !== undefined) base['channel'] = channel;

  const out: DerivedRow[] = [];
  const add = (suffix: string, path: string, fields: Doc): DerivedRow => {
    const row: DerivedRow = { path, fields: { ...base, message_id: `${String(turn)}:${suffix}`, ...fields } };
    out.push(row);
    return row;
  };

  const match = get(result, 'match');
  const noMatch = get(match, 'matchType') === 'NO_MATCH' || truthy(get(signals, 'noMatch'));
  const query = nonBlank(get(get(get(request, 'queryInput'), 'text'), 'text')) ?? nonBlank(get(result, 'text'));
  if (query !== undefined) {
    const fields: Doc = { role: 'customer', text: query };
    // A turn Dialogflow could not match has no intent; botkpi's fallback intent says so.
    const intent = noMatch ? 'fallback' : nonBlank(get(get(match, 'intent'), 'displayName'));
    if (intent !== undefined) fields['intent'] = intent;
    const confidence = get(match, 'confidence');
    if (!noMatch && typeof confidence === 'number') fields['intent_confidence'] = confidence;
    const sentiment = get(signals, 'sentimentScore');
    if (typeof sentiment === 'number') fields['sentiment'] = sentiment;
    add('u', 'request', fields);
  }
  const { text, liveAgent } = responses(result);
  if (text !== undefined) {
    add('b', 'response', { role: 'bot', text, fallback: noMatch }).documentTime = true;
  }
  if (liveAgent || truthy(get(signals, 'agentEscalated'))) add('h', 'conversation_signals', { event: 'handoff' });
  if (truthy(get(signals, 'reachedEndPage'))) add('c', 'conversation_signals', { event: 'close' });
  const rating = thumb(column(record['bot_answer_feedback']));
  if (rating !== undefined) add('f', 'bot_answer_feedback', { event: 'csat', csat: rating });
  return out;
}

export const dialogflowCx: Adapter = {
  id: 'dialogflow-cx',
  title: 'Dialogflow CX interaction logs (BigQuery export)',
  docs: 'https://cloud.google.com/dialogflow/cx/docs/concept/export-bq',
  granularity: 'row',
  detect: (record) => 'conversation_name' in record && 'turn_position' in record,
  start: () => ({ adapt: turnRows }),
};
