import { z } from 'zod';
import { samplesKpi } from './define.js';
import { nullableNum, reason } from './result.js';

export const peakConcurrencyResult = z
  .strictObject({
    value: nullableNum('count').describe('most conversations open at one instant (open on [start, end])'),
    at: z.string().nullable().describe('the earliest instant that number is reached (ISO 8601 UTC)'),
    reason,
  })
  .meta({ at: 'at' });

export const peakConcurrency = samplesKpi({
  id: 'peak_concurrency',
  title: 'Peak concurrency',
  description:
    'The most conversations open at one instant (a conversation is open from its first to its last message, both included) and the earliest instant it was reached.',
  unit: 'count',
  direction: 'neutral',
  requires: ['timestamp'],
  result: peakConcurrencyResult,
  samples: ['starts', 'ends'],
  add(s, { c }) {
    s.starts.push(c.start);
    s.ends.push(c.end);
  },
  finish(s): z.infer<typeof peakConcurrencyResult> {
    if (s.starts.length === 0) return { value: null, at: null, reason: 'no conversations' };
    // Closed intervals: at equal times starts come before ends, so touching conversations overlap.
    const starts = s.starts.slice().sort((a, b) => a - b);
    const ends = s.ends.slice().sort((a, b) => a - b);
    let open = 0;
    let best = 0;
    let at = 0;
    let j = 0;
    for (const start of starts) {
      while ((ends[j] as number) < start) {
        open--;
        j++;
      }
      open++;
      if (open > best) {
        best = open;
        at = start;
      }
    }
    return { value: best, at: new Date(at).toISOString() };
  },
});
