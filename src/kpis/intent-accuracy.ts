import type { IntentAccuracyKpi, IntentScore } from '../report/types.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

const norm = (s: string): string => s.trim().toLowerCase();
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export const intentAccuracy: Kpi<IntentAccuracyKpi> = {
  id: 'intent_accuracy',
  title: 'Intent accuracy',
  description:
    'Share of reviewed customer messages (with expected_intent) whose predicted intent matches the gold label; per-intent precision, recall, F1 and their unweighted means (macro precision, recall and F1).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['expected_intent'],
  compute(convs) {
    const gold = new Map<string, number>();
    const predicted = new Map<string, number>();
    const correct = new Map<string, number>();
    let total = 0;
    let right = 0;
    for (const c of convs) {
      for (const m of c.messages) {
        if (m.role !== 'customer' || m.expectedIntent === undefined) continue;
        total++;
        const g = norm(m.expectedIntent);
        gold.set(g, (gold.get(g) ?? 0) + 1);
        // A missing intent is wrong.
        if (m.intent === undefined) continue;
        const p = norm(m.intent);
        predicted.set(p, (predicted.get(p) ?? 0) + 1);
        if (p === g) {
          right++;
          correct.set(g, (correct.get(g) ?? 0) + 1);
        }
      }
    }
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
