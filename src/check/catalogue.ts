/**
 * What every KPI offers to `check` and `botkpi kpis`: its statistics and their units, found by
 * computing each registered KPI once (with every field present, a cost model
 * and no orders) on one probe conversation (a customer message with an intent and a bot reply) and
 * flattening the result the way reports are flattened. A KPI added to the registry appears here
 * with no change. Statistics under a list (`per_intent.<label>.f1`, `intent.<label>.share`)
 * depend on the data and are listed with `<label>`.
 */
import { KPIS } from '../kpis/registry.js';
import { createContext } from '../kpis/runner.js';
import type { Kpi, KpiDirection, KpiOptions, KpiUnit } from '../kpis/types.js';
import { flattenKpi } from '../render/flatten.js';
import { buildConversation } from '../conversations/assemble.js';
import type { Conversation, Event } from '../model.js';
import type { KpiResult } from '../report/types.js';
import { FIELDS } from '../schema/fields.js';

export interface StatisticInfo {
  /** As `check` names it: `value`, `p90`, `bot.p95`, `full`, `per_intent.<label>.f1`. */
  path: string;
  unit: KpiUnit;
}

export interface KpiInfo {
  id: string;
  title: string;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  requires: readonly string[];
  statistics: StatisticInfo[];
}

const PROBE_OPTIONS: KpiOptions = {
  fallbackIntents: new Set(),
  fcrWindowMs: 0,
  csatScale: 5,
  csatSatisfiedFrom: 4,
  attributionWindowMs: 0,
  cost: { botPerConversation: 0, humanPerConversation: 0, margin: 1 },
};

/** The label the probe conversation uses, so statistics under a list show as `<label>`. */
const PROBE_LABEL = 'probe-label';

/** One conversation that reaches every list in a result: a customer message with an intent, a bot reply. */
function probeConversation(): Conversation[] {
  const base = { conversationId: 'probe', customerId: 'probe', kind: 'message' as const };
  const events: Event[] = [
    { ...base, ts: 0, seq: 0, role: 'customer', intent: PROBE_LABEL, expectedIntent: PROBE_LABEL, text: '' },
    { ...base, ts: 1000, seq: 1, role: 'bot' },
  ];
  const c = buildConversation('probe', events);
  return c === undefined ? [] : [c];
}

function statisticsOf(kpi: Kpi, conversations: readonly Conversation[]): StatisticInfo[] {
  const context = createContext(conversations, PROBE_OPTIONS, new Set(FIELDS), []);
  let result: KpiResult;
  try {
    result = kpi.compute(conversations, context);
  } catch {
    return [{ path: 'value', unit: kpi.unit }];
  }
  const seen = new Set<string>();
  return flattenKpi(kpi.id, result).flatMap((r) => {
    const path = r.statistic.split('.').map((part) => (part === PROBE_LABEL ? '<label>' : part)).join('.');
    if (seen.has(path)) return [];
    seen.add(path);
    return [{ path, unit: r.unit }];
  });
}

let cached: KpiInfo[] | undefined;

/** Every registered KPI with its statistics, in report order. */
export function kpiCatalogue(kpis: readonly Kpi[] = KPIS): KpiInfo[] {
  if (kpis === KPIS && cached !== undefined) return cached;
  const probe = probeConversation();
  const out = kpis.map((k) => ({
    id: k.id,
    title: k.title,
    description: k.description,
    unit: k.unit,
    direction: k.direction,
    requires: k.requires,
    statistics: statisticsOf(k, probe),
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

function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split(/<[a-z]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  return re.test(path);
}
