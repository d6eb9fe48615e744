import { describe, expect, it } from 'vitest';
import { rasa, rasaSql } from '../../src/adapt/rasa.js';
import { isRejection } from '../../src/adapt/types.js';
import { adaptFile, fieldsSorted, NO_LISTS } from './helpers.js';

const FIXTURE = 'fixtures/adapters/rasa';
const adapt = (record: Record<string, unknown>, options = NO_LISTS) => rasa.start(options).adapt(record);

describe('rasa and rasa-sql adapters', () => {
  it('detects a tracker and a row of the SQL events table, not other shapes', () => {
    expect(rasa.detect({ sender_id: 's', events: [] })).toBe(true);
    const row = { id: '1', sender_id: 's', type_name: 'user', timestamp: '1', intent_name: '', action_name: '', data: '{}' };
    expect(rasaSql.detect(row)).toBe(true);
    expect(rasa.detect(row)).toBe(false);
    expect(rasaSql.detect({ sender_id: 's', events: [] })).toBe(false);
    expect(rasa.detect({ conversation_id: 'c', role: 'bot', timestamp: 1 })).toBe(false);
    expect(rasa.detect({ messages: [] })).toBe(false);
  });

  it('user and bot events are customer and bot messages; intents and confidences from parse_data', () => {
    const out = adapt({
      sender_id: 's1',
      events: [
        { event: 'action', timestamp: 10, name: 'action_session_start' },
        { event: 'session_started', timestamp: 10.1 },
        { event: 'user', timestamp: 11.5, text: 'hi', message_id: 'm1', input_channel: 'rest', parse_data: { intent: { name: 'greet', confidence: 0.9 } } },
        { event: 'action', timestamp: 11.6, name: 'utter_greet' },
        { event: 'bot', timestamp: 11.7, text: 'Hello!' },
        { event: 'slot', timestamp: 11.8, name: 'country', value: 'NO' },
      ],
    });
    expect(out).toEqual([
      {
        path: 'events[2]',
        fields: { conversation_id: 's1', customer_id: 's1', timestamp: 11.5, message_id: 'm1', role: 'customer', text: 'hi', channel: 'rest', intent: 'greet', intent_confidence: 0.9 },
      },
      { path: 'events[4]', fields: { conversation_id: 's1', customer_id: 's1', timestamp: 11.7, message_id: 'e4', role: 'bot', text: 'Hello!', fallback: false } },
    ]);
  });

  it('a session_started splits one sender into conversations; one before any message does not', () => {
    const events = [
      { event: 'session_started', timestamp: 1 },
      { event: 'user', timestamp: 2, text: 'a' },
      { event: 'session_started', timestamp: 100 },
      { event: 'session_started', timestamp: 101 },
      { event: 'user', timestamp: 102, text: 'b' },
      { event: 'restart', timestamp: 103 },
      { event: 'bot', timestamp: 200, text: 'c' },
    ];
    const ids = adapt({ sender_id: 's', events }).map((r) => (isRejection(r) ? r.reason : [r.fields['conversation_id'], r.fields['event'] ?? r.fields['role']]));
    expect(ids).toEqual([
      ['s', 'customer'],
      ['s#2', 'customer'],
      ['s#2', 'close'],
      ['s#3', 'bot'],
    ]);
  });

  it('a bot message uttered by a fallback action is a fallback; pause and handoff actions are handoffs', () => {
    const out = adapt({
      sender_id: 's',
      events: [
        { event: 'user', timestamp: 1, text: '??', parse_data: { intent: { name: 'nlu_fallback', confidence: 0.3 } } },
        { event: 'action', timestamp: 2, name: 'action_default_fallback' },
        { event: 'bot', timestamp: 3, text: 'Sorry?' },
        { event: 'rewind', timestamp: 4 },
        { event: 'action', timestamp: 5, name: 'action_listen' },
        { event: 'action', timestamp: 6, name: 'action_handoff_to_agent' },
        { event: 'bot', timestamp: 7, text: 'Connecting you.' },
        { event: 'pause', timestamp: 8 },
        { event: 'flow_started', timestamp: 9, flow_id: 'pattern_human_handoff' },
      ],
    });
    const brief = out.map((r) => (isRejection(r) ? r : [r.path, r.fields['role'] ?? r.fields['event'], r.fields['fallback']]));
    expect(brief).toEqual([
      ['events[0]', 'customer', undefined],
      ['events[2]', 'bot', true],
      ['events[5]', 'handoff', undefined],
      ['events[6]', 'bot', false],
      ['events[7]', 'handoff', undefined],
      ['events[8]', 'handoff', undefined],
    ]);
  });

  it('handoff action names are configurable', () => {
    const events = [
      { event: 'action', timestamp: 1, name: 'action_handoff_to_agent' },
      { event: 'action', timestamp: 2, name: 'action_call_support' },
    ];
    const handoffs = (names?: string[]) =>
      adapt({ sender_id: 's', events }, { ...NO_LISTS, ...(names === undefined ? {} : { handoffActions: names }) }).map((r) => r.path);
    expect(handoffs()).toEqual(['events[0]']);
    expect(handoffs(['action_call_support'])).toEqual(['events[1]']);
  });

  it('slots named csat and resolved carry the rating and the outcome', () => {
    const out = adapt({
      sender_id: 's',
      events: [
        { event: 'slot', timestamp: 1, name: 'csat', value: 4 },
        { event: 'slot', timestamp: 2, name: 'resolved', value: false },
        { event: 'slot', timestamp: 3, name: 'csat', value: null },
      ],
    });
    expect(out.map((r) => (isRejection(r) ? r : r.fields))).toEqual([
      { conversation_id: 's', customer_id: 's', timestamp: 1, message_id: 'e0', event: 'csat', csat: 4 },
      { conversation_id: 's', customer_id: 's', timestamp: 2, message_id: 'e1', event: 'resolved', resolved: false },
    ]);
  });

  it('what cannot be used is a rejection with its path', () => {
    expect(adapt({ sender_id: '', events: [] })).toEqual([{ path: 'sender_id', reason: 'missing conversation_id' }]);
    expect(adapt({ sender_id: 's', events: [7, { timestamp: 1 }] })).toEqual([
      { path: 'events[0]', reason: 'invalid event', value: 7 },
      { path: 'events[1]', reason: 'invalid event', value: undefined },
    ]);
    expect(rasaSql.start(NO_LISTS).adapt({ id: '9', sender_id: 's', type_name: 'user', timestamp: '1', data: '{not json' })).toEqual([
      { path: 'data', reason: 'malformed JSON', value: '{not json' },
    ]);
  });

  it('the tracker JSON, its JSON Lines form and the SQL events table give the same rows', async () => {
    const json = await adaptFile(rasa, `${FIXTURE}/trackers.json`);
    const jsonl = await adaptFile(rasa, `${FIXTURE}/trackers.jsonl`);
    const csv = await adaptFile(rasaSql, `${FIXTURE}/events.csv`);
    expect(json.filter(isRejection)).toEqual([]);
    expect(csv.filter(isRejection)).toEqual([]);
    // The table's values are text: the numbers of the JSON forms as strings.
    const asText = (rows: Array<Record<string, unknown>>) =>
      rows.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])));
    expect(fieldsSorted(jsonl)).toEqual(fieldsSorted(json));
    expect(asText(fieldsSorted(csv))).toEqual(asText(fieldsSorted(json)));
    expect(new Set(json.map((r) => (isRejection(r) ? '' : r.fields['conversation_id'])))).toEqual(
      new Set(['a1b2c3', 'a1b2c3#2', 'd4e5f6', 'g7h8i9', 'j1k2l3']),
    );
    expect(json.length).toBe(18); // 8 customer and 6 bot messages, 2 handoffs, a resolved and a csat slot
  });
});
