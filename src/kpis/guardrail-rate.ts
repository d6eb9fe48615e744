import { messageRateKpi } from './define.js';

export const guardrailRate = messageRateKpi({
  id: 'guardrail_rate',
  title: 'Guardrail hits',
  description: 'Share of all bot messages on which a guardrail fired (blocked, rewrote or redirected the answer).',
  direction: 'lower',
  requires: ['guardrail'],
  add(t, c) {
    t.num += c.quality.guardrails;
    t.den += c.counts.bot;
  },
  empty: 'no bot messages',
});
