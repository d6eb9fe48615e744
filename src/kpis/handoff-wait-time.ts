import { handoffWaitMs } from '../conversations/derive.js';
import { samplesKpi } from './define.js';
import { distribution, distributionSchema, distributionWith } from './result.js';
import { NEEDS_SCHEDULE } from './reasons.js';

const EMPTY = 'no handoff followed by an agent message';

export const handoffWaitTime = samplesKpi({
  id: 'handoff_wait_time',
  title: 'Handoff wait',
  description:
    'Seconds a customer waits for a human once the bot hands over: from the first explicit handoff signal to the first agent message at or after it; business = the same in business seconds.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  result: distributionWith({ business: distributionSchema.describe('the same conversations, in business seconds of their schedule') }),
  samples: ['calendar', 'business'],
  add(s, f, ctx) {
    const ms = handoffWaitMs(f.c);
    if (ms === undefined) return;
    s.calendar.push(ms);
    if (ctx.options.businessHours !== undefined) s.business.push(f.service.handoffWaitBusinessMs as number);
  },
  finish: (s, ctx) => ({
    ...distribution(s.calendar, EMPTY),
    business: distribution(s.business, ctx.options.businessHours === undefined ? NEEDS_SCHEDULE : EMPTY),
  }),
});
