import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { humanRequestRate } from '../../src/kpis/human-request-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('human_request_rate', () => {
  it('is bot-engaged conversations in which the customer asked for a person, over bot-engaged conversations', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', text: 'I want to talk to a HUMAN', language: 'en' }, // asks
      { c: 'a', t: 1, role: 'bot', text: 'One moment.' },
      { c: 'b', t: 0, role: 'customer', text: 'Ich möchte mit einem Mitarbeiter sprechen', language: 'de' }, // asks
      { c: 'b', t: 1, role: 'bot', text: 'Gern.' },
      { c: 'c', t: 0, role: 'customer', text: '担当者と話したいです' }, // no language given: every list applies → asks
      { c: 'c', t: 1, role: 'bot', text: '少々お待ちください。' },
      { c: 'd', t: 0, role: 'customer', text: 'Where is my parcel?', language: 'en' },
      { c: 'd', t: 1, role: 'bot', text: 'Our agent will call you.' }, // the bot's words do not count
      { c: 'e', t: 0, role: 'customer', text: 'human please' }, // not bot-engaged
    ]);
    // B = {a, b, c, d} = 4; asked {a, b, c} → 3/4
    expectRate(computeKpi(humanRequestRate, convs, contextOf(convs)), 3, 4);
  });

  it('is null with a reason when no conversation is bot-engaged', () => {
    expectEmptyRate(computeKpi(humanRequestRate, [], contextOf([])));
  });
});
