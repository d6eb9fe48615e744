import { isContained } from '../conversations/derive.js';
import type { HandlingTimeKpi } from '../report/types.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const handlingTime: Kpi<HandlingTimeKpi> = {
  id: 'handling_time',
  title: 'Handling time (AHT)',
  description:
    'Seconds from first to last message of a conversation; contained = bot-engaged and never escalated, escalated = every escalated conversation.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  compute(convs) {
    const all: number[] = [];
    const contained: number[] = [];
    const escalated: number[] = [];
    for (const c of convs) {
      const ms = c.end - c.start;
      all.push(ms);
      if (isContained(c)) contained.push(ms);
      if (c.escalated) escalated.push(ms);
    }
    return {
      ...distribution(all, 'no conversations'),
      contained: distribution(contained, 'no contained conversations'),
      escalated: distribution(escalated, 'no escalated conversations'),
    };
  },
};
