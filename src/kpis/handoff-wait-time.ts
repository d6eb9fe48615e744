import { handoffWaitMs } from '../conversations/derive.js';
import type { HandoffWaitTimeKpi } from '../report/types.js';
import { NEEDS_SCHEDULE, serviceFacts } from './facts.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

const EMPTY = 'no handoff followed by an agent message';

export const handoffWaitTime: Kpi<HandoffWaitTimeKpi> = {
  id: 'handoff_wait_time',
  title: 'Handoff wait',
  description:
    'Seconds a customer waits for a human once the bot hands over: from the first explicit handoff signal to the first agent message at or after it; business = the same in business seconds.',
  unit: 'seconds',
  direction: 'lower',
  requires: ['timestamp'],
  compute(convs, ctx) {
    const values: number[] = [];
    const business: number[] = [];
    const schedule = ctx.options.businessHours !== undefined;
    for (const c of convs) {
      const ms = handoffWaitMs(c);
      if (ms === undefined) continue;
      values.push(ms);
      if (schedule) business.push(serviceFacts(c, ctx).handoffWaitBusinessMs as number);
    }
    return {
      ...distribution(values, EMPTY),
      business: distribution(business, schedule ? EMPTY : NEEDS_SCHEDULE),
    };
  },
};
