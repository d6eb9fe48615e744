import { messageRateKpi } from './define.js';

export const hallucinationRate = messageRateKpi({
  id: 'hallucination_rate',
  title: 'Hallucinations (reviewed)',
  description: "Share of reviewed bot answers that stated something the brand's sources do not support (hallucination = true).",
  direction: 'lower',
  requires: ['hallucination'],
  add(t, c) {
    t.num += c.quality.hallucinated;
    t.den += c.quality.hallucinationReviewed;
  },
  empty: 'no bot messages with hallucination',
});
