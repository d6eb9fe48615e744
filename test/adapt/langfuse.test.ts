import { describe, expect, it } from 'vitest';
import { langfuse } from '../../src/adapt/langfuse.js';
import { isRejection } from '../../src/adapt/types.js';
import { adaptFile, fieldsSorted, NO_LISTS } from './helpers.js';

const FIXTURE = 'fixtures/adapters/langfuse';
const adapt = (record: Record<string, unknown>) => langfuse.start(NO_LISTS).adapt(record);

describe('langfuse adapter', () => {
  it('detects a trace, not an observation or a flat row', () => {
    expect(langfuse.detect({ id: 'tr', timestamp: 't', sessionId: 's', input: 'x', output: 'y' })).toBe(true);
    expect(langfuse.detect({ id: 'tr', timestamp: 't', input: 'x', output: 'y', latency: 1 })).toBe(true);
    expect(langfuse.detect({ id: 'obs', traceId: 'tr', timestamp: 't', sessionId: 's' })).toBe(false);
    expect(langfuse.detect({ id: 'm', timestamp: 't', conversation_id: 'c', role: 'bot' })).toBe(false);
  });

  it('a trace is a turn: the new user message as the customer, the output latency seconds later as the bot, with the cost', () => {
    const out = adapt({
      id: 'tr_1',
      timestamp: '2024-06-04T09:00:00.100Z',
      sessionId: 'conv_1',
      userId: 'cust_70',
      input: { messages: [{ role: 'user', content: 'old question' }, { role: 'assistant', content: 'old answer' }, { role: 'user', content: 'Where is my order?' }] },
      output: { role: 'assistant', content: 'Delivered on 3 June.' },
      metadata: { channel: 'web', market: 'DE', language: 'de' },
      latency: 2.3,
      totalCost: 0.0031,
    });
    const base = { conversation_id: 'conv_1', customer_id: 'cust_70', channel: 'web', market: 'DE', language: 'de' };
    expect(out).toEqual([
      { path: 'input', fields: { ...base, message_id: 'tr_1:in', timestamp: '2024-06-04T09:00:00.100Z', role: 'customer', text: 'Where is my order?' } },
      { path: 'output', fields: { ...base, message_id: 'tr_1:out', timestamp: '2024-06-04T09:00:02.400Z', role: 'bot', text: 'Delivered on 3 June.', cost: 0.0031 } },
    ]);
  });

  it('scores by name: csat, a thumb, resolved, handoff, intent; other scores are ignored', () => {
    const out = adapt({
      id: 'tr_2',
      timestamp: '2024-06-04T09:00:00Z',
      input: 'hi',
      output: null,
      scores: [
        { id: 's1', name: 'csat', dataType: 'NUMERIC', value: 4, timestamp: '2024-06-04T09:05:00Z' },
        { id: 's2', name: 'user-feedback', dataType: 'NUMERIC', value: 0, timestamp: '2024-06-04T09:05:01Z' },
        { id: 's3', name: 'resolved', dataType: 'BOOLEAN', value: 0, stringValue: 'False', timestamp: '2024-06-04T09:05:02Z' },
        { id: 's4', name: 'handoff', dataType: 'BOOLEAN', value: 1, stringValue: 'True', timestamp: '2024-06-04T09:05:03Z' },
        { id: 's5', name: 'intent', dataType: 'CATEGORICAL', value: 0, stringValue: 'greet' },
        { id: 's6', name: 'toxicity', dataType: 'NUMERIC', value: 0.1 },
        'sc_9', // a list page's score id
        42,
      ],
    });
    expect(out.map((r) => (isRejection(r) ? [r.path, r.reason] : [r.path, r.fields['event'] ?? r.fields['role'], r.fields['csat'] ?? r.fields['resolved'] ?? r.fields['intent']]))).toEqual([
      ['input', 'customer', 'greet'],
      ['scores[0]', 'csat', 4],
      ['scores[1]', 'csat', 'down'],
      ['scores[2]', 'resolved', false],
      ['scores[3]', 'handoff', undefined],
      ['scores[7]', 'invalid score'],
    ]);
  });

  it('without latency the output is timed by the last observation, else it has no time of its own; cost sums the observations', () => {
    const trace = { id: 't', timestamp: '2024-06-04T09:00:00Z', input: 'a', output: 'b' };
    const [, timed] = adapt({ ...trace, observations: [{ endTime: '2024-06-04T09:00:01.500Z', calculatedTotalCost: 0.25 }, { endTime: '2024-06-04T09:00:00.500Z', calculatedTotalCost: 0.5 }] });
    expect(timed).toEqual({ path: 'output', fields: { conversation_id: 't', message_id: 't:out', timestamp: '2024-06-04T09:00:01.500Z', role: 'bot', text: 'b', cost: 0.75 } });
    const [, untimed] = adapt(trace);
    expect(untimed).toEqual({ path: 'output', fields: { conversation_id: 't', message_id: 't:out', timestamp: '2024-06-04T09:00:00Z', role: 'bot', text: 'b' }, documentTime: true });
  });

  it('a trace without id or session is a rejection', () => {
    expect(adapt({ timestamp: 'x', input: 'a' })).toEqual([{ path: '', reason: 'missing conversation_id' }]);
  });

  it('the API page and one trace per line give the same rows', async () => {
    const page = await adaptFile(langfuse, `${FIXTURE}/traces.json`);
    const lines = await adaptFile(langfuse, `${FIXTURE}/traces.jsonl`);
    expect(page).toHaveLength(16);
    expect(fieldsSorted(lines)).toEqual(fieldsSorted(page));
  });
});
