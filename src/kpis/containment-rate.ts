import { isContained } from '../conversations/derive.js';
import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const NO_BOT = 'no bot-engaged conversations';

export const containmentRate: Kpi<Rate> = {
  id: 'containment_rate',
  title: 'Containment',
  description: 'Share of bot-engaged conversations that never reached a human.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: [],
  compute: (convs) => rateOf(convs, (c) => c.botEngaged, isContained, NO_BOT),
};
