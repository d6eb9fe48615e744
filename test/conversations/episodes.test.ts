import { describe, expect, it } from 'vitest';
import { ConversationAssembler } from '../../src/conversations/assemble.js';
import type { Event } from '../../src/model.js';

const T0 = Date.parse('2025-01-06T00:00:00Z');
const MIN = 60_000;

function assemble(rows: Omit<Event, 'seq' | 'conversationId' | 'ts'>[] & unknown[], times: number[], splitAfterMs?: number) {
  const a = new ConversationAssembler({}, splitAfterMs === undefined ? {} : { splitAfterMs });
  rows.forEach((r, seq) => a.add({ ...(r as Omit<Event, 'seq' | 'conversationId' | 'ts'>), conversationId: 'c1', ts: T0 + (times[seq] as number) * MIN, seq }));
  return a.finish();
}

describe('episodes', () => {
  // Minutes: csat before the first message (−5), messages at 0, 10 | 60, 70 | 200; a handoff at 30
  // (between episodes 1 and 2: the latest episode starting at or before it is the first), resolved at
  // 60 (the second episode starts then), a customer_id only on the first row.
  const rows = [
    { kind: 'csat', csat: { kind: 'numeric', value: 5 } },
    { kind: 'message', role: 'customer', customerId: 'k1', market: 'DE' },
    { kind: 'message', role: 'bot' },
    { kind: 'handoff' },
    { kind: 'message', role: 'customer' },
    { kind: 'resolved' },
    { kind: 'message', role: 'agent' },
    { kind: 'message', role: 'customer' },
  ] as Omit<Event, 'seq' | 'conversationId' | 'ts'>[];
  const times = [-5, 0, 10, 30, 60, 60, 70, 200];

  it('splits at gaps strictly longer than the duration and gives later episodes #2, #3', () => {
    const { conversations, episodesSplit } = assemble(rows, times, 40 * MIN);
    expect(conversations.map((c) => [c.id, c.episode, (c.start - T0) / MIN, (c.end - T0) / MIN])).toEqual([
      ['c1', 1, 0, 10],
      ['c1#2', 2, 60, 70],
      ['c1#3', 3, 200, 200],
    ]);
    expect(episodesSplit).toBe(2);
    const [first, second, third] = conversations;
    // Rows before the first message and between episodes belong to the episode before them.
    expect(first?.csat).toEqual({ kind: 'numeric', value: 5 });
    expect(first?.escalated).toBe(true);
    expect(first?.explicitHandoffAt).toBe(T0 + 30 * MIN);
    expect(first?.agentAfterHandoffAt).toBeUndefined();
    // A row at an episode's start time belongs to it; nothing carries over from the episode before.
    expect(second?.resolved).toBe(true);
    expect(second?.escalated).toBe(true); // its own agent message
    expect(second?.explicitHandoffAt).toBeUndefined();
    expect(second?.customerId).toBeUndefined();
    expect(second?.csat).toBeUndefined();
    expect(third?.resolved).toBeUndefined();
    expect(third?.counts.customer).toBe(1);
  });

  it('a gap equal to the duration does not split', () => {
    // Gaps 10, 50, 10, 130 minutes.
    expect(assemble(rows, times, 50 * MIN).conversations.map((c) => [c.id, (c.end - T0) / MIN])).toEqual([['c1', 70], ['c1#2', 200]]);
    expect(assemble(rows, times, 130 * MIN).conversations.map((c) => c.id)).toEqual(['c1']);
  });

  it('without a split the rows make one conversation; events only make none', () => {
    expect(assemble(rows, times).conversations).toHaveLength(1);
    const none = assemble([{ kind: 'resolved' }, { kind: 'csat' }] as Omit<Event, 'seq' | 'conversationId' | 'ts'>[], [0, 500], MIN);
    expect(none).toEqual({ conversations: [], withoutMessages: 1, episodesSplit: 0 });
  });
});
