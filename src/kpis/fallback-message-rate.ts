import { messageRateKpi } from './define.js';

export const fallbackMessageRate = messageRateKpi({
  id: 'fallback_message_rate',
  title: 'Fallback messages',
  description: 'Share of bot messages that were fallbacks ("Sorry, I didn\'t get that").',
  direction: 'lower',
  requires: ['fallback'],
  add(t, c, f) {
    t.den += c.counts.bot;
    t.num += f.fallbacks;
  },
  empty: 'no bot messages',
});
