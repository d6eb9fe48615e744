import type { Distribution } from '../report/types.js';
import { replyTimes } from './facts.js';
import { distribution } from './results.js';
import type { Kpi } from './types.js';

export const firstResponseTime: Kpi<Distribution> = {
  id: 'first_response_time',
  title: 'First response time',
  description: "Seconds from a conversation's first customer message to the first bot or agent reply after it.",
  unit: 'seconds',
  direction: 'lower',
  requires: [],
  compute(convs, ctx) {
    const values = replyTimes(convs, ctx).first;
    return distribution(values, 'no answered customer message');
  },
};
