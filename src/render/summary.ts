/**
 * The human-readable view of a report shared by the terminal table and Markdown: formatted cells as
 * plain, unescaped text (each renderer escapes for its medium). Works by result shape, like flatten.
 */
import type { DataQuality, IntentRow, KpiResult, Rate, Report, RowCounts } from '../report/types.js';
import { NONE_LABEL, statisticUnit } from './flatten.js';
import {
  formatByUnit,
  formatDuration,
  formatFraction,
  formatInt,
  formatInterval,
  formatPercent,
  humanizeKey,
  NA,
} from './format.js';
import { isDistribution, isObject, isRate, kpiMeta, unavailableReason, type Obj } from './meta.js';
import type { KpiUnit } from '../kpis/types.js';

export const REPORT_TITLE = 'botkpi report';

/** One line of the headline block: a KPI (`sub` undefined) or one of its parts. */
export interface HeadlineRow {
  id: string;
  title: string;
  /** The part's label (`full`, `bot`, `bot engaged`), for rows below their KPI. */
  sub?: string;
  /** Formatted value; `n/a` when null (then `reason` says why). */
  value: string;
  /** 95 % interval as percentages (`69.1–74.7`), or empty. */
  ci: string;
  /** How many observations stand behind it (`720/1,000`, `990`), or empty. */
  n: string;
  reason?: string;
}

interface Shown {
  value: string;
  ci: string;
  n: string;
  reason?: string;
}

/** Keys shown in a KPI's own line; other keys become parts. */
const MAIN_KEYS = new Set(['value', 'numerator', 'denominator', 'ci95', 'reason', 'mean', 'p50', 'p90', 'p95', 'count']);

const reasonOf = (o: Obj): string | undefined => (typeof o.reason === 'string' ? o.reason : undefined);

/** formatByUnit, with the currency code after money (`12.50 EUR`). */
function formatIn(unit: KpiUnit, x: number | null | undefined, currency: string | undefined): string {
  const text = formatByUnit(unit, x);
  return unit === 'money' && currency !== undefined && text !== NA ? `${text} ${currency}` : text;
}

/** `mean 1m 12s · p50 45 s · p90 3m 10s` (p95 where the distribution has one). */
export function formatTimes(d: Obj): string {
  return (['mean', 'p50', 'p90', 'p95'] as const)
    .filter((k) => k in d)
    .map((k) => `${k} ${formatDuration(d[k] as number | null)}`)
    .join(' · ');
}

function show(o: Obj, unit: KpiUnit, currency: string | undefined): Shown | undefined {
  let shown: Shown;
  if (isRate(o)) {
    shown = { value: formatPercent(o.value), ci: formatInterval(o.ci95), n: formatFraction(o.numerator, o.denominator) };
  } else if (isDistribution(o)) {
    shown = { value: o.mean === null ? NA : formatTimes(o), ci: '', n: formatInt(o.count) };
  } else if (typeof o.value === 'number' || o.value === null) {
    shown = { value: formatIn(unit, o.value, currency), ci: '', n: typeof o.count === 'number' ? formatInt(o.count) : '' };
    // peak_concurrency: the instant it was first reached.
    if (typeof o.at === 'string' && o.value !== null) shown.value += ` at ${o.at}`;
  } else if (isShares(o)) {
    // An object of rates over one denominator (bot_outcomes): one line of shares.
    const rates = Object.entries(o) as [string, Rate][];
    shown = {
      value: rates.map(([k, r]) => `${humanizeKey(k)} ${formatPercent(r.value)}`).join(' · '),
      ci: '',
      n: formatInt(rates[0]?.[1].denominator ?? 0),
    };
    if (rates.every(([, r]) => r.value === null)) return { value: NA, ci: '', n: '', reason: rates[0]?.[1].reason ?? 'no data' };
  } else {
    return undefined;
  }
  const reason = reasonOf(o);
  if (shown.value === NA && reason !== undefined) shown.reason = reason;
  return shown;
}

