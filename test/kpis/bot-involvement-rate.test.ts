import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { botInvolvementRate } from '../../src/kpis/bot-involvement-rate.js';
import { expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('bot_involvement_rate', () => {
  it('is |B| / N', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'bot', fallback: true },
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 1, role: 'agent' },
      { c: 'c', t: 0, role: 'bot' },
    ]);
    expectRate(computeKpi(botInvolvementRate, convs, contextOf(convs)), 2, 3);
  });

  it('is null without conversations', () => {
    expect(computeKpi(botInvolvementRate, [], contextOf([])).reason).toBe('no conversations');
  });
});
