/**
 * Langfuse traces (`GET /api/public/traces`, a `{"data": […]}` page, or one trace per line): a
 * session (`sessionId`) is a conversation, a trace without one is a conversation of its own.
 * Each trace is one turn: its input is the customer's message at the trace's `timestamp`, its
 * output the bot's reply `latency` seconds later, with the trace's cost.
 *
 * Scores carry what the application logged: their names are the application's conventions, not
 * Langfuse's. botkpi reads `csat` (a rating), `user-feedback` / `feedback` (a thumb), `resolved`,
 * `handoff` and `intent`.
 */
import type { AdaptOutput, Adapter, DerivedRow } from './types.js';
import { isDoc, nonBlank, type Doc } from './util.js';

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const CSAT_SCORES = new Set(['csat']);
const THUMB_SCORES = new Set(['user-feedback', 'user_feedback', 'feedback']);

/** The text of a chat message's `content`: a string, or the text parts of a parts array. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return nonBlank(content);
  if (!Array.isArray(content)) return undefined;
  const texts = content.map((p) => (isDoc(p) && p['type'] === 'text' ? nonBlank(p['text']) : undefined)).filter((t) => t !== undefined);
  return texts.length === 0 ? undefined : texts.join('\n');
}

/**
 * The text of a trace's input or output, as applications log it: a string; a chat message
 * (`{role, content}`); a `messages` history, of which only the last message of `role` is new in
 * this turn; or an object with one of the usual text keys.
 */
