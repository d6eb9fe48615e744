import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { answerAccuracy } from '../../src/kpis/answer-accuracy.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('answer_accuracy', () => {
  it('is bot messages with answer_correct=true over bot messages with answer_correct', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', answerCorrect: true }, // not a bot message: ignored
      { c: 'a', t: 1, role: 'bot', answerCorrect: true }, // correct
      { c: 'a', t: 2, role: 'bot', answerCorrect: false }, // reviewed, wrong
      { c: 'a', t: 3, role: 'bot' }, // not reviewed
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 1, role: 'bot', answerCorrect: true }, // correct
      { c: 'b', t: 2, role: 'agent', answerCorrect: false }, // not a bot message
      { c: 'b', t: 3, role: 'system', answerCorrect: false }, // not a bot message
      { c: 'b', t: 4, role: 'bot', kind: 'handoff', answerCorrect: false }, // an event, not a message
    ]);
    // reviewed bot messages = 3 (a@1, a@2, b@1); correct = 2 → 2/3
    expectRate(computeKpi(answerAccuracy, convs, contextOf(convs)), 2, 3);
  });

  it('is null with a reason when no bot message was reviewed', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', answerCorrect: true },
      { c: 'a', t: 1, role: 'bot' },
    ]);
    expectEmptyRate(computeKpi(answerAccuracy, convs, contextOf(convs)));
  });
});
