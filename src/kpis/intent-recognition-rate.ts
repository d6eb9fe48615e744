import { messageRateKpi } from './define.js';
import type { KpiOptions } from './types.js';

export function isRecognised(intent: string, confidence: number | undefined, options: KpiOptions): boolean {
  if (options.fallbackIntents.has(intent.trim().toLowerCase())) return false;
  if (options.confidenceThreshold === undefined) return true;
  // With a threshold, an intent without a confidence is not recognised.
  return confidence !== undefined && confidence >= options.confidenceThreshold;
}

export const intentRecognitionRate = messageRateKpi({
  id: 'intent_recognition_rate',
  title: 'Intent recognition',
  description:
    'Share of customer messages with an intent whose intent is a real one (not a fallback intent, and confident enough when a threshold is set).',
  direction: 'higher',
  requires: ['intent'],
  add(t, c, _f, ctx) {
    for (const m of c.messages) {
      if (m.role !== 'customer' || m.intent === undefined) continue;
      t.den++;
      if (isRecognised(m.intent, m.intentConfidence, ctx.options)) t.num++;
    }
  },
  empty: 'no customer messages with an intent',
});
