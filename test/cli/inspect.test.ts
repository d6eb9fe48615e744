import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestField } from '../../src/inspect/index.js';
import { botkpi, fixture } from './run.js';

describe('botkpi inspect', () => {
  it('on a platform export: shape, documents and rows, fields, roles, events, n/a KPIs and a transcript (JSON)', async () => {
    const r = await botkpi(['inspect', fixture('adapters/chatwoot/conversations.jsonl'), '--format', 'json', '--no-text-sentiment']);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x.inputs).toEqual([
      { file: fixture('adapters/chatwoot/conversations.jsonl'), format: 'chatwoot', title: 'Chatwoot conversations', detected: true, documents: 5, rows: 19 },
    ]);
    expect(x.rows).toEqual({ read: 19, used: 19, rejected: 0, duplicates: 0, rejectedByReason: {} });
    expect(x.conversations).toBe(5);
    // C1 starts at T0 = 09:00:00; C5, a lone customer message, at T0 + 4 h.
    expect(x.timeSpan).toEqual({ start: '2024-06-04T09:00:00.000Z', end: '2024-06-04T13:00:00.000Z' });
    // 12 messages, 5 status rows, 1 handoff, 1 rating (see the fixture's .md).
    expect(x.fields).toMatchObject({ conversation_id: 19, timestamp: 19, role: 12, text: 12, event: 7, csat: 1, resolved: 5, handoff: 1, intent: 4, cost: 0 });
    expect(x.roles).toEqual({ customer: 7, bot: 4, agent: 1 });
    expect(x.events).toEqual({ 'message (default)': 12, resolved: 5, handoff: 1, csat: 1 });
    expect(x.notAvailable).toContainEqual({ kpi: 'fallback_message_rate', reason: 'needs field fallback' });
    expect(x.notAvailable.map((n: { kpi: string }) => n.kpi)).not.toContain('csat_score');
    // The sampled conversation with the most kinds of speaker: C2, bot and agent and customer.
    expect(x.transcript.conversationId).toBe('42');
    expect(x.transcript.lines.map((l: { role: string | null; event: string }) => l.role ?? `[${l.event}]`)).toEqual([
      'customer', 'bot', 'customer', '[handoff]', 'agent', '[resolved]',
    ]);
  });

  it('as text, with the time KPIs of an untimed message log named n/a and why', async () => {
    const r = await botkpi(['inspect', fixture('adapters/messages/no-times.jsonl'), '--no-text-sentiment']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('chat message logs (OpenAI messages shape) (messages, auto-detected) · documents 5 · rows 14');
    expect(r.stdout).toContain('  first_response_time: needs per-message timestamps');
    expect(r.stdout).toContain('  handling_time: needs per-message timestamps');
    expect(r.stdout).toMatch(/Conversation conv_2\n {2}2024-06-04 10:00:00 {2}customer {3}Where is my order #1002\?/);
  });

  it('on flat demo data, and unknown columns get a --map suggestion when they look like a field', async () => {
    const demo = await botkpi(['inspect', fixture('demo/transcripts.csv'), '--format', 'json', '--no-text-sentiment']);
    expect(demo.code).toBe(0);
    const d = JSON.parse(demo.stdout);
    // One row per record: as many as the JSONL form of the same demo data has lines.
    const records = readFileSync(fixture('demo/transcripts.jsonl'), 'utf8').trim().split('\n').length;
    expect(d.inputs[0]).toMatchObject({ format: 'flat', documents: records, rows: records });
    expect(d.rows.read).toBe(records);
    const csv = 'conversation_id,ts,createdAt,speaker,msg_body,foo\nt1,2025-01-01T00:00:00Z,2025-01-01T00:00:00Z,user,hi,1\n';
    const r = await botkpi(['inspect', '-', '--format', 'json'], { stdin: csv });
    expect(JSON.parse(r.stdout).unrecognised).toEqual([
      { column: 'createdAt', rows: 1, suggestion: '--map timestamp=createdAt' },
      { column: 'foo', rows: 1, suggestion: null },
      { column: 'msg_body', rows: 1, suggestion: '--map text=msg_body' },
    ]);
  });
});

describe('suggestField', () => {
  it('matches squashed names and suffixes of fields and aliases', () => {
    expect(suggestField('Conversation ID')).toBe('conversation_id');
    expect(suggestField('conversationId')).toBe('conversation_id');
    expect(suggestField('ticket_created_at')).toBe('timestamp');
    expect(suggestField('csat_rating')).toBe('csat');
    expect(suggestField('foo')).toBeUndefined();
    expect(suggestField('__')).toBeUndefined();
  });
});
