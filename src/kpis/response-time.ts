import { samplesKpi } from './define.js';
import { distribution, distributionP95Schema, distributionWith } from './result.js';

export const responseTime = samplesKpi({
  id: 'response_time',
  title: 'Response time',
  description:
    'Seconds from the first customer message of an unanswered run to the next bot or agent reply, over every reply; split by bot and agent.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  result: distributionWith({ bot: distributionP95Schema, agent: distributionP95Schema }, { p95: true }),
  samples: ['all', 'bot', 'agent'],
  add(s, f) {
    const { ms, byBot } = f.replies;
    for (let i = 0; i < ms.length; i++) {
      const x = ms[i] as number;
      s.all.push(x);
      (byBot[i] === true ? s.bot : s.agent).push(x);
    }
  },
  finish: (s) => ({
    ...distribution(s.all, 'no replies', true),
    bot: distribution(s.bot, 'no bot replies', true),
    agent: distribution(s.agent, 'no agent replies', true),
  }),
});
