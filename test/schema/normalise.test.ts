import { describe, expect, it } from 'vitest';
import { RowNormaliser } from '../../src/schema/normalise.js';

const base = { conversation_id: 'c1', timestamp: '2025-01-06T10:00:00Z', role: 'customer' };
const make = (map = {}) => new RowNormaliser({ tz: 'UTC', csatScale: 5, map });
const reason = (row: Record<string, unknown>): string | undefined => {
  const r = make().normalise(row);
  return r.ok ? undefined : r.reason;
};

describe('RowNormaliser rejection reasons (first that applies, contract order)', () => {
  it.each<[string, Record<string, unknown>]>([
    ['missing conversation_id', { timestamp: 'nope', role: 'x' }],
    ['missing conversation_id', { ...base, conversation_id: '  ' }],
    ['missing timestamp', { ...base, timestamp: '' }],
    ['invalid timestamp', { ...base, timestamp: 'yesterday', role: 'robot' }],
    ['missing role', { ...base, role: undefined, csat: 9 }],
    ['unknown role', { ...base, role: 'robot', event: 'party' }],
    ['unknown role', { ...base, role: 'robot', event: 'csat' }],
    ['unknown event', { ...base, event: 'party', csat: 9 }],
    ['unknown event', { conversation_id: 'c', timestamp: 1, event: 'party' }],
    ['csat out of scale', { ...base, csat: 0, cost: -1 }],
    ['csat out of scale', { ...base, csat: '7' }],
    ['invalid csat', { ...base, csat: 'meh', cost: -1 }],
    ['negative cost', { ...base, cost: '-0.5', fallback: 'maybe' }],
    ['invalid cost', { ...base, cost: 'free' }],
    ['invalid fallback', { ...base, fallback: 'maybe', resolved: 'x' }],
    ['invalid resolved', { ...base, resolved: 2 }],
    ['invalid handoff', { ...base, handoff: 'soon' }],
    ['invalid intent_confidence', { ...base, intent_confidence: 1.2 }],
    ['invalid intent_confidence', { ...base, intent_confidence: 'high' }],
    ['invalid sentiment', { ...base, sentiment: -1.5 }],
  ])('%s', (expected, row) => {
    expect(reason(row)).toBe(expected);
  });

  it('accepts a non-message event without a role', () => {
    expect(reason({ conversation_id: 'c', timestamp: 1, event: 'Resolved' })).toBeUndefined();
  });
});

describe('RowNormaliser values', () => {
  it('matches field names case-insensitively after trimming, and role/event aliases', () => {
    const r = make().normalise({ ' Conversation_ID ': 7, TimeStamp: '2025-01-06T10:00:00Z', ROLE: ' Assistant ', Event: 'MESSAGE' });
    expect(r).toEqual({ ok: true, event: { conversationId: '7', ts: Date.parse('2025-01-06T10:00:00Z'), kind: 'message', role: 'bot' } });
  });

  it.each([
    ['user', 'customer'],
    ['End_User', 'customer'],
    ['chatbot', 'bot'],
    ['virtual_agent', 'bot'],
    ['human_agent', 'agent'],
    ['Support', 'agent'],
    ['system', 'system'],
  ])('role %s → %s', (role, expected) => {
    const r = make().normalise({ ...base, role });
    expect(r.ok && r.event.role).toBe(expected);
  });

  it('parses booleans, thumbs, numbers given as text, and language subtags', () => {
    const r = make().normalise({
      ...base,
      fallback: 'YES',
      resolved: 0,
      handoff: 'False',
      csat: 'Up',
      cost: '0.25',
      intent_confidence: '0.9',
      sentiment: -0.5,
      language: 'en-US',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({
      fallback: true,
      resolved: false,
      handoff: false,
      csat: { kind: 'thumb', up: true },
      cost: 0.25,
      intentConfidence: 0.9,
      sentiment: -0.5,
      language: 'en',
    });
  });

  it('accepts fractional ratings within the scale and JSON booleans as thumbs', () => {
    expect(make().normalise({ ...base, csat: 4.5 })).toMatchObject({ ok: true, event: { csat: { kind: 'numeric', value: 4.5 } } });
    expect(make().normalise({ ...base, csat: false })).toMatchObject({ ok: true, event: { csat: { kind: 'thumb', up: false } } });
  });

  it('treats empty strings as absent', () => {
    const r = make().normalise({ ...base, intent: '', csat: '', cost: '' });
    expect(r.ok && r.event).toEqual({ conversationId: 'c1', ts: Date.parse('2025-01-06T10:00:00Z'), kind: 'message', role: 'customer' });
  });

  it('uses an alias only when the canonical column is absent, and a user mapping over both', () => {
    const aliasOnly = make().normalise({ session_id: 's', timestamp: 1, role: 'bot' });
    expect(aliasOnly.ok && aliasOnly.event.conversationId).toBe('s');
    const both = make().normalise({ session_id: 's', conversation_id: 'c', timestamp: 1, role: 'bot' });
    expect(both.ok && both.event.conversationId).toBe('c');
    const mapped = make({ conversation_id: 'Ticket' }).normalise({ ticket: 't', conversation_id: 'c', timestamp: 1, role: 'bot' });
    expect(mapped.ok && mapped.event.conversationId).toBe('t');
  });

  it('records which fields the input had', () => {
    const n = make();
    n.normalise({ ...base, csat: 5 });
    n.normalise({ conversation_id: 'c', timestamp: 1, event: 'resolved' });
    expect([...n.presentFields].sort()).toEqual(['conversation_id', 'csat', 'event', 'resolved', 'role', 'timestamp']);
  });
});
