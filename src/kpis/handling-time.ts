import { isContained } from '../conversations/derive.js';
import { samplesKpi } from './define.js';
import { distribution, distributionSchema, distributionWith } from './result.js';

export const handlingTime = samplesKpi({
  id: 'handling_time',
  title: 'Handling time (AHT)',
  description:
    'Seconds from first to last message of a conversation; contained = bot-engaged and never escalated, escalated = every escalated conversation.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  result: distributionWith({ contained: distributionSchema, escalated: distributionSchema }),
  samples: ['all', 'contained', 'escalated'],
  add(s, { c }) {
    const ms = c.end - c.start;
    s.all.push(ms);
    if (isContained(c)) s.contained.push(ms);
    if (c.escalated) s.escalated.push(ms);
  },
  finish: (s) => ({
    ...distribution(s.all, 'no conversations'),
    contained: distribution(s.contained, 'no contained conversations'),
    escalated: distribution(s.escalated, 'no escalated conversations'),
  }),
});
