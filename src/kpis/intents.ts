import type { Conversation } from '../model.js';
import type { IntentRow, IntentsKpi } from '../report/types.js';
import { answerAccuracy } from './answer-accuracy.js';
import { containmentRate } from './containment-rate.js';
import { csatScore } from './csat-score.js';
import type { Kpi } from './types.js';

export const intents: Kpi<IntentsKpi> = {
  id: 'intents',
  title: 'Question types (intents)',
  description:
    "Per primary intent (a conversation's first customer intent): conversations, share, containment, CSAT, mean handling time and answer accuracy.",
  unit: 'table',
  direction: 'neutral',
  requires: ['intent'],
  compute(convs, ctx) {
    const groups = new Map<string | null, Conversation[]>();
    for (const c of convs) {
      const key = c.primaryIntent ?? null;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [c]);
      else list.push(c);
    }
    const rows: IntentRow[] = [...groups].map(([intent, list]) => ({
      intent,
      conversations: list.length,
      share: list.length / convs.length,
      containment_rate: containmentRate.compute(list, ctx),
      csat_score: ctx.fields.has('csat')
        ? csatScore.compute(list, ctx)
        : { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field csat' },
      // Without message times of their own, a conversation's length is unknown, not 0.
      handling_time_mean: ctx.fields.has('timestamp') ? list.reduce((s, c) => s + (c.end - c.start), 0) / list.length / 1000 : null,
      answer_accuracy: ctx.fields.has('answer_correct')
        ? answerAccuracy.compute(list, ctx)
        : { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field answer_correct' },
    }));
    rows.sort(
      (a, b) =>
        b.conversations - a.conversations ||
        (a.intent === null ? 1 : 0) - (b.intent === null ? 1 : 0) ||
        (a.intent ?? '').localeCompare(b.intent ?? ''),
    );
    return { rows };
  },
};
