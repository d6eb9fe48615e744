import type { SentimentKpi } from '../report/types.js';
import { rate } from './results.js';
import { conversationSentiments } from './facts.js';
import type { Kpi } from './types.js';

/** Scores above this are positive, below its negative negative, the rest neutral. */
export const NEUTRAL_BAND = 0.05;

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
      if (score > NEUTRAL_BAND) positive++;
      else if (score < -NEUTRAL_BAND) negative++;
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
