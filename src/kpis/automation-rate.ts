import type { z } from 'zod';
import { countsKpi } from './define.js';
import { rate, rateSchema, rateWith } from './result.js';

const EMPTY = 'no conversations';

export const automationResult = rateWith(
  { full: rateSchema, partial: rateSchema },
  'conversations with a real bot answer; full = no human involved, partial = a human joined too',
);

export const automationRate = countsKpi({
  id: 'automation_rate',
  title: 'Automation',
  description:
    'Share of conversations where the bot gave at least one real (non-fallback) answer; full = no human involved, partial = a human joined too.',
  unit: 'ratio',
  direction: 'higher',
  requires: [],
  result: automationResult,
  counters: ['conversations', 'answered', 'full'],
  add(t, { c }) {
    t.conversations++;
    if (!c.botAnswered) return;
    t.answered++;
    if (!c.escalated) t.full++;
  },
  finish: (t): z.infer<typeof automationResult> => ({
    ...rate(t.answered, t.conversations, EMPTY),
    full: rate(t.full, t.conversations, EMPTY),
    partial: rate(t.answered - t.full, t.conversations, EMPTY),
  }),
});
