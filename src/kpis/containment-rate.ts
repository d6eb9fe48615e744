import { isContained } from '../conversations/derive.js';
import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const containmentRate = rateKpi({
  id: 'containment_rate',
  title: 'Containment',
  description: 'Share of bot-engaged conversations that never reached a human.',
  direction: 'higher',
  breakdown: 'value',
  requires: [],
  inDenominator: (c) => c.botEngaged,
  inNumerator: isContained,
  empty: NO_BOT,
});
