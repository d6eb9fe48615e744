import type { AutomationKpi } from '../report/types.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

const EMPTY = 'no conversations';

export const automationRate: Kpi<AutomationKpi> = {
  id: 'automation_rate',
  title: 'Automation',
  description:
    'Share of conversations where the bot gave at least one real (non-fallback) answer; full = no human involved, partial = a human joined too.',
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: [],
  compute(convs) {
    let answered = 0;
    let full = 0;
    for (const c of convs) {
      if (!c.botAnswered) continue;
      answered++;
      if (!c.escalated) full++;
    }
    const n = convs.length;
    return {
      ...rate(answered, n, EMPTY),
      full: rate(full, n, EMPTY),
      partial: rate(answered - full, n, EMPTY),
    };
  },
};
