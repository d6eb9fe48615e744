import { costSumKpi } from './cost-state.js';

export const humanCost = costSumKpi('human', {
  id: 'human_cost',
  title: 'Human cost',
  description:
    'Σ cost on agent messages, plus human_per_conversation per escalated conversation (or, without it, agent_hourly_rate × hours from handoff to the end).',
});
