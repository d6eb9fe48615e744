import type { BusinessCalendar } from '../calendar/schedule.js';
import { attribute, type Dimension } from '../conversations/attributes.js';
import type { Conversation } from '../model.js';
import { KPIS } from '../kpis/registry.js';
import { ConversationFacts } from '../kpis/facts.js';
import { createContext, KpiFold, type KpiFailure } from '../kpis/runner.js';
import type { AnyKpi, KpiOptions } from '../kpis/types.js';
import type { Ingested, IngestedOrders } from './ingest.js';
import { CALENDAR_UNITS, coverage, isWhole, periodAt, type CalendarUnit, type Span } from './periods.js';
import { scopeTest, type Scope } from './scope.js';
import { isoIn } from '../schema/timestamp.js';
import type { Group, GroupKey, Report, ReportSettings } from './types.js';

export interface ReportOptions {
  scope: Scope;
  /** As the user wrote them, for the report's `options` block. */
  sinceText?: string;
  untilText?: string;
  whereText?: readonly string[];
  by: readonly Dimension[];
  kpi: KpiOptions;
  baseCurrency: string;
  version: string;
  kpis?: readonly AnyKpi[];
  /** Called for every KPI that throws (overall and per group); its result is an error result. */
  onKpiError?: (failure: KpiFailure & { group?: GroupKey }) => void;
  /** Where the run's inputs came from, for the report's `options` block. */
  config?: string;
  inputs?: readonly string[];
  orders?: string;
}

/** The KPI settings as the report records them. */
export function reportSettings(kpi: KpiOptions): ReportSettings {
  return {
    csatScale: kpi.csatScale,
    csatSatisfiedFrom: kpi.csatSatisfiedFrom,
    fallbackIntents: [...kpi.fallbackIntents],
    confidenceThreshold: kpi.confidenceThreshold ?? null,
    fcrWindowSeconds: kpi.fcrWindowMs / 1000,
    attributionWindowSeconds: kpi.attributionWindowMs / 1000,
    cost: kpi.cost === undefined ? null : { ...kpi.cost },
  };
}

/** The earliest and latest start, epoch ms; undefined without conversations. */
export function startRange(conversations: readonly Conversation[]): { first: number; last: number } | undefined {
  if (conversations.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const c of conversations) {
    if (c.start < first) first = c.start;
    if (c.start > last) last = c.start;
  }
  return { first, last };
}

/** When the conversations started: the earliest and latest start, in the zone. */
export function dataPeriod(conversations: readonly Conversation[], tz: string): Report['period'] {
  const range = startRange(conversations);
  return range === undefined ? { first: null, last: null } : { first: isoIn(range.first, tz), last: isoIn(range.last, tz) };
}

const WEEK_ORDER = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Orders labels ascending with null last; weekdays Mon…Sun and hours by number. */
export function compareLabels(a: string | null, b: string | null, dimension?: Dimension): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (dimension === 'weekday') {
    const [i, j] = [WEEK_ORDER.indexOf(a), WEEK_ORDER.indexOf(b)];
    if (i !== j) return i - j;
  }
  if (dimension === 'hour' && Number(a) !== Number(b)) return Number(a) - Number(b);
  return a < b ? -1 : 1;
}

/** The group labels of a conversation: the dimensions' values, in `by` order. */
function groupLabels(c: Conversation, by: readonly Dimension[], tz: string, calendar?: BusinessCalendar): (string | null)[] {
  return by.map((d) => attribute(c, d, tz, calendar) ?? null);
}

function compareGroupLabels(a: readonly (string | null)[], b: readonly (string | null)[], by: readonly Dimension[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = compareLabels(a[i] ?? null, b[i] ?? null, by[i]);
    if (d !== 0) return d;
  }
  return 0;
}

function groupKey(by: readonly Dimension[], labels: readonly (string | null)[]): GroupKey {
  const key: GroupKey = {};
  by.forEach((d, i) => (key[d] = labels[i] ?? null));
  return key;
}

