import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const guardrailRate: Kpi<Rate> = {
  id: 'guardrail_rate',
  title: 'Guardrail hits',
  description: 'Share of all bot messages on which a guardrail fired (blocked, rewrote or redirected the answer).',
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['guardrail'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.guardrails, t.botMessages, 'no bot messages');
  },
};
