import type { SentimentKpi } from '../report/types.js';
import { rate } from './results.js';
import { conversationSentiments } from './facts.js';
import type { Kpi } from './types.js';

/** Scores above this are positive, below its negative negative, the rest neutral. */
export const NEUTRAL_BAND = 0.05;
/**
 * A mean is a sum of floating-point scores divided by their count: one that is 0.05 on paper can
 * come out as 0.05000000000000001. Within this distance of the band's edge it is the edge
 * (neutral), so the class does not depend on rounding. Scores themselves are far coarser.
 */
const EDGE_TOLERANCE = 1e-9;

export const sentiment: Kpi<SentimentKpi> = {
  id: 'sentiment',
  title: 'Sentiment',
  description:
    "Mean conversation sentiment in [−1, 1] (a conversation's score is the mean of its customer messages), with the shares of positive (> 0.05), neutral and negative (< −0.05) conversations.",
  unit: 'score',
  direction: 'higher',
  requires: ['sentiment'],
  compute(convs, ctx) {
    const means = conversationSentiments(convs, ctx).means;
    const n = means.length;
    let sum = 0;
    let positive = 0;
    let negative = 0;
    for (const score of means) {
      sum += score;
      if (score > NEUTRAL_BAND + EDGE_TOLERANCE) positive++;
      else if (score < -NEUTRAL_BAND - EDGE_TOLERANCE) negative++;
    }
    const empty = 'no scored conversations';
    const mean = n === 0 ? null : sum / n;
    const result: SentimentKpi = {
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
