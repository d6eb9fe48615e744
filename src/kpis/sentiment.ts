import { z } from 'zod';
import { OrderedSum } from './define.js';
import { nullableNum, num, rate, rateSchema, reason } from './result.js';
import type { Kpi } from './types.js';

/** Scores above this are positive, below its negative negative, the rest neutral. */
export const NEUTRAL_BAND = 0.05;
/**
 * A mean is a sum of floating-point scores divided by their count: one that is 0.05 on paper can
 * come out as 0.05000000000000001. Within this distance of the band's edge it is the edge
 * (neutral), so the class does not depend on rounding. Scores themselves are far coarser.
 */
const EDGE_TOLERANCE = 1e-9;

export const sentimentResult = z.strictObject({
  value: nullableNum('score').describe('mean of conversation scores'),
  mean: nullableNum('score'),
  count: num('count').describe('scored conversations'),
  positive: rateSchema,
  neutral: rateSchema,
  negative: rateSchema,
  reason,
});

interface State {
  scores: OrderedSum;
  positive: number;
  negative: number;
}

export const sentiment: Kpi<State, z.infer<typeof sentimentResult>> = {
  id: 'sentiment',
  title: 'Sentiment',
  description:
    "Mean conversation sentiment in [−1, 1] (a conversation's score is the mean of its customer messages), with the shares of positive (> 0.05), neutral and negative (< −0.05) conversations.",
  unit: 'score',
  direction: 'higher',
  requires: ['sentiment'],
  result: sentimentResult,
  init: () => ({ scores: new OrderedSum(), positive: 0, negative: 0 }),
  add(s, f) {
    const score = f.sentiment.mean;
    if (score === undefined) return;
    s.scores.add(f.c, score);
    if (score > NEUTRAL_BAND + EDGE_TOLERANCE) s.positive++;
    else if (score < -NEUTRAL_BAND - EDGE_TOLERANCE) s.negative++;
  },
  merge(into, other) {
    into.scores.merge(other.scores);
    into.positive += other.positive;
    into.negative += other.negative;
  },
  finish({ scores, positive, negative }) {
    const n = scores.count;
    const empty = 'no scored conversations';
    const mean = n === 0 ? null : scores.total() / n;
    const result: z.infer<typeof sentimentResult> = {
      value: mean,
      mean,
      count: n,
      positive: rate(positive, n, empty),
      neutral: rate(n - positive - negative, n, empty),
      negative: rate(negative, n, empty),
    };
    if (n === 0) result.reason = empty;
    return result;
  },
};
