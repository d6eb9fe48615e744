import { describe, expect, it } from 'vitest';
import { chatwoot } from '../../src/adapt/chatwoot.js';
import { intercom } from '../../src/adapt/intercom.js';
import { messages } from '../../src/adapt/messages.js';
import type { Adapter, AdaptOutput } from '../../src/adapt/types.js';
import { zendesk } from '../../src/adapt/zendesk.js';

const run = (a: Adapter, doc: Record<string, unknown>, bots: string[] = [], agents: string[] = []): AdaptOutput =>
  a.start({ bots, agents }).adapt(doc);
/** [path, role or event, text or value] per output, for compact expectations. */
const brief = (out: AdaptOutput): unknown[][] =>
  out.map((o) =>
    'reason' in o ? [o.path, `rejected: ${o.reason}`] : [o.path, o.fields['role'] ?? o.fields['event'], o.fields['text'] ?? o.fields['csat'] ?? o.fields['resolved'] ?? o.fields['handoff'] ?? null],
  );

describe('zendesk: Sunshine Conversations messages', () => {
  const doc = {
    conversation: { id: 'conv_9' },
    messages: [
      { id: 'a', received: '2024-06-04T09:00:00.120Z', author: { type: 'user', userId: 'u1', displayName: 'Jane' }, content: { type: 'text', text: 'Where is my order?' }, source: { type: 'web' } },
      { id: 'b', received: '2024-06-04T09:00:02.480Z', author: { type: 'business', subtypes: ['AI'], displayName: 'Acme Assistant' }, content: { type: 'text', text: 'It shipped.' } },
      { id: 'c', received: '2024-06-04T09:04:40.010Z', author: { type: 'business', displayName: 'Ciaran' }, content: { type: 'text', text: 'Hi Jane' } },
      { id: 'd', received: '2024-06-04T09:05:00.000Z', author: { type: 'whatsapp' }, content: { type: 'text', text: '?' } },
    ],
    events: [{ id: 'e1', type: 'switchboard:passControl', createdAt: '2024-06-04T09:03:00.000Z' }],
  };
  it('is detected as zendesk and not as an OpenAI message log', () => {
    expect(zendesk.detect(doc)).toBe(true);
    expect(messages.detect(doc)).toBe(false);
  });
  it('user → customer, business with the AI subtype → bot, other business → agent, passControl after the bot → handoff', () => {
    const out = run(zendesk, doc);
    expect(brief(out)).toEqual([
      ['messages[0]', 'customer', 'Where is my order?'],
      ['messages[1]', 'bot', 'It shipped.'],
      ['messages[2]', 'agent', 'Hi Jane'],
      ['messages[3]', 'rejected: unknown author type'],
      ['events[0]', 'handoff', true],
    ]);
    expect(out[0]).toMatchObject({ fields: { conversation_id: 'conv_9', customer_id: 'u1', channel: 'web', timestamp: '2024-06-04T09:00:00.120Z' } });
  });
  it('a business author named in input.bots is the bot (a scripted bot without the AI subtype)', () => {
    expect(brief(run(zendesk, doc, ['Ciaran']))[2]).toEqual(['messages[2]', 'bot', 'Hi Jane']);
  });
});

describe('zendesk: tickets', () => {
  it('reads a via id, falls back to requester_id without users, and skips private comments', () => {
    const doc = {
      ticket: { id: 7, requester_id: 1, status: 'pending', via: { channel: 4 }, updated_at: '2024-06-04T10:00:00Z' },
      comments: [
        { id: 1, author_id: 1, public: true, html_body: '<p>Hello &amp; help</p>', created_at: '2024-06-04T09:00:00Z' },
        { id: 2, author_id: 2, public: false, body: 'note', created_at: '2024-06-04T09:01:00Z' },
        { id: 3, author_id: 2, public: true, body: 'Hi', created_at: '2024-06-04T09:02:00Z' },
      ],
    };
    const out = run(zendesk, doc);
    expect(brief(out)).toEqual([
      ['comments[0]', 'customer', 'Hello & help'],
      ['comments[2]', 'agent', 'Hi'],
      ['ticket.status', 'resolved', false],
    ]);
    expect(out[0]).toMatchObject({ fields: { channel: 'email', conversation_id: '7', customer_id: '1' } });
  });
});