/** Every value a rate, all over the same denominator. */
function isShares(o: Obj): boolean {
  const values = Object.values(o);
  return values.length > 1 && values.every(isRate) && new Set(values.map((r) => (r as Rate).denominator)).size === 1;
}

function parts(o: Obj, unit: KpiUnit, currency: string | undefined): { sub: string; shown: Shown }[] {
  const out: { sub: string; shown: Shown }[] = [];
  if (isShares(o)) return out;
  for (const [key, v] of Object.entries(o)) {
    if (MAIN_KEYS.has(key)) continue;
    const sub = humanizeKey(key);
    if (typeof v === 'number' || v === null) {
      out.push({ sub, shown: { value: formatIn(statisticUnit(key, o, unit), v, currency), ci: '', n: '' } });
    } else if (isRate(v) || isDistribution(v)) {
      const shown = show(v, unit, currency);
      if (shown !== undefined) out.push({ sub, shown });
    } else if (isObject(v)) {
      // An object of plain numbers (conversations.messages): one compact line.
      const items = Object.entries(v).filter((e): e is [string, number | null] => typeof e[1] === 'number' || e[1] === null);
      if (items.length === 0) continue;
      const value = items.map(([k, x]) => `${humanizeKey(k)} ${formatIn(statisticUnit(k, v, unit), x, currency)}`).join(' · ');
      out.push({ sub, shown: { value, ci: '', n: '' } });
    }
  }
  return out;
}

/**
 * The headline block: every available KPI with a single-number shape, each followed by its parts.
 * Money is followed by `currency` when given.
 */
export function headlineRows(kpis: Record<string, KpiResult>, currency?: string): HeadlineRow[] {
  const rows: HeadlineRow[] = [];
  for (const [id, result] of Object.entries(kpis)) {
    const meta = kpiMeta(id, result);
    const o = result as unknown as Obj;
    if (meta.unit === 'table' || unavailableReason(result) !== undefined) continue;
    const main = show(o, meta.unit, currency);
    if (main === undefined) continue;
    rows.push({ id, title: meta.title, ...main });
    for (const { sub, shown } of parts(o, meta.unit, currency)) rows.push({ id, title: meta.title, sub, ...shown });
  }
  return rows;
}

/** KPIs that have no value, with the reason (`needs field csat`). */
export function unavailableKpis(kpis: Record<string, KpiResult>): { id: string; title: string; reason: string }[] {
  return Object.entries(kpis).flatMap(([id, result]) => {
    const reason = unavailableReason(result);
    return reason === undefined ? [] : [{ id, title: kpiMeta(id, result).title, reason }];
  });
}

/** The weekday × hour grid of `volume_heatmap`, the peak cell marked `*`; undefined when there is none. */
export function heatmapTable(kpis: Record<string, KpiResult>): (TextTable & { peak: string }) | undefined {
  const result: unknown = kpis.volume_heatmap;
  if (!isObject(result) || !Array.isArray(result.cells) || !isObject(result.peak)) return undefined;
  const peak = result.peak as { weekday: string; hour: number; conversations: number };
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const head = ['', ...Array.from({ length: 24 }, (_, h) => (h < 10 ? `0${h}` : `${h}`))];
  const rows = (result.cells as number[][]).map((hours, d) => [
    days[d] as string,
    ...hours.map((n, h) => `${formatInt(n)}${days[d] === peak.weekday && h === peak.hour ? '*' : ''}`),
  ]);
  const hour = peak.hour < 10 ? `0${peak.hour}` : `${peak.hour}`;
  return { head, rows, more: 0, peak: `peak ${peak.weekday} ${hour}:00–${hour}:59: ${formatInt(peak.conversations)} conversations (*)` };
}

export interface TextTable {
  head: string[];
  rows: string[][];
  /** Rows left out by the limit. */
  more: number;
}

const isIntentRows = (x: unknown): x is IntentRow[] => Array.isArray(x) && x.every((r) => isObject(r) && 'intent' in r);

