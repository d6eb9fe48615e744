import { rateKpi } from './define.js';
import { NEEDS_SCHEDULE } from './reasons.js';

export const afterHoursRate = rateKpi({
  id: 'after_hours_rate',
  title: 'After hours',
  description: "Share of conversations that started while their market's business hours were closed (holidays included).",
  direction: 'neutral',
  requires: [],
  applicable: (ctx) => (ctx.options.businessHours === undefined ? NEEDS_SCHEDULE : undefined),
  inDenominator: () => true,
  inNumerator: (_c, f) => f.service.afterHours === true,
  empty: 'no conversations',
});
