import { FLAG, type Conversation, type Message } from '../model.js';
import { isClosing } from '../text/flags.js';

/** Why a customer message is a knowledge gap. */
export type GapReason = 'fallback' | 'handoff' | 'no_reply';
export const GAP_REASONS: readonly GapReason[] = ['fallback', 'handoff', 'no_reply'];

/**
 * The customer messages the bot did not answer, each with the first reason that applies:
 * - `fallback`: the first bot or agent message after it is a bot fallback;
 * - `handoff`: the conversation's handoff (`handoff_at`) comes at or after it and before any
 *   non-fallback bot message after it (or there is none);
 * - `no_reply`: no bot or agent message comes after it.
 * A message made only of closing words ("thanks", "ok", "danke") is not a gap by `handoff` or
 * `no_reply` (it asks nothing); its text is needed for that, so without `gapText` (assembly
 * was not asked to keep questions) every such message counts. One backward pass over the
 * messages (time order).
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
    else if (m.gapText !== undefined && isClosing(m.gapText, m.language ?? c.language)) continue;
    else if (handoffAt !== undefined && handoffAt >= m.ts && handoffAt < nextAnswerTs) onGap(m, 'handoff');
    else if (nextReply === undefined) onGap(m, 'no_reply');
  }
}

const GAP_FLAGS: Record<GapReason, number> = { fallback: FLAG.gapFallback, handoff: FLAG.gapHandoff, no_reply: FLAG.gapNoReply };

/**
 * Marks each gap of a bot-engaged conversation with its reason's FLAG bit and drops the kept text of
 * every other customer message (a conversation the bot never took part in has no gaps of the bot's).
 */
export function markGaps(c: Conversation): void {
  if (c.botEngaged) forEachGap(c, (m, reason) => (m.flags |= GAP_FLAGS[reason]));
  for (const m of c.messages) if (m.gapText !== undefined && gapReason(m) === undefined) m.gapText = undefined;
}

/** The reason markGaps gave a message, or undefined when it is not a gap. */
export function gapReason(m: Message): GapReason | undefined {
  if ((m.flags & FLAG.gapFallback) !== 0) return 'fallback';
  if ((m.flags & FLAG.gapHandoff) !== 0) return 'handoff';
  if ((m.flags & FLAG.gapNoReply) !== 0) return 'no_reply';
  return undefined;
}