/** The question-types table (the `intents` KPI), the first `limit` rows; undefined when there is none. */
export function intentTable(kpis: Record<string, KpiResult>, limit = Infinity): TextTable | undefined {
  const result: unknown = kpis.intents;
  if (!isObject(result) || !isIntentRows(result.rows) || result.rows.length === 0) return undefined;
  const all = result.rows;
  const withCsat = all.some((r) => r.csat_score.value !== null);
  const withAccuracy = all.some((r) => r.answer_accuracy !== undefined && r.answer_accuracy.value !== null);
  const head = [
    'Intent',
    'Conversations',
    'Share',
    'Containment',
    ...(withCsat ? ['CSAT'] : []),
    'Handling time (mean)',
    ...(withAccuracy ? ['Answer accuracy'] : []),
  ];
  const rows = all.slice(0, limit).map((r) => [
    r.intent ?? NONE_LABEL,
    formatInt(r.conversations),
    formatPercent(r.share),
    formatPercent(r.containment_rate.value),
    ...(withCsat ? [formatPercent(r.csat_score.value)] : []),
    formatDuration(r.handling_time_mean),
    ...(withAccuracy ? [formatPercent(r.answer_accuracy?.value ?? null)] : []),
  ]);
  return { head, rows, more: all.length - rows.length };
}

export type Tone = 'good' | 'bad';
export interface GroupCell {
  text: string;
  /** Set when a rate's 95 % interval lies wholly on one side of the overall value. */
  tone?: Tone;
}

/** KPIs in the group breakdown: a distribution shows the statistic named. */
const GROUP_KPIS: readonly { id: string; stat?: 'p50' }[] = [
  { id: 'conversations' },
  { id: 'containment_rate' },
  { id: 'escalation_rate' },
  { id: 'first_response_time', stat: 'p50' },
  { id: 'csat_score' },
  { id: 'ai_resolution_rate' },
  { id: 'sla_first_response' },
  { id: 'answer_accuracy' },
  { id: 'conversion_rate' },
  { id: 'attributed_revenue' },
];

function toneOf(group: Rate, overall: KpiResult | undefined, direction: 'higher' | 'lower' | 'neutral'): Tone | undefined {
  if (direction === 'neutral' || group.ci95 === null || !isRate(overall) || overall.value === null) return undefined;
  const [low, high] = group.ci95;
  const above = low > overall.value;
  const below = high < overall.value;
  if (!above && !below) return undefined;
  return above === (direction === 'higher') ? 'good' : 'bad';
}

/**
 * One row per group: its labels, then conversations, containment, escalation, first response p50,
 * CSAT, AI resolution, first response within target, conversion and attributed revenue (a column only when the KPI is available overall).
 * Undefined without groups.
 */
export function groupTable(report: Report): { head: string[]; rows: GroupCell[][] } | undefined {
  if (report.groups.length === 0) return undefined;
  const columns = GROUP_KPIS.filter((c) => report.kpis[c.id] !== undefined && unavailableReason(report.kpis[c.id]) === undefined);
  const head = [
    ...report.options.by,
    ...columns.map((c) => {
      const title = kpiMeta(c.id, report.kpis[c.id]).title;
      return c.stat === undefined ? title : `${title} ${c.stat}`;
    }),
  ];
  const rows = report.groups.map((g) => [
    ...report.options.by.map((d) => ({ text: g.by[d] ?? NONE_LABEL })),
    ...columns.map((c): GroupCell => {
      const result: unknown = g.kpis[c.id];
      const meta = kpiMeta(c.id, result);
      if (isRate(result)) {
        const cell: GroupCell = { text: formatPercent(result.value) };
        const tone = toneOf(result, report.kpis[c.id], meta.direction);
        if (tone !== undefined) cell.tone = tone;
        return cell;
      }
      if (isDistribution(result)) return { text: formatDuration(result[c.stat ?? 'mean']) };
      if (isObject(result) && (typeof result.value === 'number' || result.value === null)) {
        return { text: formatIn(meta.unit, result.value, report.options.baseCurrency) };
      }
      return { text: NA };
    }),
  ]);
  return { head, rows };
}

