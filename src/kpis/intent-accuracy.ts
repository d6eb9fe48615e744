import { z } from 'zod';
import { mergeCountMaps } from './define.js';
import { nullableNum, num, rate, rateWith } from './result.js';
import type { Kpi } from './types.js';

const norm = (s: string): string => s.trim().toLowerCase();
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export const intentScoreSchema = z.strictObject({
  intent: z.string(),
  support: num('count'),
  predicted: num('count'),
  precision: num('ratio'),
  recall: num('ratio'),
  f1: num('ratio'),
});

export const intentAccuracyResult = rateWith({
  macro_precision: nullableNum('ratio').describe('unweighted mean of the per-intent precisions'),
  macro_recall: nullableNum('ratio').describe('unweighted mean of the per-intent recalls'),
  macro_f1: nullableNum('ratio').describe('unweighted mean of the per-intent F1 scores'),
  per_intent: z.array(intentScoreSchema).meta({ shape: 'rows', label: 'intent' }),
});

export type IntentScore = z.infer<typeof intentScoreSchema>;

/** Reviewed customer messages by gold label, by predicted label, and correct by gold label. */
interface State {
  gold: Map<string, number>;
  predicted: Map<string, number>;
  correct: Map<string, number>;
}

export const intentAccuracy: Kpi<State, z.infer<typeof intentAccuracyResult>> = {
  id: 'intent_accuracy',
  title: 'Intent accuracy',
  description:
    'Share of reviewed customer messages (with expected_intent) whose predicted intent matches the gold label; per-intent precision, recall, F1 and their unweighted means (macro precision, recall and F1).',
  unit: 'ratio',
  direction: 'higher',
  requires: ['expected_intent'],
  result: intentAccuracyResult,
  init: () => ({ gold: new Map(), predicted: new Map(), correct: new Map() }),
  add(s, { c }) {
    for (const m of c.messages) {
      if (m.role !== 'customer' || m.expectedIntent === undefined) continue;
      const g = norm(m.expectedIntent);
      s.gold.set(g, (s.gold.get(g) ?? 0) + 1);
      // A missing intent is wrong.
      if (m.intent === undefined) continue;
      const p = norm(m.intent);
      s.predicted.set(p, (s.predicted.get(p) ?? 0) + 1);
      if (p === g) s.correct.set(g, (s.correct.get(g) ?? 0) + 1);
    }
  },
  merge(into, other) {
    mergeCountMaps(into.gold, other.gold);
    mergeCountMaps(into.predicted, other.predicted);
    mergeCountMaps(into.correct, other.correct);
  },
  finish({ gold, predicted, correct }) {
    let total = 0;
    let right = 0;
    for (const n of gold.values()) total += n;
    for (const n of correct.values()) right += n;
    const perIntent: IntentScore[] = [...gold.keys()].sort().map((intent) => {
      const tp = correct.get(intent) ?? 0;
      const support = gold.get(intent) ?? 0;
      const pred = predicted.get(intent) ?? 0;
      const precision = ratio(tp, pred);
      const recall = ratio(tp, support);
      const f1 = ratio(2 * precision * recall, precision + recall);
      return { intent, support, predicted: pred, precision, recall, f1 };
    });
    const macro = (key: 'precision' | 'recall' | 'f1'): number | null =>
      perIntent.length === 0 ? null : perIntent.reduce((s, r) => s + r[key], 0) / perIntent.length;
    return {
      ...rate(right, total, 'no customer messages with expected_intent'),
      macro_precision: macro('precision'),
      macro_recall: macro('recall'),
      macro_f1: macro('f1'),
      per_intent: perIntent,
    };
  },
};
