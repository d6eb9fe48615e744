import { forEachReply } from '../conversations/derive.js';
import type { ResponseTimeKpi } from '../report/types.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const responseTime: Kpi<ResponseTimeKpi> = {
  id: 'response_time',
  title: 'Response time',
  description:
    'Seconds from the first customer message of an unanswered run to the next bot or agent reply, over every reply; split by bot and agent.',
  unit: 'seconds',
  direction: 'lower',
  requires: [],
  compute(convs) {
    const all: number[] = [];
    const bot: number[] = [];
    const agent: number[] = [];
    const record = (role: 'bot' | 'agent', ms: number): void => {
      all.push(ms);
      (role === 'bot' ? bot : agent).push(ms);
    };
    for (const c of convs) forEachReply(c, record);
    return {
      ...distribution(all, 'no replies', true),
      bot: distribution(bot, 'no bot replies', true),
      agent: distribution(agent, 'no agent replies', true),
    };
  },
};
