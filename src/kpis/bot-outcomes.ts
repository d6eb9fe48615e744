import { z } from 'zod';
import { OUTCOMES, type Outcome } from '../conversations/derive.js';
import { countsKpi } from './define.js';
import { NO_BOT } from './reasons.js';
import { rate, rateSchema } from './result.js';

export const botOutcomesResult = z
  .strictObject(Object.fromEntries(OUTCOMES.map((o) => [o, rateSchema])) as Record<Outcome, typeof rateSchema>)
  .meta({
    shape: 'shares',
    description: 'each bot-engaged conversation in exactly one outcome, each a rate over the bot-engaged conversations',
  });

export const botOutcomes = countsKpi({
  id: 'bot_outcomes',
  title: 'Bot outcomes',
  description:
    'What happened to each bot-engaged conversation, the first that applies: escalated, confirmed (resolved), unresolved, abandoned (customer had the last word), assumed (no word for outcomes.silence, default 24 h, before the data ends), pending.',
  unit: 'ratio',
  direction: 'neutral',
  requires: [],
  result: botOutcomesResult,
  counters: [...OUTCOMES, 'bot'],
  add(t, f) {
    const outcome = f.service.outcome;
    if (outcome === undefined) return;
    t[outcome]++;
    t.bot++;
  },
  finish: (t) => Object.fromEntries(OUTCOMES.map((o) => [o, rate(t[o], t.bot, NO_BOT)])) as z.infer<typeof botOutcomesResult>,
});
