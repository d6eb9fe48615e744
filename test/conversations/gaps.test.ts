import { describe, expect, it } from 'vitest';
import { buildConversation } from '../../src/conversations/assemble.js';
import { forEachGap, gapReason, type GapReason } from '../../src/conversations/gaps.js';
import type { Conversation, Event } from '../../src/model.js';

const T0 = Date.parse('2025-01-06T00:00:00Z');
type R = Omit<Partial<Event>, 'ts' | 'seq'> & { t: number };

function conv(rows: readonly R[], keepQuestions: boolean): Conversation {
  const events = rows.map(({ t, ...r }, seq): Event => ({ kind: 'message', conversationId: 'c', ...r, ts: T0 + t * 1000, seq }));
  const c = buildConversation('c', events, { keepQuestions });
  if (c === undefined) throw new Error('no conversation');
  return c;
}

const ROWS: R[] = [
  { t: 0, role: 'customer', text: 'q1' }, // answered by a real reply: not a gap
  { t: 1, role: 'bot', fallback: false },
  { t: 2, role: 'customer', text: 'q2' }, // first reply a fallback
  { t: 3, role: 'system' }, // skipped
  { t: 4, role: 'bot', fallback: true },
  { t: 5, role: 'customer', text: 'q3' }, // handoff at 7 before any real answer (the agent at 8)
  { t: 7, kind: 'handoff' },
  { t: 8, role: 'agent' },
  { t: 9, role: 'customer', text: 'thanks!' }, // closing words: not a gap
  { t: 10, role: 'customer', text: 'q5' }, // no reply at all
];

describe('knowledge gaps of a conversation', () => {
  it('each unanswered customer message with the first reason that applies', () => {
    // Without kept text nothing is known about closing words: "thanks!" counts as unanswered too.
    const c = conv(ROWS, false);
    const found: [number, GapReason][] = [];
    forEachGap(c, (m, reason) => found.unshift([(m.ts - T0) / 1000, reason]));
    expect(found).toEqual([
      [2, 'fallback'],
      [5, 'handoff'],
      [9, 'no_reply'],
      [10, 'no_reply'],
    ]);
  });

  it('keeps text only on the gaps, and none without keepQuestions', () => {
    const kept = conv(ROWS, true);
    expect(kept.messages.filter((m) => m.gapText !== undefined).map((m) => [m.gapText, gapReason(m)])).toEqual([
      ['q2', 'fallback'],
      ['q3', 'handoff'],
      ['q5', 'no_reply'],
    ]);
    const dropped = conv(ROWS, false);
    expect(dropped.messages.every((m) => m.gapText === undefined && m.text === undefined && gapReason(m) === undefined)).toBe(true);
  });
});
