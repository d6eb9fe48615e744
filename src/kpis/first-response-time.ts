import { samplesKpi } from './define.js';
import { distribution, distributionSchema, distributionWith } from './result.js';
import { NEEDS_SCHEDULE } from './reasons.js';

const EMPTY = 'no answered customer message';

export const firstResponseTime = samplesKpi({
  id: 'first_response_time',
  title: 'First response time',
  description:
    "Seconds from a conversation's first customer message to the first bot or agent reply after it; business = the same in business seconds.",
  unit: 'seconds',
  direction: 'lower',
  breakdown: 'p50',
  requires: ['timestamp'],
  result: distributionWith({ business: distributionSchema.describe('the same conversations, in business seconds of their schedule') }),
  samples: ['calendar', 'business'],
  add(s, f, ctx) {
    const first = f.replies.ms[0];
    if (first !== undefined) s.calendar.push(first);
    if (ctx.options.businessHours === undefined) return;
    const ms = f.service.firstResponseBusinessMs;
    if (ms !== undefined) s.business.push(ms);
  },
  finish: (s, ctx) => ({
    ...distribution(s.calendar, EMPTY),
    business: distribution(s.business, ctx.options.businessHours === undefined ? NEEDS_SCHEDULE : EMPTY),
  }),
});
