import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { intents } from '../../src/kpis/intents.js';
import type { Rating } from '../../src/model.js';
import { FIELDS } from '../../src/schema/fields.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

const num = (value: number): Rating => ({ kind: 'numeric', value });

describe('intents', () => {
  const convs = conversationsOf([
    // a: billing, contained, csat 5, 0..100
    { c: 'a', t: 0, role: 'customer', intent: 'billing' },
    { c: 'a', t: 100, role: 'bot' },
    { c: 'a', t: 200, kind: 'csat', csat: num(5) },
    // b: billing, escalated, csat 2, 0..200
    { c: 'b', t: 0, role: 'customer', intent: 'billing' },
    { c: 'b', t: 10, role: 'bot' },
    { c: 'b', t: 200, role: 'agent', csat: num(2) },
    // c: the first customer message has no intent; primary = shipping; contained, unrated, 0..30
    { c: 'c', t: 0, role: 'customer' },
    { c: 'c', t: 10, role: 'bot', intent: 'billing' }, // a bot row's intent is not a customer intent
    { c: 'c', t: 20, role: 'customer', intent: 'shipping' },
    { c: 'c', t: 30, role: 'bot' },
    // d: no intent, contained, thumbs up, 0..10
    { c: 'd', t: 0, role: 'customer' },
    { c: 'd', t: 10, role: 'bot', csat: { kind: 'thumb', up: true } },
    // e: billing, no bot (agent only), csat 4, 0..60
    { c: 'e', t: 0, role: 'customer', intent: 'billing' },
    { c: 'e', t: 60, role: 'agent' },
    { c: 'e', t: 61, kind: 'csat', csat: num(4) },
    // f: no intent, customer only, 0..0
    { c: 'f', t: 0, role: 'customer' },
  ]);

  it('groups by primary intent with a null row, sorted by conversations descending', () => {
    const { rows } = computeKpi(intents, convs, contextOf(convs));
    // billing {a, b, e} = 3, null {d, f} = 2, shipping {c} = 1; N = 6
    expect(rows.map((r) => [r.intent, r.conversations])).toEqual([
      ['billing', 3],
      [null, 2],
      ['shipping', 1],
    ]);
    const [billing, none, shipping] = rows;
    if (billing === undefined || none === undefined || shipping === undefined) throw new Error('rows missing');
    // shares 3/6, 2/6, 1/6 sum to 1
    expect(billing.share).toBeCloseTo(3 / 6, 12);
    expect(none.share).toBeCloseTo(2 / 6, 12);
    expect(shipping.share).toBeCloseTo(1 / 6, 12);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    // containment over the intent's bot-engaged conversations:
    // billing B = {a, b}, contained {a} → 1/2; null B = {d} → 1/1; shipping B = {c} → 1/1
    expectRate(billing.containment_rate, 1, 2);
    expectRate(none.containment_rate, 1, 1);
    expectRate(shipping.containment_rate, 1, 1);
    // csat: billing rated {a 5, b 2, e 4}, satisfied {a, e} → 2/3; null rated {d 👍} → 1/1; shipping none
    expectRate(billing.csat_score, 2, 3);
    expectRate(none.csat_score, 1, 1);
    expectEmptyRate(shipping.csat_score);
    // mean handling time: billing (100 + 200 + 60)/3 = 120; null (10 + 0)/2 = 5; shipping 30
    expect(billing.handling_time_mean).toBeCloseTo(120, 9);
    expect(none.handling_time_mean).toBeCloseTo(5, 9);
    expect(shipping.handling_time_mean).toBeCloseTo(30, 9);
  });

  it('csat per intent is null "needs field csat" when no row has csat', () => {
    const ctx = contextOf(convs, {}, FIELDS.filter((f) => f !== 'csat'));
    for (const row of computeKpi(intents, convs, ctx).rows) {
      expect(row.csat_score.value).toBeNull();
      expect(row.csat_score.reason).toBe('needs field csat');
    }
  });

  it('answer accuracy per intent is over the bot messages of its conversations', () => {
    const reviewed = conversationsOf([
      { c: 'a', t: 0, role: 'customer', intent: 'billing', answerCorrect: false }, // a customer's value is ignored
      { c: 'a', t: 1, role: 'bot', answerCorrect: true },
      { c: 'a', t: 2, role: 'bot', answerCorrect: false },
      { c: 'b', t: 0, role: 'customer', intent: 'billing' },
      { c: 'b', t: 1, role: 'bot', answerCorrect: true },
      { c: 'b', t: 2, role: 'agent', answerCorrect: false }, // an agent's value is ignored
      { c: 'c', t: 0, role: 'customer', intent: 'shipping' },
      { c: 'c', t: 1, role: 'bot' },
    ]);
    const [billing, shipping] = computeKpi(intents, reviewed, contextOf(reviewed)).rows;
    // billing: a (T, F) + b (T) → 2/3; shipping: nothing reviewed → empty
    expectRate(billing?.answer_accuracy ?? expect.fail('no billing row'), 2, 3);
    expectEmptyRate(shipping?.answer_accuracy ?? expect.fail('no shipping row'));
    const ctx = contextOf(reviewed, {}, FIELDS.filter((f) => f !== 'answer_correct'));
    expect(computeKpi(intents, reviewed, ctx).rows[0]?.answer_accuracy?.reason).toBe('needs field answer_correct');
  });

  it('has no rows for no conversations', () => {
    expect(computeKpi(intents, [], contextOf([])).rows).toEqual([]);
  });
});
