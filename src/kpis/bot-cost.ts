import { costSumKpi } from './cost-state.js';

export const botCost = costSumKpi('bot', {
  id: 'bot_cost',
  title: 'Bot cost',
  description:
    'Σ cost on every row except agent messages, plus bot_per_conversation per bot-engaged conversation and bot_per_resolution per contained conversation not marked unresolved.',
});
