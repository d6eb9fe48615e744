import type { Rate } from '../report/types.js';
import { NEEDS_SCHEDULE, serviceFacts } from './facts.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const afterHoursRate: Kpi<Rate> = {
  id: 'after_hours_rate',
  title: 'After hours',
  description: "Share of conversations that started while their market's business hours were closed (holidays included).",
  unit: 'ratio',
  shape: 'rate',
  direction: 'neutral',
  requires: [],
  applicable: (ctx) => (ctx.options.businessHours === undefined ? NEEDS_SCHEDULE : undefined),
  compute: (convs, ctx) => rateOf(convs, () => true, (c) => serviceFacts(c, ctx).afterHours === true, 'no conversations'),
};
