import type { Conversation } from '../model.js';
import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi, KpiContext } from './types.js';

/** customer_id → ascending start times of all their conversations in the whole input. */
export function customerStarts(ctx: KpiContext): Map<string, readonly number[]> {
  return ctx.memo('customerStarts', () => {
    const lists = new Map<string, number[]>();
    for (const c of ctx.all) {
      if (c.customerId === undefined) continue;
      const list = lists.get(c.customerId);
      if (list === undefined) lists.set(c.customerId, [c.start]);
      else list.push(c.start);
    }
    // Plain arrays: most customers have one conversation, and a typed array per customer costs more than it saves.
    for (const list of lists.values()) if (list.length > 1) list.sort((a, b) => a - b);
    return lists;
  });
}

/** Index of the first element > x in an ascending array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Another conversation of the same customer starts in (start, end + W]. */
export function hasFollowUp(c: Conversation, starts: readonly number[], windowMs: number): boolean {
  const next = starts[upperBound(starts, c.start)];
  return next !== undefined && next <= c.end + windowMs;
}

/** Whether a conversation counts for FCR (bot-engaged, with a customer) and, if so, whether it passes. */
export function fcrOutcome(c: Conversation, ctx: KpiContext): boolean | undefined {
  if (!c.botEngaged || c.customerId === undefined) return undefined;
  const starts = customerStarts(ctx).get(c.customerId) as readonly number[];
  return c.resolved !== false && !hasFollowUp(c, starts, ctx.options.fcrWindowMs);
}

export const fcrRate: Kpi<Rate> = {
  id: 'fcr_rate',
  title: 'First contact resolution',
  description:
    'Share of bot-engaged conversations with a known customer that were not marked unresolved and had no follow-up conversation from that customer within the window (default 7 days) after they ended.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['customer_id'],
  compute(convs, ctx) {
    const starts = customerStarts(ctx);
    const w = ctx.options.fcrWindowMs;
    return rateOf(
      convs,
      (c) => c.botEngaged && c.customerId !== undefined,
      (c) => c.resolved !== false && !hasFollowUp(c, starts.get(c.customerId as string) as readonly number[], w),
      'no bot-engaged conversations with a customer_id',
    );
  },
};
