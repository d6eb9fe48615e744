import { messageRateKpi } from './define.js';

export const answerAccuracy = messageRateKpi({
  id: 'answer_accuracy',
  title: 'Answer accuracy (reviewed)',
  description: 'Share of reviewed bot answers that the reviewer found correct and on-policy (answer_correct = true).',
  direction: 'higher',
  breakdown: 'value',
  requires: ['answer_correct'],
  add(t, c) {
    t.num += c.quality.correct;
    t.den += c.quality.reviewed;
  },
  empty: 'no bot messages with answer_correct',
});
