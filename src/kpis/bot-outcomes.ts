import { OUTCOMES, type Outcome } from '../conversations/derive.js';
import type { BotOutcomesKpi } from '../report/types.js';
import { NO_BOT } from './containment-rate.js';
import { serviceFacts } from './facts.js';
import { rate } from './results.js';
import type { Kpi, KpiContext } from './types.js';
import type { Conversation } from '../model.js';

/** Bot-engaged conversations by outcome, and |B|. */
export function outcomeCounts(convs: readonly Conversation[], ctx: KpiContext): { counts: Record<Outcome, number>; bot: number } {
  return ctx.memoFor(convs, 'outcomeCounts', () => {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    let bot = 0;
    for (const c of convs) {
      const outcome = serviceFacts(c, ctx).outcome;
      if (outcome === undefined) continue;
      counts[outcome]++;
      bot++;
    }
    return { counts, bot };
  });
}

export const botOutcomes: Kpi<BotOutcomesKpi> = {
  id: 'bot_outcomes',
  title: 'Bot outcomes',
  description:
    'What happened to each bot-engaged conversation, the first that applies: escalated, confirmed (resolved), unresolved, abandoned (customer had the last word), assumed (no word for outcomes.silence, default 24 h, before the data ends), pending.',
  unit: 'ratio',
  direction: 'neutral',
  requires: [],
  compute(convs, ctx) {
    const { counts, bot } = outcomeCounts(convs, ctx);
    return Object.fromEntries(OUTCOMES.map((o) => [o, rate(counts[o], bot, NO_BOT)])) as BotOutcomesKpi;
  },
};
