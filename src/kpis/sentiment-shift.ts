import { OrderedSum } from './define.js';
import { value, valueSchema, type Value } from './result.js';
import type { Kpi } from './types.js';

export const sentimentShift: Kpi<OrderedSum, Value> = {
  id: 'sentiment_shift',
  title: 'Sentiment shift',
  description:
    "Mean change of a customer's sentiment within a conversation (last scored message − first), over conversations with at least two scored customer messages.",
  unit: 'score',
  direction: 'higher',
  requires: ['sentiment'],
  result: valueSchema('score'),
  init: () => new OrderedSum(),
  add(sum, f) {
    const shift = f.sentiment.shift;
    if (shift !== undefined) sum.add(f.c, shift);
  },
  merge: (into, other) => into.merge(other),
  finish(sum) {
    const n = sum.count;
    return value(n === 0 ? null : sum.total() / n, n, 'no conversation with two scored customer messages');
  },
};