function textOf(value: unknown, role: 'user' | 'assistant'): string | undefined {
  if (typeof value === 'string') return nonBlank(value);
  if (Array.isArray(value)) return textOf({ messages: value }, role);
  if (!isDoc(value)) return undefined;
  const messages = value['messages'];
  if (Array.isArray(messages)) {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m: unknown = messages[i];
      if (isDoc(m) && m['role'] === role) return contentText(m['content']);
    }
    return undefined;
  }
  if ('content' in value) return contentText(value['content']);
  for (const key of ['text', 'query', 'question', 'input', 'output', 'answer', 'completion']) {
    const t = nonBlank(value[key]);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** `iso` plus `seconds` (to the millisecond), as ISO 8601 UTC; undefined when `iso` is not a time. */
function later(iso: unknown, seconds: number): string | undefined {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? new Date(ms + Math.round(seconds * 1000)).toISOString() : undefined;
}

/** The trace's cost: `totalCost`, else the sum of its observations' calculated costs. */
function costOf(trace: Doc, observations: unknown[]): number | undefined {
  const total = finite(trace['totalCost']);
  if (total !== undefined) return total;
  let sum: number | undefined;
  for (const o of observations) {
    const c = isDoc(o) ? finite(o['calculatedTotalCost']) : undefined;
    if (c !== undefined) sum = (sum ?? 0) + c;
  }
  return sum;
}

/** When the output was produced: `latency` seconds after the start, else the last observation's end. */
function outputTime(trace: Doc, observations: unknown[]): string | undefined {
  const latency = finite(trace['latency']);
  if (latency !== undefined) return later(trace['timestamp'], latency);
  let last: number | undefined;
  for (const o of observations) {
    const end = isDoc(o) && typeof o['endTime'] === 'string' ? Date.parse(o['endTime']) : NaN;
    if (Number.isFinite(end) && (last === undefined || end > last)) last = end;
  }
  return last === undefined ? undefined : new Date(last).toISOString();
}

/** A score as a boolean: BOOLEAN scores are 1/0 with stringValue "True"/"False". */
function scoreFlag(score: Doc): boolean | undefined {
  const v = score['value'];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  const s = nonBlank(score['stringValue'])?.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

function scoreRows(trace: Doc, base: Doc, out: AdaptOutput): string | undefined {
  let intent: string | undefined;
  const scores = Array.isArray(trace['scores']) ? trace['scores'] : [];
  scores.forEach((score: unknown, i) => {
    const path = `scores[${i}]`;
    // A list page holds score ids only (the trace itself holds the scores): nothing to read.
    if (typeof score === 'string') return;
    if (!isDoc(score)) return void out.push({ path, reason: 'invalid score', value: score });
    const name = nonBlank(score['name'])?.trim().toLowerCase();
    if (name === undefined) return;
    const fields: Doc = { ...base, message_id: nonBlank(score['id']) ?? `${String(base['message_id'])}:score${i}` };
    if (score['timestamp'] !== undefined) fields['timestamp'] = score['timestamp'];
    if (name === 'intent') {
      intent = nonBlank(score['stringValue']) ?? nonBlank(score['value']);
      return;
    }
    let row: Doc | undefined;
    if (CSAT_SCORES.has(name)) {
      const value = score['dataType'] === 'BOOLEAN' ? (scoreFlag(score) === true ? 'up' : 'down') : (score['value'] ?? score['stringValue']);
      row = { event: 'csat', csat: value };
    } else if (THUMB_SCORES.has(name)) {
      const flag = scoreFlag(score);
      if (flag !== undefined) row = { event: 'csat', csat: flag ? 'up' : 'down' };
    } else if (name === 'resolved') {
      const flag = scoreFlag(score);
      if (flag !== undefined) row = { event: 'resolved', resolved: flag };
    } else if (name === 'handoff' && scoreFlag(score) === true) {
      row = { event: 'handoff' };
    }
    if (row !== undefined) out.push({ path, fields: { ...fields, ...row } });
  });
  return intent;
}

function traceRows(trace: Doc): AdaptOutput {
  const id = nonBlank(trace['id']);
  const conversation = nonBlank(trace['sessionId']) ?? id;
  if (conversation === undefined) return [{ path: '', reason: 'missing conversation_id' }];
  const metadata = isDoc(trace['metadata']) ? trace['metadata'] : {};
  const base: Doc = { conversation_id: conversation, message_id: id ?? conversation, timestamp: trace['timestamp'] };
  const customer = nonBlank(trace['userId']);
  if (customer !== undefined) base['customer_id'] = customer;
  for (const key of ['channel', 'market', 'language']) {
    const v = nonBlank(metadata[key]);
    if (v !== undefined) base[key] = v;
  }
  const observations = Array.isArray(trace['observations']) ? trace['observations'] : [];
  const out: AdaptOutput = [];
  const intent = scoreRows(trace, base, out);
  const turn: DerivedRow[] = [];
  const input = trace['input'];
  if (input !== undefined && input !== null) {
    const fields: Doc = { ...base, message_id: `${String(base['message_id'])}:in`, role: 'customer' };
    const text = textOf(input, 'user');
    if (text !== undefined) fields['text'] = text;
    if (intent !== undefined) fields['intent'] = intent;
    turn.push({ path: 'input', fields });
  }
  const output = trace['output'];
  if (output !== undefined && output !== null) {
    const at = outputTime(trace, observations);
    const fields: Doc = { ...base, message_id: `${String(base['message_id'])}:out`, role: 'bot', timestamp: at ?? trace['timestamp'] };
    const text = textOf(output, 'assistant');
    if (text !== undefined) fields['text'] = text;
    const row: DerivedRow = { path: 'output', fields };
    if (at === undefined) row.documentTime = true;
    turn.push(row);
  }
  const cost = costOf(trace, observations);
  const last = turn[turn.length - 1];
  if (cost !== undefined && last !== undefined) last.fields['cost'] = cost;
  for (const key of ['handoff', 'resolved'] as const) {
    if (typeof metadata[key] === 'boolean' && last !== undefined) last.fields[key] = metadata[key];
  }
  return [...turn, ...out];
}

export const langfuse: Adapter = {
  id: 'langfuse',
  title: 'Langfuse traces',
  docs: 'https://api.reference.langfuse.com/#tag/trace/GET/api/public/traces',
  granularity: 'document',
  detect: (record) =>
    typeof record['id'] === 'string' &&
    'timestamp' in record &&
    !('traceId' in record) &&
    ('sessionId' in record || ('input' in record && 'output' in record && ('latency' in record || 'totalCost' in record || 'scores' in record))),
  start: () => ({ adapt: traceRows }),
};
