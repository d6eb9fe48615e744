import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { intentAccuracy } from '../../src/kpis/intent-accuracy.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('intent_accuracy', () => {
  const convs = conversationsOf([
    { c: 'a', t: 0, role: 'customer', intent: 'Billing ', expectedIntent: 'billing' }, // 1 right (case, trim)
    { c: 'a', t: 1, role: 'customer', intent: 'billing', expectedIntent: 'billing' }, // 2 right
    { c: 'a', t: 2, role: 'customer', intent: 'shipping', expectedIntent: 'billing' }, // 3 wrong
    { c: 'a', t: 3, role: 'customer', expectedIntent: 'refund' }, // 4 wrong: missing intent
    { c: 'b', t: 0, role: 'customer', intent: 'refund', expectedIntent: ' Refund' }, // 5 right
    { c: 'b', t: 1, role: 'customer', intent: 'billing', expectedIntent: 'shipping' }, // 6 wrong
    { c: 'b', t: 2, role: 'customer', intent: 'smalltalk', expectedIntent: 'refund' }, // 7 wrong
    { c: 'b', t: 3, role: 'customer', expectedIntent: 'cancel' }, // 8 wrong: missing intent
    { c: 'b', t: 4, role: 'customer', intent: 'billing' }, // no gold: ignored (also for precision)
    { c: 'b', t: 5, role: 'bot', intent: 'billing', expectedIntent: 'billing' }, // not a customer message
  ]);

  it('is exact matches (case-insensitive, trimmed) over reviewed customer messages', () => {
    // reviewed = 8; right = {1, 2, 5} = 3 → 3/8
    expectRate(computeKpi(intentAccuracy, convs, contextOf(convs)), 3, 8);
  });

  it('reports per-gold-label precision, recall and F1 with 0/0 = 0, and their macro average', () => {
    const r = computeKpi(intentAccuracy, convs, contextOf(convs));
    // gold support: billing {1,2,3} = 3, refund {4,5,7} = 3, shipping {6} = 1, cancel {8} = 1
    // predicted (reviewed only): billing {1,2,6} = 3, shipping {3} = 1, refund {5} = 1, smalltalk {7} = 1
    // billing:  tp 2 → P 2/3, R 2/3, F1 2/3
    // refund:   tp 1 → P 1/1, R 1/3, F1 = 2·1·(1/3)/(4/3) = 1/2
    // shipping: tp 0 → P 0/1 = 0, R 0/1 = 0, F1 = 0/0 = 0
    // cancel:   tp 0 → P 0/0 = 0, R 0/1 = 0, F1 = 0
    // smalltalk is not a gold label → no row
    const by = new Map(r.per_intent.map((s) => [s.intent, s]));
    expect([...by.keys()].sort()).toEqual(['billing', 'cancel', 'refund', 'shipping']);
    const check = (intent: string, support: number, predicted: number, p: number, rc: number, f1: number): void => {
      const s = by.get(intent);
      expect(s, intent).toBeDefined();
      expect(s?.support, intent).toBe(support);
      expect(s?.predicted, intent).toBe(predicted);
      expect(s?.precision, intent).toBeCloseTo(p, 12);
      expect(s?.recall, intent).toBeCloseTo(rc, 12);
      expect(s?.f1, intent).toBeCloseTo(f1, 12);
    };
    check('billing', 3, 3, 2 / 3, 2 / 3, 2 / 3);
    check('refund', 3, 1, 1, 1 / 3, 1 / 2);
    check('shipping', 1, 1, 0, 0, 0);
    check('cancel', 1, 0, 0, 0, 0);
    // macro-F1 over the 4 gold labels = (2/3 + 1/2 + 0 + 0) / 4 = 7/24
    expect(r.macro_f1).toBeCloseTo(7 / 24, 12);
    // macro precision = (2/3 + 1 + 0 + 0) / 4 = 5/12; macro recall = (2/3 + 1/3 + 0 + 0) / 4 = 1/4
    expect(r.macro_precision).toBeCloseTo(5 / 12, 12);
    expect(r.macro_recall).toBeCloseTo(1 / 4, 12);
  });

  it('is null with a reason without reviewed customer messages', () => {
    const none = conversationsOf([{ c: 'a', t: 0, role: 'customer', intent: 'billing' }]);
    const r = computeKpi(intentAccuracy, none, contextOf(none));
    expectEmptyRate(r);
    expect(r.macro_f1).toBeNull();
    expect(r.macro_precision).toBeNull();
    expect(r.macro_recall).toBeNull();
    expect(r.per_intent).toEqual([]);
  });
});
