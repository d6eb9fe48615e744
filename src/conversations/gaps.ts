import type { Conversation, Message } from '../model.js';

/** Why a customer message is a knowledge gap. */
export type GapReason = 'fallback' | 'handoff' | 'no_reply';
export const GAP_REASONS: readonly GapReason[] = ['fallback', 'handoff', 'no_reply'];

/**
 * The customer messages the bot did not answer, each with the first reason that applies:
 * - `fallback`: the first bot or agent message after it is a bot fallback;
 * - `handoff`: the conversation's handoff (`handoff_at`) comes at or after it and before any
 *   non-fallback bot message after it (or there is none);
 * - `no_reply`: no bot or agent message comes after it.
 * One backward pass over the messages (time order).
 */
export function forEachGap(c: Conversation, onGap: (m: Message, reason: GapReason) => void): void {
  const { messages, handoffAt } = c;
  let nextReply: Message | undefined;
  let nextAnswerTs = Infinity;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as Message;
    if (m.role === 'bot' || m.role === 'agent') {
      nextReply = m;
      if (m.role === 'bot' && m.fallback !== true) nextAnswerTs = m.ts;
      continue;
    }
    if (m.role !== 'customer') continue;
    if (nextReply !== undefined && nextReply.role === 'bot' && nextReply.fallback === true) onGap(m, 'fallback');
    else if (handoffAt !== undefined && handoffAt >= m.ts && handoffAt < nextAnswerTs) onGap(m, 'handoff');
    else if (nextReply === undefined) onGap(m, 'no_reply');
  }
}
