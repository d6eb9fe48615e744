import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { hallucinationRate } from '../../src/kpis/hallucination-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('hallucination_rate', () => {
  it('is bot messages with hallucination=true over bot messages with hallucination', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', hallucination: true }, // not a bot message
      { c: 'a', t: 1, role: 'bot', hallucination: true }, // hallucinated
      { c: 'a', t: 2, role: 'bot', hallucination: false },
      { c: 'a', t: 3, role: 'bot', answerCorrect: false }, // reviewed for correctness only: not in the denominator
      { c: 'b', t: 1, role: 'bot', hallucination: false },
      { c: 'b', t: 2, role: 'agent', hallucination: true }, // not a bot message
    ]);
    // with hallucination: a@1, a@2, b@1 = 3; true: a@1 → 1/3
    expectRate(computeKpi(hallucinationRate, convs, contextOf(convs)), 1, 3);
  });

  it('is null with a reason when no bot message has hallucination', () => {
    const convs = conversationsOf([{ c: 'a', t: 1, role: 'bot' }]);
    expectEmptyRate(computeKpi(hallucinationRate, convs, contextOf(convs)));
  });
});
