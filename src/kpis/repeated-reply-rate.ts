import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const repeatedReplyRate = rateKpi({
  id: 'repeated_reply_rate',
  title: 'Repeated bot replies',
  description: 'Share of bot-engaged conversations in which the bot sent the same reply twice (same text after case, punctuation and spacing are folded).',
  direction: 'lower',
  requires: ['text'],
  inDenominator: (c) => c.botEngaged,
  inNumerator: (c) => c.quality.repeatedReply,
  empty: NO_BOT,
});
