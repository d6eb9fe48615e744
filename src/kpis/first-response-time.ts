import type { FirstResponseTimeKpi } from '../report/types.js';
import { NEEDS_SCHEDULE, replyTimes, serviceFacts } from './facts.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

const EMPTY = 'no answered customer message';

export const firstResponseTime: Kpi<FirstResponseTimeKpi> = {
  id: 'first_response_time',
  title: 'First response time',
  description:
    "Seconds from a conversation's first customer message to the first bot or agent reply after it; business = the same in business seconds.",
  unit: 'seconds',
  direction: 'lower',
  breakdown: 'p50',
  requires: ['timestamp'],
  compute(convs, ctx) {
    const values = replyTimes(convs, ctx).first;
    const business: number[] = [];
    if (ctx.options.businessHours !== undefined) {
      for (const c of convs) {
        const ms = serviceFacts(c, ctx).firstResponseBusinessMs;
        if (ms !== undefined) business.push(ms);
      }
    }
    return {
      ...distribution(values, EMPTY),
      business: distribution(business, ctx.options.businessHours === undefined ? NEEDS_SCHEDULE : EMPTY),
    };
  },
};
