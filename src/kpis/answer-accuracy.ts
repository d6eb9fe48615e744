import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const answerAccuracy: Kpi<Rate> = {
  id: 'answer_accuracy',
  title: 'Answer accuracy (reviewed)',
  description: 'Share of reviewed bot answers that the reviewer found correct and on-policy (answer_correct = true).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  breakdown: 'value',
  requires: ['answer_correct'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.correct, t.reviewed, 'no bot messages with answer_correct');
  },
};
