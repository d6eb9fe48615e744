import type { Rate } from '../report/types.js';
import { rateOf } from './results.js';
import type { Kpi } from './types.js';

export const botInvolvementRate: Kpi<Rate> = {
  id: 'bot_involvement_rate',
  title: 'Bot involvement',
  description: 'Share of conversations with at least one bot message: |B| / N.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'neutral',
  requires: [],
  compute: (convs) => rateOf(convs, () => true, (c) => c.botEngaged, 'no conversations'),
};
