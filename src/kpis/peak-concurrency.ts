import type { PeakConcurrencyKpi } from '../report/types.js';
import type { Kpi } from './types.js';

export const peakConcurrency: Kpi<PeakConcurrencyKpi> = {
  id: 'peak_concurrency',
  title: 'Peak concurrency',
  description:
    'The most conversations open at one instant (a conversation is open from its first to its last message, both included) and the earliest instant it was reached.',
  unit: 'count',
  direction: 'neutral',
  requires: ['timestamp'],
  compute(convs) {
    if (convs.length === 0) return { value: null, at: null, reason: 'no conversations' };
    // Closed intervals: at equal times starts come before ends, so touching conversations overlap.
    const starts = convs.map((c) => c.start).sort((a, b) => a - b);
    const ends = convs.map((c) => c.end).sort((a, b) => a - b);
    let open = 0;
    let best = 0;
    let at = 0;
    let j = 0;
    for (const s of starts) {
      while ((ends[j] as number) < s) {
        open--;
        j++;
      }
      open++;
      if (open > best) {
        best = open;
        at = s;
      }
    }
    return { value: best, at: new Date(at).toISOString() };
  },
};
