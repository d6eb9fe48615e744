import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../cli/run.js';
import { reportOf, type Flat } from './convert.js';

/**
 * Round trip through Rasa trackers: the demo data, cut to what a tracker carries, written as one
 * tracker per conversation gives the same KPIs as the same rows read flat.
 *
 * A tracker carries customer (`user`) and bot messages with intents, confidences and the input
 * channel, fallbacks (a bot message after `action_default_fallback`), handoffs (`pause`), and the
 * `csat` and `resolved` slots. It has no agent messages (a handoff at the first one stands for it),
 * system messages, sentiment, cost, market or language; its customer is the sender.
 */
const demo = readFileSync(fixture('demo/transcripts.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Flat);

const isTrue = (v: unknown): boolean => v === true || v === 1 || (typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim()));
const ms = (r: Flat): number => Date.parse(String(r['timestamp']));

/** The demo rows a Rasa tracker can hold, per conversation in time order (ties in input order). */
function carried(rows: readonly Flat[]): Flat[] {
  const byId = new Map<string, Flat[]>();
  for (const r of rows) {
    const id = String(r['conversation_id']);
    byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  const out: Flat[] = [];
  for (const [id, conv] of byId) {
    conv.sort((a, b) => ms(a) - ms(b));
    const seen = new Set<unknown>();
    const rowsOf: Flat[] = [];
    const firstAgent = conv.find((r) => (r['event'] ?? 'message') === 'message' && r['role'] === 'agent');
    const firstHandoff = conv.find((r) => r['event'] === 'handoff' || isTrue(r['handoff']));
    const handoffAt = [firstAgent, firstHandoff].filter((r) => r !== undefined).sort((a, b) => ms(a) - ms(b))[0];
    for (const r of conv) {
      const base: Flat = { conversation_id: id, customer_id: id, timestamp: r['timestamp'] };
      if (r === handoffAt) rowsOf.push({ ...base, event: 'handoff' });
      const event = r['event'] ?? 'message';
      if (event === 'message' && (r['role'] === 'customer' || r['role'] === 'bot')) {
        if (seen.has(r['message_id'])) continue;
        seen.add(r['message_id']);
        const m: Flat = { ...base, role: r['role'], message_id: r['message_id'], text: r['text'] };
        if (r['role'] === 'customer') {
          for (const k of ['channel', 'intent', 'intent_confidence']) if (r[k] !== undefined) m[k] = r[k];
        } else m['fallback'] = isTrue(r['fallback']);
        rowsOf.push(m);
      }
      if (event === 'resolved' || r['resolved'] !== undefined) rowsOf.push({ ...base, event: 'resolved', resolved: r['resolved'] === undefined ? true : isTrue(r['resolved']) });
      if (r['csat'] !== undefined && r['csat'] !== '') rowsOf.push({ ...base, event: 'csat', csat: r['csat'] });
    }
    if (rowsOf.some((r) => r['role'] !== undefined)) out.push(...rowsOf);
  }
  return out;
}

/** Carried rows → one tracker per conversation. */
function trackers(rows: readonly Flat[]): Flat[] {
  const byId = new Map<string, Flat[]>();
  for (const r of rows) byId.set(String(r['conversation_id']), [...(byId.get(String(r['conversation_id'])) ?? []), r]);
  return [...byId].map(([id, conv]) => {
    const events: Flat[] = [{ event: 'action', name: 'action_session_start', timestamp: ms(conv[0]!) / 1000 }, { event: 'session_started', timestamp: ms(conv[0]!) / 1000 }];
    for (const r of conv) {
      const timestamp = ms(r) / 1000;
      if (r['role'] === 'customer') {
        const intent = r['intent'] === undefined ? {} : { intent: { name: r['intent'], ...(r['intent_confidence'] === undefined ? {} : { confidence: r['intent_confidence'] }) } };
        events.push({ event: 'user', timestamp, text: r['text'], message_id: r['message_id'], input_channel: r['channel'], parse_data: { ...intent, entities: [] } });
      } else if (r['role'] === 'bot') {
        events.push({ event: 'action', timestamp, name: r['fallback'] === true ? 'action_default_fallback' : 'utter_answer' });
        events.push({ event: 'bot', timestamp, text: r['text'] });
        if (r['fallback'] === true) events.push({ event: 'rewind', timestamp });
        events.push({ event: 'action', timestamp, name: 'action_listen' });
      } else if (r['event'] === 'handoff') events.push({ event: 'pause', timestamp });
      else if (r['event'] === 'resolved') events.push({ event: 'slot', timestamp, name: 'resolved', value: r['resolved'] });
      else if (r['event'] === 'csat') events.push({ event: 'slot', timestamp, name: 'csat', value: r['csat'] });
    }
    return { sender_id: id, events };
  });
}

const KPI_IDS = [
  'conversations', 'containment_rate', 'escalation_rate', 'automation_rate', 'bot_message_share', 'resolution_rate',
  'bot_resolution_rate', 'fallback_message_rate', 'abandonment_rate', 'intent_recognition_rate', 'fcr_rate',
  'first_response_time', 'response_time', 'handoff_wait_time', 'handling_time', 'csat_score', 'csat_avg',
  'csat_response_rate', 'repeat_customer_rate', 'intents',
];

describe('demo data as Rasa trackers', () => {
  it('gives the KPIs of the flat rows a tracker carries', async () => {
    const rows = carried(demo);
    const [flat, adapted] = await Promise.all([reportOf(rows), reportOf(trackers(rows), 'rasa')]);
    expect(adapted.dataQuality.rowsRejected).toBe(0);
    expect(adapted.dataQuality.rowsRead).toBe(flat.dataQuality.rowsRead);
    // The comparison is over real numbers, not empty sets.
    expect(flat.dataQuality.conversations).toBeGreaterThan(300);
    expect((flat.kpis['escalation_rate'] as { numerator: number }).numerator).toBeGreaterThan(10);
    expect((flat.kpis['fallback_message_rate'] as { numerator: number }).numerator).toBeGreaterThan(10);
    for (const id of KPI_IDS) expect(adapted.kpis[id], id).toEqual(flat.kpis[id]);
  });
});
