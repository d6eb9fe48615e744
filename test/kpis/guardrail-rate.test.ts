import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { guardrailRate } from '../../src/kpis/guardrail-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('guardrail_rate', () => {
  it('is bot messages with guardrail=true over all bot messages', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', guardrail: true }, // not a bot message
      { c: 'a', t: 1, role: 'bot', guardrail: true }, // hit
      { c: 'a', t: 2, role: 'bot', guardrail: false },
      { c: 'a', t: 3, role: 'bot' }, // no value: still a bot message
      { c: 'b', t: 1, role: 'bot', guardrail: true }, // hit
      { c: 'b', t: 2, role: 'agent', guardrail: true }, // not a bot message
    ]);
    // bot messages = 4; hits = 2 → 2/4
    expectRate(computeKpi(guardrailRate, convs, contextOf(convs)), 2, 4);
  });

  it('is null with a reason when there are no bot messages', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer', guardrail: true }]);
    expectEmptyRate(computeKpi(guardrailRate, convs, contextOf(convs)));
  });
});
