import { rateKpi } from './define.js';
import { NO_BOT } from './reasons.js';

export const aiResolutionRate = rateKpi({
  id: 'ai_resolution_rate',
  title: 'AI resolution',
  description: 'Share of bot-engaged conversations confirmed resolved or assumed resolved (see bot_outcomes): (confirmed + assumed) / |B|.',
  direction: 'higher',
  breakdown: 'value',
  requires: [],
  inDenominator: (_c, f) => f.service.outcome !== undefined,
  inNumerator: (_c, f) => f.service.outcome === 'confirmed' || f.service.outcome === 'assumed',
  empty: NO_BOT,
});
