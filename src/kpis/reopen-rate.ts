import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const reopenRate: Kpi<Rate> = {
  id: 'reopen_rate',
  title: 'Reopened',
  description:
    'Share of conversations marked resolved (at or after their start) in which the customer wrote again after the first such mark.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['resolved'],
  compute: (convs) =>
    rateOf(
      convs,
      (c) => c.reopened !== undefined,
      (c) => c.reopened === true,
      'no conversation marked resolved at or after its start',
    ),
};
