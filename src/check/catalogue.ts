/**
 * What every KPI offers to `check` and `botkpi kpis`: its statistics and their units, read from
 * each registered KPI's declared result schema, the way reports are flattened. A KPI added to the
 * registry appears here with no change. Statistics under a list (`per_intent.<label>.f1`,
 * `intent.<label>.share`) depend on the data and are listed with `<label>`.
 */
import { KPIS } from '../kpis/registry.js';
import type { AnyKpi, KpiDirection, KpiUnit } from '../kpis/types.js';
import { statisticsOf, type StatisticInfo } from '../report/statistics.js';

export type { StatisticInfo };

export interface KpiInfo {
  id: string;
  title: string;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  requires: readonly string[];
  statistics: StatisticInfo[];
}

let cached: KpiInfo[] | undefined;

/** Every registered KPI with its statistics, in report order. */
export function kpiCatalogue(kpis: readonly AnyKpi[] = KPIS): KpiInfo[] {
  if (kpis === KPIS && cached !== undefined) return cached;
  const out = kpis.map((k) => ({
    id: k.id,
    title: k.title,
    description: k.description,
    unit: k.unit,
    direction: k.direction,
    requires: k.requires,
    statistics: statisticsOf(k.result),
  }));
  if (kpis === KPIS) cached = out;
  return out;
}

/** The statistic of a KPI by its check path (`value` also matches a rate at the top), if listed. */
export function findStatisticInfo(info: KpiInfo, path: string): StatisticInfo | undefined {
  const plain = path.replace(/\.value$/, '');
  const exact = info.statistics.find((s) => s.path === path || s.path === plain);
  if (exact !== undefined) return exact;
  return info.statistics.find((s) => s.path.includes('<') && patternMatches(s.path, plain));
}

/** What each placeholder of a listed statistic stands for: a weekday, an hour, any label. */
const PLACEHOLDERS: Record<string, string> = {
  '<weekday>': '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)',
  '<hour>': '(?:[01][0-9]|2[0-3])',
};

function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(<[a-z]+>)/)
    .map((part, i) => (i % 2 === 1 ? (PLACEHOLDERS[part] ?? '.+') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}
