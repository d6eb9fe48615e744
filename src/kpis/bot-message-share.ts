import { messageRateKpi } from './define.js';

export const botMessageShare = messageRateKpi({
  id: 'bot_message_share',
  title: 'Bot message share',
  description: 'Bot messages out of all bot and agent messages.',
  direction: 'higher',
  requires: [],
  add(t, c) {
    t.num += c.counts.bot;
    t.den += c.counts.bot + c.counts.agent;
  },
  empty: 'no bot or agent messages',
});
