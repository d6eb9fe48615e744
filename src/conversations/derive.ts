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
