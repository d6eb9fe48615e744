import { describe, expect, it } from 'vitest';
import { dialogflowCx } from '../../src/adapt/dialogflow-cx.js';
import { isRejection } from '../../src/adapt/types.js';
import { adaptFile, fieldsSorted, NO_LISTS } from './helpers.js';

const FIXTURE = 'fixtures/adapters/dialogflow-cx';
const adapt = (record: Record<string, unknown>) => dialogflowCx.start(NO_LISTS).adapt(record);
const NAME = 'projects/p/locations/global/agents/a/sessions/s-7f3e';

describe('dialogflow-cx adapter', () => {
  it('detects a turn row of the BigQuery export', () => {
    expect(dialogflowCx.detect({ conversation_name: NAME, turn_position: 1, request_time: 'x' })).toBe(true);
    expect(dialogflowCx.detect({ conversation_id: 'c', timestamp: 1 })).toBe(false);
  });

  it('one turn: the query as a customer message with its intent, the joined responses as a bot message without a time of its own, a live-agent handoff', () => {
    const out = adapt({
      conversation_name: NAME,
      turn_position: 3,
      request_time: '2024-06-04 09:05:00.123 UTC',
      language_code: 'en',
      request: { queryInput: { text: { text: 'I want a human' }, languageCode: 'en' }, queryParams: { channel: 'web' } },
      response: {
        queryResult: {
          match: { matchType: 'INTENT', confidence: 0.92, intent: { displayName: 'escalate_to_agent' } },
          responseMessages: [{ text: { text: ['Connecting you', 'to an agent.'] } }, { liveAgentHandoff: { metadata: {} } }],
        },
      },
      conversation_signals: { turnSignals: { noMatch: false, userEscalated: true, agentEscalated: true, sentimentScore: -0.4 } },
    });
    const base = { conversation_id: 's-7f3e', timestamp: '2024-06-04 09:05:00.123Z', language: 'en', channel: 'web' };
    expect(out).toEqual([
      { path: 'request', fields: { ...base, message_id: '3:u', role: 'customer', text: 'I want a human', intent: 'escalate_to_agent', intent_confidence: 0.92, sentiment: -0.4 } },
      { path: 'response', fields: { ...base, message_id: '3:b', role: 'bot', text: 'Connecting you\nto an agent.', fallback: false }, documentTime: true },
      { path: 'conversation_signals', fields: { ...base, message_id: '3:h', event: 'handoff' } },
    ]);
  });

  it('NO_MATCH: the customer message has the fallback intent, the reply is a fallback; snake_case keys and JSON text columns are read', () => {
    const out = adapt({
      conversation_name: NAME,
      turn_position: '1',
      request_time: '2024-06-04T09:00:00Z',
      request: '{"query_input": {"text": {"text": "blah"}}}',
      response: '{"query_result": {"match": {"match_type": "NO_MATCH", "confidence": 0.3}, "response_messages": [{"text": {"text": ["Sorry?"]}}]}}',
      conversation_signals: '{"turn_signals": {"reached_end_page": true}}',
      bot_answer_feedback: '{"rating": "THUMBS_DOWN"}',
    });
    expect(out.map((r) => (isRejection(r) ? r : r.fields))).toEqual([
      { conversation_id: 's-7f3e', timestamp: '2024-06-04T09:00:00Z', message_id: '1:u', role: 'customer', text: 'blah', intent: 'fallback' },
      { conversation_id: 's-7f3e', timestamp: '2024-06-04T09:00:00Z', message_id: '1:b', role: 'bot', text: 'Sorry?', fallback: true },
      { conversation_id: 's-7f3e', timestamp: '2024-06-04T09:00:00Z', message_id: '1:c', event: 'close' },
      { conversation_id: 's-7f3e', timestamp: '2024-06-04T09:00:00Z', message_id: '1:f', event: 'csat', csat: 'down' },
    ]);
  });

  it('a turn without a conversation is a rejection; a turn with neither query text nor response text derives nothing', () => {
    expect(adapt({ conversation_name: '', turn_position: 1 })).toEqual([{ path: 'conversation_name', reason: 'missing conversation_id' }]);
    expect(adapt({ conversation_name: NAME, turn_position: 1, request: { queryInput: { event: { event: 'WELCOME' } } }, response: {} })).toEqual([]);
  });

  it('the JSON Lines export, a JSON array and the CSV export give the same rows', async () => {
    const lines = await adaptFile(dialogflowCx, `${FIXTURE}/export.json`);
    const array = await adaptFile(dialogflowCx, `${FIXTURE}/turns-array.json`);
    const csv = await adaptFile(dialogflowCx, `${FIXTURE}/export.csv`);
    const asText = (rows: Array<Record<string, unknown>>) =>
      rows.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])));
    expect(lines).toHaveLength(15);
    expect(fieldsSorted(array)).toEqual(fieldsSorted(lines));
    expect(asText(fieldsSorted(csv))).toEqual(asText(fieldsSorted(lines)));
  });
});
