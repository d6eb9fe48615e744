import { timeLabel } from '../conversations/attributes.js';
import type { VolumeHeatmapKpi } from '../report/types.js';
import type { Kpi } from './types.js';

export const HEATMAP_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const volumeHeatmap: Kpi<VolumeHeatmapKpi> = {
  id: 'volume_heatmap',
  title: 'Volume by weekday and hour',
  description:
    'Conversations by the weekday (Mon … Sun) and hour (0 … 23) of their start in --tz, and the busiest cell (ties: the earliest weekday, then hour).',
  unit: 'count',
  direction: 'neutral',
  requires: [],
  compute(convs, ctx) {
    const cells = HEATMAP_WEEKDAYS.map(() => new Array<number>(24).fill(0));
    const tz = ctx.options.tz ?? 'UTC';
    for (const c of convs) {
      const day = HEATMAP_WEEKDAYS.indexOf(timeLabel(c.start, 'weekday', tz) as (typeof HEATMAP_WEEKDAYS)[number]);
      const hour = Number(timeLabel(c.start, 'hour', tz));
      const row = cells[day] as number[];
      row[hour] = (row[hour] as number) + 1;
    }
    if (convs.length === 0) return { cells, peak: null, reason: 'no conversations' };
    let peak = { weekday: 0, hour: 0, conversations: -1 };
    cells.forEach((row, d) =>
      row.forEach((n, h) => {
        // Strictly larger: on a tie the earlier weekday, then the earlier hour, stays.
        if (n > peak.conversations) peak = { weekday: d, hour: h, conversations: n };
      }),
    );
    return { cells, peak: { weekday: HEATMAP_WEEKDAYS[peak.weekday] as string, hour: peak.hour, conversations: peak.conversations } };
  },
};