describe('intercom', () => {
  it('a conversation.list page: every conversation, paths into the page; an admin listed as a bot is the bot', () => {
    const page = {
      type: 'conversation.list',
      conversations: [
        { type: 'conversation', id: '1', created_at: 100, source: { id: 's1', body: 'Hi', author: { type: 'lead', id: 'l1' } } },
        {
          type: 'conversation',
          id: '2',
          created_at: 200,
          source: { id: 's2', body: 'Yo', author: { type: 'contact', id: 'c2' } },
          conversation_parts: [{ id: 'p', part_type: 'comment', created_at: 210, body: 'Hello', author: { type: 'admin', id: '5', name: 'Operator' } }],
        },
        'junk',
      ],
    };
    expect(intercom.detect(page)).toBe(true);
    expect(brief(run(intercom, page, ['Operator']))).toEqual([
      ['conversations[0].source', 'customer', 'Hi'],
      ['conversations[1].source', 'customer', 'Yo'],
      ['conversations[1].conversation_parts[0]', 'bot', 'Hello'],
      ['conversations[2]', 'rejected: not a conversation'],
    ]);
  });
  it('an assignment before any bot reply is no handoff; abandoned is resolved = false; ai_agent.rating when no conversation rating', () => {
    const doc = {
      type: 'conversation',
      id: '3',
      created_at: 100,
      source: { id: 's', body: 'Hi', author: { type: 'user', id: 'u' } },
      conversation_parts: {
        conversation_parts: [
          { id: 'a', part_type: 'assignment', created_at: 101, assigned_to: { type: 'admin', id: '1' }, author: { type: 'admin', id: '1' } },
          { id: 'b', part_type: 'comment', created_at: 102, body: 'Hello', author: { type: 'bot', id: '9' } },
          { id: 'n', part_type: 'note', created_at: 103, body: 'internal', author: { type: 'admin', id: '1' } },
        ],
      },
      ai_agent: { resolution_state: 'abandoned', rating: 2 },
    };
    expect(brief(run(intercom, doc))).toEqual([
      ['source', 'customer', 'Hi'],
      ['conversation_parts.conversation_parts[1]', 'bot', 'Hello'],
      ['ai_agent.resolution_state', 'resolved', false],
      ['ai_agent.rating', 'csat', 2],
    ]);
  });
});

describe('intercom without parts (list and search results)', () => {
  it('times the handoff by statistics.first_assignment_at when Fin took part, and the close by last_close_at', () => {
    const doc = {
      type: 'conversation',
      id: '4',
      created_at: 100,
      ai_agent_participated: true,
      source: { id: 's', body: 'Hi', author: { type: 'user', id: 'u' } },
      statistics: { first_assignment_at: 160, last_close_at: 400, count_assignments: 1 },
      ai_agent: { resolution_state: 'routed_to_team' },
    };
    const out = run(intercom, doc);
    expect(brief(out)).toEqual([
      ['source', 'customer', 'Hi'],
      ['statistics.first_assignment_at', 'handoff', true],
      ['statistics.last_close_at', 'close', null],
    ]);
    expect(out[1]).toMatchObject({ fields: { timestamp: 160 } });
    // Without Fin, an assignment is routing, not a handoff.
    expect(brief(run(intercom, { ...doc, ai_agent_participated: false, ai_agent: null })).map((r) => r[0])).toEqual(['source', 'statistics.last_close_at']);
  });
});

describe('chatwoot', () => {
  it('webhook-style string message types, a status number, an unknown sender type rejected', () => {
    const doc = {
      meta: { contact_id: 7, labels: ['billing'] },
      status: 1,
      payload: [
        { id: 1, conversation_id: 42, message_type: 'incoming', content: 'Hi', created_at: '2024-06-04T09:00:00Z' },
        { id: 2, conversation_id: 42, message_type: 'outgoing', sender_type: 'Captain::Assistant', content: 'Hello', created_at: '2024-06-04T09:00:05Z' },
        { id: 3, conversation_id: 42, message_type: 'outgoing', sender_type: 'Martian', content: '?', created_at: '2024-06-04T09:00:06Z' },
        { id: 4, conversation_id: 42, message_type: 9, content: '?', created_at: '2024-06-04T09:00:07Z' },
      ],
    };
    expect(brief(run(chatwoot, doc))).toEqual([
      ['payload[0]', 'customer', 'Hi'],
      ['payload[1]', 'bot', 'Hello'],
      ['payload[2]', 'rejected: unknown sender_type'],
      ['payload[3]', 'rejected: unknown message_type'],
      ['status', 'resolved', true],
    ]);
  });
});

describe('messages', () => {
  it('a document without an id is rejected whole; unknown roles per message; agents by name', () => {
    expect(run(messages, { messages: [{ role: 'user', content: 'hi' }] })).toEqual([{ path: '', reason: 'missing conversation_id' }]);
    const out = run(messages, {
      id: 'x',
      created_at: '2024-06-04T09:00:00Z',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: {} }, { type: 'text', text: 'b' }] },
        { role: 'assistant', name: 'ciaran', content: 'c' },
        { role: 'narrator', content: 'd' },
      ],
    }, [], ['ciaran']);
    expect(brief(out)).toEqual([
      ['messages[0]', 'customer', 'a\nb'],
      ['messages[1]', 'agent', 'c'],
      ['messages[2]', 'rejected: unknown role'],
    ]);
    expect(out[0]).toMatchObject({ documentTime: true, fields: { timestamp: '2024-06-04T09:00:00Z', message_id: 'm0' } });
  });
});
