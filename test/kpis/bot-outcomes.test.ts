import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { botOutcomes } from '../../src/kpis/bot-outcomes.js';
import { expectRate } from './assertions.js';
import { contextEndingAt, conversationsOf } from './helpers.js';

const DAY = 86_400;

describe('bot_outcomes', () => {
  const convs = conversationsOf([
    // escalated wins over resolved
    { c: 'esc', t: 0, role: 'customer' },
    { c: 'esc', t: 1, role: 'bot' },
    { c: 'esc', t: 2, role: 'agent' },
    { c: 'esc', t: 3, kind: 'resolved' },
    // confirmed: resolved = true, even with the customer's last word
    { c: 'con', t: 0, role: 'customer' },
    { c: 'con', t: 1, role: 'bot', resolved: true },
    { c: 'con', t: 2, role: 'customer' },
    // unresolved
    { c: 'unr', t: 0, role: 'customer' },
    { c: 'unr', t: 1, role: 'bot' },
    { c: 'unr', t: 2, kind: 'resolved', resolved: false },
    // abandoned: the last non-system message is the customer's
    { c: 'aba', t: 0, role: 'bot' },
    { c: 'aba', t: 1, role: 'customer' },
    { c: 'aba', t: 2, role: 'system' },
    // assumed: ends at 10, the data ends exactly 24 h later
    { c: 'ass', t: 0, role: 'customer' },
    { c: 'ass', t: 10, role: 'bot' },
    // pending: ends at 200, 86,210 s before the data ends
    { c: 'pen', t: 100, role: 'customer' },
    { c: 'pen', t: 200, role: 'bot' },
    // not bot-engaged: in none
    { c: 'hum', t: 0, role: 'customer' },
  ]);

  it('gives each bot-engaged conversation the first outcome that applies', () => {
    const r = computeKpi(botOutcomes, convs, contextEndingAt(convs, 10 + DAY));
    for (const o of ['escalated', 'confirmed', 'unresolved', 'abandoned', 'assumed', 'pending'] as const) expectRate(r[o], 1, 6);
  });

  it('honours outcomes.silence: with 1 day minus 210 s the pending conversation is assumed', () => {
    const r = computeKpi(botOutcomes, convs, contextEndingAt(convs, 10 + DAY, { outcomeSilenceMs: (DAY - 210) * 1000 }));
    expectRate(r.assumed, 2, 6);
    expectRate(r.pending, 0, 6);
  });

  it('is six null rates without bot-engaged conversations', () => {
    const none = convs.filter((c) => c.id === 'hum');
    const r = computeKpi(botOutcomes, none, contextEndingAt(none, 0));
    expect(Object.values(r).map((x) => [x.value, x.denominator])).toEqual(Array(6).fill([null, 0]));
  });
});
