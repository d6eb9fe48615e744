import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { repeatedReplyRate } from '../../src/kpis/repeated-reply-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('repeated_reply_rate', () => {
  it('is bot-engaged conversations where the bot sent the same normalised reply twice, over bot-engaged conversations', () => {
    const convs = conversationsOf([
      // a: the same reply apart from case, punctuation and spacing → repeated
      { c: 'a', t: 0, role: 'customer', text: 'help' },
      { c: 'a', t: 1, role: 'bot', text: 'Could you rephrase that?' },
      { c: 'a', t: 2, role: 'customer', text: 'help!!' },
      { c: 'a', t: 3, role: 'bot', text: 'could you   rephrase that' },
      // b: different numbers are different replies
      { c: 'b', t: 1, role: 'bot', text: 'Your order 12 ships today.' },
      { c: 'b', t: 2, role: 'bot', text: 'Your order 13 ships today.' },
      // c: the same text from the customer and the agent does not count
      { c: 'c', t: 0, role: 'customer', text: 'ok' },
      { c: 'c', t: 1, role: 'bot', text: 'ok' },
      { c: 'c', t: 2, role: 'agent', text: 'ok' },
      // d: a repeat three replies apart → repeated
      { c: 'd', t: 1, role: 'bot', text: 'Hi!' },
      { c: 'd', t: 2, role: 'bot', text: 'Anything else?' },
      { c: 'd', t: 3, role: 'bot', text: 'Sure.' },
      { c: 'd', t: 4, role: 'bot', text: 'anything else' },
      // e: emoji-only replies have no words to compare
      { c: 'e', t: 1, role: 'bot', text: '👍' },
      { c: 'e', t: 2, role: 'bot', text: '👍' },
      // f: not bot-engaged
      { c: 'f', t: 1, role: 'customer', text: 'same' },
      { c: 'f', t: 2, role: 'customer', text: 'same' },
    ]);
    // B = {a, b, c, d, e} = 5; repeated {a, d} → 2/5
    expectRate(computeKpi(repeatedReplyRate, convs, contextOf(convs)), 2, 5);
  });

  it('is null with a reason when no conversation is bot-engaged', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer', text: 'hi' }]);
    expectEmptyRate(computeKpi(repeatedReplyRate, convs, contextOf(convs)));
  });
});
