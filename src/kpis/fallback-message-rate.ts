import { messageRateKpi } from './define.js';

export const fallbackMessageRate = messageRateKpi({
  id: 'fallback_message_rate',
  title: 'Fallback messages',
  description: 'Share of bot messages that were fallbacks ("Sorry, I didn\'t get that").',
  direction: 'lower',
  requires: ['fallback'],
  add(t, c) {
    for (const m of c.messages) {
      if (m.role !== 'bot') continue;
      t.den++;
      if (m.fallback === true) t.num++;
    }
  },
  empty: 'no bot messages',
});