/**
 * Whether a group's calendar period (`--by day|week|month`) is only partly covered by the data
 * (see periods.ts); a group of several periods is partial when any of them is.
 */
function isPartial(firstStart: number, by: readonly Dimension[], covered: Span | undefined, tz: string): boolean {
  if (covered === undefined) return false;
  return by.some((d) => CALENDAR_UNITS.includes(d) && !isWhole(periodAt(firstStart, d as CalendarUnit, tz), covered));
}

/**
 * Builds the report model from ingested data: scope, KPIs overall and per group, data quality.
 * One pass: each conversation in scope is folded into the overall KPIs and into its group's, its
 * facts computed once for both.
 */
export function buildReport(data: Ingested, options: ReportOptions, orders?: IngestedOrders): Report {
  const kpis = options.kpis ?? KPIS;
  const context = createContext(data.conversations, options.kpi, data.fields, orders?.orders, data.dataEnd);
  const { by } = options;
  const tz = options.scope.tz;
  const inScope = scopeTest(options.scope);
  const overall = new KpiFold(kpis, context);
  const groupFolds = new Map<string, { labels: (string | null)[]; firstStart: number; fold: KpiFold }>();
  const scoped: Conversation[] = [];
  const all = data.conversations;
  for (let i = 0; i < all.length; i++) {
    const c = all[i] as Conversation;
    if (!inScope(c)) continue;
    scoped.push(c);
    const facts = new ConversationFacts(c, context, i);
    overall.add(facts);
    if (by.length === 0) continue;
    const labels = groupLabels(c, by, tz, options.kpi.businessHours);
    const id = JSON.stringify(labels);
    let g = groupFolds.get(id);
    if (g === undefined) groupFolds.set(id, (g = { labels, firstStart: c.start, fold: new KpiFold(kpis, context) }));
    g.fold.add(facts);
  }
  let kpiErrors = 0;
  const failed = (group?: GroupKey) => (failure: KpiFailure): void => {
    kpiErrors++;
    options.onKpiError?.(group === undefined ? failure : { ...failure, group });
  };
  // Overall first, then the groups in order: failures are reported in the order the report shows them.
  const overallResults = overall.finish(failed());
  const range = startRange(scoped);
  const covered = range === undefined ? undefined : coverage(range, tz, options.scope);
  const groups: Group[] = [...groupFolds.values()]
    .sort((a, b) => compareGroupLabels(a.labels, b.labels, by))
    .map((g) => {
      const key = groupKey(by, g.labels);
      return {
        by: key,
        ...(isPartial(g.firstStart, by, covered, tz) ? { partial: true as const } : {}),
        kpis: g.fold.finish(failed(key)),
      };
    });
  return {
    schemaVersion: 1,
    tool: { name: 'botkpi', version: options.version },
    options: {
      tz: options.scope.tz,
      baseCurrency: options.baseCurrency,
      since: options.sinceText ?? null,
      until: options.untilText ?? null,
      by: [...options.by],
      where: [...(options.whereText ?? [])],
      config: options.config ?? null,
      inputs: [...(options.inputs ?? [])],
      orders: options.orders ?? null,
      settings: reportSettings(options.kpi),
    },
    period: dataPeriod(scoped, options.scope.tz),
    dataQuality: {
      ...data.counts,
      conversations: data.conversations.length,
      conversationsWithoutMessages: data.conversationsWithoutMessages,
      conversationsInScope: scoped.length,
      languageDetected: data.conversations.reduce((n, c) => n + (c.languageDetected ? 1 : 0), 0),
      sentiment: data.sentiment,
      ...(orders === undefined ? {} : { orders: orders.counts }),
      ...(kpiErrors === 0 ? {} : { kpiErrors }),
      dataEnd: data.dataEnd === undefined ? null : new Date(data.dataEnd).toISOString(),
      episodesSplit: data.episodesSplit,
    },
    kpis: overallResults,
    groups,
  };
}
