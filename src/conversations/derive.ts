import type { Conversation, Rating, Role } from '../model.js';

/** Who can answer a customer. */
export type ReplyRole = Extract<Role, 'bot' | 'agent'>;

/**
 * The response-time walk: a customer message with nothing pending starts a run; the next bot or
 * agent message records one reply and clears it. System messages and unprompted replies are ignored.
 * `onReply` gets the replying role and the milliseconds since the run started; true stops the walk.
 */
export function forEachReply(c: Conversation, onReply: (role: ReplyRole, ms: number) => boolean | void): void {
  let pendingSince: number | undefined;
  for (const m of c.messages) {
    if (m.role === 'customer') pendingSince ??= m.ts;
    else if ((m.role === 'bot' || m.role === 'agent') && pendingSince !== undefined) {
      if (onReply(m.role, m.ts - pendingSince) === true) return;
      pendingSince = undefined;
    }
  }
}

/** Time from the first customer message to the first bot/agent message after it. */
export function firstResponseMs(c: Conversation): number | undefined {
  let first: number | undefined;
  forEachReply(c, (_, ms) => {
    first = ms;
    return true;
  });
  return first;
}

/** Role of the last non-system message. */
export function lastSpeaker(c: Conversation): Role | undefined {
  for (let i = c.messages.length - 1; i >= 0; i--) {
    const role = c.messages[i]?.role;
    if (role !== 'system') return role;
  }
  return undefined;
}

export function isContained(c: Conversation): boolean {
  return c.botEngaged && !c.escalated;
}

export function isSatisfied(rating: Rating, satisfiedFrom: number): boolean {
  return rating.kind === 'thumb' ? rating.up : rating.value >= satisfiedFrom;
}

/** What happened to a bot-engaged conversation (section 7), in the order the rules are tried. */
export const OUTCOMES = ['escalated', 'confirmed', 'unresolved', 'abandoned', 'assumed', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The outcome of a bot-engaged conversation, the first that applies: escalated; confirmed
 * (resolved = true); unresolved (resolved = false); abandoned (the customer had the last non-system
 * word); assumed (the data runs on for at least `silenceMs` after its end); else pending.
 * Undefined for a conversation without a bot message.
 */
export function botOutcome(c: Conversation, dataEnd: number, silenceMs: number): Outcome | undefined {
  if (!c.botEngaged) return undefined;
  if (c.escalated) return 'escalated';
  if (c.resolved === true) return 'confirmed';
  if (c.resolved === false) return 'unresolved';
  if (lastSpeaker(c) === 'customer') return 'abandoned';
  return dataEnd - c.end >= silenceMs ? 'assumed' : 'pending';
}

/** Time from `start` to the row carrying the final resolved value (0 if it lies before `start`), for resolved = true. */
export function resolutionMs(c: Conversation): number | undefined {
  if (c.resolved !== true || c.resolvedAt === undefined) return undefined;
  return Math.max(0, c.resolvedAt - c.start);
}

/** Calendar time from the first explicit handoff signal to the first agent message at or after it. */
export function handoffWaitMs(c: Conversation): number | undefined {
  if (c.explicitHandoffAt === undefined || c.agentAfterHandoffAt === undefined) return undefined;
  return c.agentAfterHandoffAt - c.explicitHandoffAt;
}

/** Left by the customer: bot-engaged, not escalated, not resolved, and the customer had the last (non-system) word. */
export function isAbandoned(c: Conversation): boolean {
  return isContained(c) && c.resolved !== true && lastSpeaker(c) === 'customer';
}

/** The conversation's sentiment: the mean of its customer messages' scores; undefined when none is scored. */
export function sentimentMean(c: Conversation): number | undefined {
  let total = 0;
  let scored = 0;
  for (const m of c.messages) {
    if (m.role !== 'customer' || m.sentiment === undefined) continue;
    total += m.sentiment;
    scored++;
  }
  return scored === 0 ? undefined : total / scored;
}
