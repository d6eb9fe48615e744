import { z } from 'zod';
import { timeLabel } from '../conversations/attributes.js';
import { num, reason } from './result.js';
import type { Kpi } from './types.js';

export const HEATMAP_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const volumeHeatmapResult = z.strictObject({
  cells: z
    .array(z.array(num('count')))
    .meta({ shape: 'grid', description: 'conversations by start: 7 rows (Mon … Sun) × 24 columns (hour 0 … 23) in --tz' }),
  peak: z
    .strictObject({ weekday: z.string().meta({ weekday: true, description: 'Mon … Sun' }), hour: num('count').describe('0 … 23'), conversations: num('count') })
    .nullable()
    .describe('the largest cell; ties: the earliest weekday, then the earliest hour'),
  reason,
});

export const volumeHeatmap: Kpi<number[][], z.infer<typeof volumeHeatmapResult>> = {
  id: 'volume_heatmap',
  title: 'Volume by weekday and hour',
  description:
    'Conversations by the weekday (Mon … Sun) and hour (0 … 23) of their start in --tz, and the busiest cell (ties: the earliest weekday, then hour).',
  unit: 'count',
  direction: 'neutral',
  requires: [],
  result: volumeHeatmapResult,
  init: () => HEATMAP_WEEKDAYS.map(() => new Array<number>(24).fill(0)),
  add(cells, { c }, ctx) {
    const tz = ctx.options.tz ?? 'UTC';
    const day = HEATMAP_WEEKDAYS.indexOf(timeLabel(c.start, 'weekday', tz) as (typeof HEATMAP_WEEKDAYS)[number]);
    const hour = Number(timeLabel(c.start, 'hour', tz));
    const row = cells[day] as number[];
    row[hour] = (row[hour] as number) + 1;
  },
  merge(into, other) {
    into.forEach((row, d) => row.forEach((n, h) => (row[h] = n + ((other[d] as number[])[h] as number))));
  },
  finish(cells) {
    let total = 0;
    let peak = { weekday: 0, hour: 0, conversations: -1 };
    cells.forEach((row, d) =>
      row.forEach((n, h) => {
        total += n;
        // Strictly larger: on a tie the earlier weekday, then the earlier hour, stays.
        if (n > peak.conversations) peak = { weekday: d, hour: h, conversations: n };
      }),
    );
    if (total === 0) return { cells, peak: null, reason: 'no conversations' };
    return { cells, peak: { weekday: HEATMAP_WEEKDAYS[peak.weekday] as string, hour: peak.hour, conversations: peak.conversations } };
  },
};
