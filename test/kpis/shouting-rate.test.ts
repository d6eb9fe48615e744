import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { shoutingRate } from '../../src/kpis/shouting-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('shouting_rate', () => {
  it('is bot-engaged conversations with a customer message mostly in capitals, over bot-engaged conversations', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', text: 'WHERE IS MY ORDER', language: 'en' }, // shouting
      { c: 'a', t: 1, role: 'bot', text: 'Let me check.' },
      { c: 'b', t: 0, role: 'customer', text: 'Order AB12345 please', language: 'en' }, // a code is not shouting
      { c: 'b', t: 1, role: 'bot', text: 'THANKS FOR WAITING' }, // the bot's capitals do not count
      { c: 'c', t: 0, role: 'customer', text: '注文はどこですか！！', language: 'ja' }, // no case: never shouting
      { c: 'c', t: 1, role: 'bot', text: '確認します。' },
      { c: 'd', t: 0, role: 'customer', text: 'ok', language: 'en' },
      { c: 'd', t: 1, role: 'bot', text: 'Hi' },
      { c: 'd', t: 2, role: 'customer', text: 'ÇA NE MARCHE PAS', language: 'fr' }, // shouting
    ]);
    // B = {a, b, c, d} = 4; shouting {a, d} → 2/4
    expectRate(computeKpi(shoutingRate, convs, contextOf(convs)), 2, 4);
  });

  it('is null with a reason when no conversation is bot-engaged', () => {
    expectEmptyRate(computeKpi(shoutingRate, [], contextOf([])));
  });
});
