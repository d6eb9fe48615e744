import type { Value } from '../report/types.js';
import { value } from './results.js';
import type { Kpi } from './types.js';

export const sentimentShift: Kpi<Value> = {
  id: 'sentiment_shift',
  title: 'Sentiment shift',
  description:
    "Mean change of a customer's sentiment within a conversation (last scored message − first), over conversations with at least two scored customer messages.",
  unit: 'score',
  direction: 'higher',
  requires: ['sentiment'],
  compute(convs) {
    let sum = 0;
    let n = 0;
    for (const c of convs) {
      // First and last scored customer message.
      let first: number | undefined;
      let last = 0;
      let scored = 0;
      for (const m of c.messages) {
        if (m.role !== 'customer' || m.sentiment === undefined) continue;
        first ??= m.sentiment;
        last = m.sentiment;
        scored++;
      }
      if (scored < 2 || first === undefined) continue;
      sum += last - first;
      n++;
    }
    return value(n === 0 ? null : sum / n, n, 'no conversation with two scored customer messages');
  },
};
