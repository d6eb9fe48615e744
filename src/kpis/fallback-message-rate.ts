import type { Rate } from '../report/types.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const fallbackMessageRate: Kpi<Rate> = {
  id: 'fallback_message_rate',
  title: 'Fallback messages',
  description: 'Share of bot messages that were fallbacks ("Sorry, I didn\'t get that").',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['fallback'],
  compute(convs) {
    let fallbacks = 0;
    let bot = 0;
    for (const c of convs) {
      for (const m of c.messages) {
        if (m.role !== 'bot') continue;
        bot++;
        if (m.fallback === true) fallbacks++;
      }
    }
    return rate(fallbacks, bot, 'no bot messages');
  },
};
