import { isAbandoned } from '../conversations/derive.js';
import type { Rate } from '../report/types.js';
import { NO_BOT } from './containment-rate.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const abandonmentRate: Kpi<Rate> = {
  id: 'abandonment_rate',
  title: 'Abandonment',
  description:
    'Share of bot-engaged conversations left by the customer: not escalated, not resolved, and the customer had the last word.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: [],
  compute: (convs) =>
    rateOf(
      convs,
      (c) => c.botEngaged,
      isAbandoned,
      NO_BOT,
    ),
};
