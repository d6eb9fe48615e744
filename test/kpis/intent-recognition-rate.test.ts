import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { intentRecognitionRate } from '../../src/kpis/intent-recognition-rate.js';
import { expectEmptyRate, expectRate } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('intent_recognition_rate', () => {
  it('excludes every default fallback intent, case-insensitively', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', intent: 'billing' }, // recognised
      { c: 'a', t: 1, role: 'customer', intent: 'FALLBACK' },
      { c: 'a', t: 2, role: 'customer', intent: 'Default_Fallback' },
      { c: 'a', t: 3, role: 'customer', intent: 'nlu_fallback' },
      { c: 'a', t: 4, role: 'customer', intent: 'Unknown' },
      { c: 'a', t: 5, role: 'customer', intent: 'NONE' },
      { c: 'a', t: 6, role: 'customer', intent: 'Out_Of_Scope' },
      { c: 'a', t: 7, role: 'customer', intent: 'OOS' },
      { c: 'b', t: 0, role: 'customer', intent: 'shipping', intentConfidence: 0.1 }, // recognised: no threshold
      { c: 'b', t: 1, role: 'customer' }, // no intent: not counted
      { c: 'b', t: 2, role: 'bot', intent: 'billing' }, // not a customer message: not counted
      { c: 'b', t: 3, role: 'agent', intent: 'fallback' }, // not a customer message: not counted
    ]);
    // with intent: a 8 + b 1 = 9; recognised: billing, shipping = 2 → 2/9
    expectRate(computeKpi(intentRecognitionRate, convs, contextOf(convs)), 2, 9);
  });

  it('with a confidence threshold, needs confidence ≥ threshold; a missing confidence is not recognised', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', intent: 'billing', intentConfidence: 0.9 }, // yes
      { c: 'a', t: 1, role: 'customer', intent: 'billing', intentConfidence: 0.7 }, // yes: equal
      { c: 'a', t: 2, role: 'customer', intent: 'billing', intentConfidence: 0.69 }, // no: below
      { c: 'a', t: 3, role: 'customer', intent: 'refund' }, // no: no confidence
      { c: 'a', t: 4, role: 'customer', intent: 'fallback', intentConfidence: 0.99 }, // no: fallback
    ]);
    // with intent = 5; recognised = 2 → 2/5
    expectRate(computeKpi(intentRecognitionRate, convs, contextOf(convs, { confidenceThreshold: 0.7 })), 2, 5);
  });

  it('uses the configured fallback intents', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', intent: 'Other' }, // configured fallback: no
      { c: 'a', t: 1, role: 'customer', intent: 'fallback' }, // not configured: recognised
      { c: 'a', t: 2, role: 'customer', intent: 'billing' }, // recognised
    ]);
    // 2/3
    expectRate(computeKpi(intentRecognitionRate, convs, contextOf(convs, { fallbackIntents: new Set(['other']) })), 2, 3);
  });

  it('is null with a reason without customer messages that have an intent', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 1, role: 'bot', intent: 'billing' },
    ]);
    expectEmptyRate(computeKpi(intentRecognitionRate, convs, contextOf(convs)));
  });
});
