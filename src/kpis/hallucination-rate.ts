import type { Rate } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

export const hallucinationRate: Kpi<Rate> = {
  id: 'hallucination_rate',
  title: 'Hallucinations (reviewed)',
  description: "Share of reviewed bot answers that stated something the brand's sources do not support (hallucination = true).",
  unit: 'ratio',
  shape: 'rate',
  direction: 'lower',
  requires: ['hallucination'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    return rate(t.hallucinated, t.hallucinationReviewed, 'no bot messages with hallucination');
  },
};
