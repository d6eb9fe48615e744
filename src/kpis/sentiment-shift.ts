import type { Value } from '../report/types.js';
import { value } from './results.js';
import { conversationSentiments } from './facts.js';
import type { Kpi } from './types.js';

export const sentimentShift: Kpi<Value> = {
  id: 'sentiment_shift',
  title: 'Sentiment shift',
  description:
    "Mean change of a customer's sentiment within a conversation (last scored message − first), over conversations with at least two scored customer messages.",
  unit: 'score',
  direction: 'higher',
  requires: ['sentiment'],
  compute(convs, ctx) {
    const shifts = conversationSentiments(convs, ctx).shifts;
    let sum = 0;
    for (const shift of shifts) sum += shift;
    const n = shifts.length;
    return value(n === 0 ? null : sum / n, n, 'no conversation with two scored customer messages');
  },
};
