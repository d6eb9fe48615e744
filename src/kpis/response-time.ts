import type { ResponseTimeKpi } from '../report/types.js';
import { replyTimes } from './facts.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const responseTime: Kpi<ResponseTimeKpi> = {
  id: 'response_time',
  title: 'Response time',
  description:
    'Seconds from the first customer message of an unanswered run to the next bot or agent reply, over every reply; split by bot and agent.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  compute(convs, ctx) {
    const { all, bot, agent } = replyTimes(convs, ctx);
    return {
      ...distribution(all, 'no replies', true),
      bot: distribution(bot, 'no bot replies', true),
      agent: distribution(agent, 'no agent replies', true),
    };
  },
};
