import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const repeatedReplyRate: Kpi<Rate> = {
  id: 'repeated_reply_rate',
  title: 'Repeated bot replies',
  description: 'Share of bot-engaged conversations in which the bot sent the same reply twice (same text after case, punctuation and spacing are folded).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['text'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.repeatedReplies, t.botEngaged, 'no bot-engaged conversations');
  },
};
