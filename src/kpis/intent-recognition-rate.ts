import type { Rate } from '../report/types.js';
import { rate } from './results.js';
import type { Kpi, KpiOptions } from './types.js';

export function isRecognised(intent: string, confidence: number | undefined, options: KpiOptions): boolean {
  if (options.fallbackIntents.has(intent.trim().toLowerCase())) return false;
  if (options.confidenceThreshold === undefined) return true;
  // With a threshold, an intent without a confidence is not recognised.
  return confidence !== undefined && confidence >= options.confidenceThreshold;
}

export const intentRecognitionRate: Kpi<Rate> = {
  id: 'intent_recognition_rate',
  title: 'Intent recognition',
  description:
    'Share of customer messages with an intent whose intent is a real one (not a fallback intent, and confident enough when a threshold is set).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['intent'],
  compute(convs, ctx) {
    let withIntent = 0;
    let recognised = 0;
    for (const c of convs) {
      for (const m of c.messages) {
        if (m.role !== 'customer' || m.intent === undefined) continue;
        withIntent++;
        if (isRecognised(m.intent, m.intentConfidence, ctx.options)) recognised++;
      }
    }
    return rate(recognised, withIntent, 'no customer messages with an intent');
  },
};
