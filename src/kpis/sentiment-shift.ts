import { sentimentScores } from '../conversations/derive.js';
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
      const scores = sentimentScores(c);
      if (scores.length < 2) continue;
      sum += (scores[scores.length - 1] as number) - (scores[0] as number);
      n++;
    }
    return value(n === 0 ? null : sum / n, n, 'no conversation with two scored customer messages');
  },
};
