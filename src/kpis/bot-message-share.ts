import type { Rate } from '../report/types.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const botMessageShare: Kpi<Rate> = {
  id: 'bot_message_share',
  title: 'Bot message share',
  description: 'Bot messages out of all bot and agent messages.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: [],
  compute(convs) {
    let bot = 0;
    let agent = 0;
    for (const c of convs) {
      bot += c.counts.bot;
      agent += c.counts.agent;
    }
    return rate(bot, bot + agent, 'no bot or agent messages');
  },
};