/** `rows read 1,204 · used 1,190 · rejected 12 (invalid timestamp 8, unknown role 4) · duplicates 2`. */
export function rowCountsText(counts: RowCounts): string {
  const reasons = Object.entries(counts.rejectedByReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([reason, n]) => `${reason} ${formatInt(n)}`);
  return [
    `rows read ${formatInt(counts.rowsRead)}`,
    `used ${formatInt(counts.rowsUsed)}`,
    `rejected ${formatInt(counts.rowsRejected)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    `duplicates ${formatInt(counts.duplicates)}`,
  ].join(' · ');
}

/** The transcript rows' accounting and the conversations they make. */
export function dataQualityLine(dq: DataQuality): string {
  const parts = [rowCountsText(dq), `conversations ${formatInt(dq.conversations)}`];
  if (dq.conversationsInScope !== dq.conversations) parts.push(`in scope ${formatInt(dq.conversationsInScope)}`);
  if (dq.conversationsWithoutMessages > 0) {
    parts.push(`without messages ${formatInt(dq.conversationsWithoutMessages)} (excluded)`);
  }
  return parts.join(' · ');
}

/** Further data-quality lines, when they apply: order rows, and what was inferred from text. */
export function dataQualityNotes(dq: DataQuality): { label: string; text: string }[] {
  const notes: { label: string; text: string }[] = [];
  if (dq.orders !== undefined) notes.push({ label: 'orders', text: rowCountsText(dq.orders) });
  const s = dq.sentiment;
  if (s.computed > 0 || s.unscored > 0 || dq.languageDetected > 0) {
    notes.push({
      label: 'text analysis',
      text: [
        `sentiment given ${formatInt(s.given)}`,
        `computed from text ${formatInt(s.computed)}`,
        `unscored ${formatInt(s.unscored)} messages`,
        `language detected in ${formatInt(dq.languageDetected)} conversations`,
      ].join(' · '),
    });
  }
  return notes;
}

/** `botkpi 0.1.0 · tz UTC · since 2025-01-01 · where channel=web · by channel, hour`. */
export function reportContext(report: Report): string {
  const o = report.options;
  return [
    `${report.tool.name} ${report.tool.version}`,
    `tz ${o.tz}`,
    ...(o.since === null ? [] : [`since ${o.since}`]),
    ...(o.until === null ? [] : [`until ${o.until}`]),
    ...o.where.map((w) => `where ${w}`),
    ...(o.by.length === 0 ? [] : [`by ${o.by.join(', ')}`]),
  ].join(' · ');
}

/** `2025-01-06T09:00:00+01:00` → `2025-01-06 09:00`. */
const shortTime = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** `data 2025-01-06 09:00 – 2025-01-12 18:00 (UTC)`: when the conversations in scope started. */
export function periodText(report: { period: Report['period']; options: { tz: string } }): string {
  const { first, last } = report.period;
  if (first === null || last === null) return 'no conversations in scope';
  return `data ${shortTime(first)} – ${shortTime(last)} (${report.options.tz})`;
}

/** `config botkpi.config.json · input logs.jsonl · orders orders.csv · data 2025-01-06 09:00 – …`. */
export function reportSources(report: Report): string {
  const o = report.options;
  const inputs = o.inputs.map((f) => (f === '-' ? 'stdin' : f));
  return [
    `config ${o.config ?? 'none'}`,
    ...(inputs.length === 0 ? [] : [`input${inputs.length > 1 ? 's' : ''} ${inputs.join(', ')}`]),
    ...(o.orders === null ? [] : [`orders ${o.orders === '-' ? 'stdin' : o.orders}`]),
    periodText(report),
  ].join(' · ');
}
