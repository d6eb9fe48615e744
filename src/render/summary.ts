/**
 * The human-readable view of a report shared by the terminal table and Markdown: formatted cells as
 * plain, unescaped text (each renderer escapes for its medium). Reads each result through its KPI's
 * declared schema (shapes and units), like the tidy statistics.
 */
import type { z } from 'zod';
import type { Unit } from '../kpis/result.js';
import {
  flattenKpi,
  isDistributionValue,
  isObject,
  isRateValue,
  kpiMeta,
  kpiMetas,
  NONE_LABEL,
  propertiesOf,
  schemaFor,
  unavailableReason,
  unwrap,
  WEEKDAYS,
  type Obj,
  type StatRow,
} from '../report/statistics.js';
import type { DataQuality, KpiResult, Rate, Report, RowCounts } from '../report/types.js';
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

/** Keys shown in a KPI's own line (the statistics of a rate, a distribution or a value); other keys become parts. */
const MAIN_KEYS = new Set(['value', 'numerator', 'denominator', 'ci95', 'reason', 'mean', 'p50', 'p90', 'p95', 'count']);

const reasonOf = (o: Obj): string | undefined => (typeof o.reason === 'string' ? o.reason : undefined);

/** formatByUnit, with the currency code after money (`12.50 EUR`). */
function formatIn(unit: Unit, x: number | null | undefined, currency: string | undefined): string {
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

type Node = z.ZodType | undefined;

/** The declared shape of a value (read from the value itself where no schema declares it). */
function shapeOf(schema: Node, o: unknown): string | undefined {
  if (schema !== undefined) return unwrap(schema).meta.shape;
  return isRateValue(o) ? 'rate' : isDistributionValue(o) ? 'distribution' : undefined;
}

/** The schema of property `key` of an object schema. */
function child(schema: Node, key: string): Node {
  if (schema === undefined) return undefined;
  return propertiesOf(unwrap(schema).core).find(([k]) => k === key)?.[1];
}

/** The unit of property `key` (a number) as declared; `fallback` where nothing declares one. */
function unitOf(schema: Node, key: string, fallback: Unit): Unit {
  const node = child(schema, key);
  return node === undefined ? fallback : (unwrap(node).meta.unit ?? fallback);
}

function show(o: Obj, schema: Node, fallback: Unit, currency: string | undefined): Shown | undefined {
  let shown: Shown;
  const shape = shapeOf(schema, o);
  if (shape === 'rate' && isRateValue(o)) {
    shown = { value: formatPercent(o.value), ci: formatInterval(o.ci95), n: formatFraction(o.numerator, o.denominator) };
  } else if (shape === 'distribution' && isDistributionValue(o)) {
    shown = { value: o.mean === null ? NA : formatTimes(o), ci: '', n: formatInt(o.count) };
  } else if (shape === 'shares') {
    const rates = Object.entries(o).filter(([, r]) => isRateValue(r)) as [string, Rate][];
    if (rates.every(([, r]) => r.value === null)) return { value: NA, ci: '', n: '', reason: rates[0]?.[1].reason ?? 'no data' };
    shown = {
      value: rates.map(([k, r]) => `${humanizeKey(k)} ${formatPercent(r.value)}`).join(' · '),
      ci: '',
      n: formatInt(rates[0]?.[1].denominator ?? 0),
    };
  } else if (typeof o.value === 'number' || o.value === null) {
    shown = { value: formatIn(unitOf(schema, 'value', fallback), o.value, currency), ci: '', n: typeof o.count === 'number' ? formatInt(o.count) : '' };
    // An instant the value was reached (peak_concurrency), as the schema declares it.
    const at = schema === undefined ? undefined : unwrap(schema).meta.at;
    if (at !== undefined && typeof o[at] === 'string' && o.value !== null) shown.value += ` at ${o[at] as string}`;
  } else {
    return undefined;
  }
  const reason = reasonOf(o);
  if (shown.value === NA && reason !== undefined) shown.reason = reason;
  return shown;
}

function parts(o: Obj, schema: Node, fallback: Unit, currency: string | undefined): { sub: string; shown: Shown }[] {
  const out: { sub: string; shown: Shown }[] = [];
  if (shapeOf(schema, o) === 'shares') return out;
  for (const [key, v] of Object.entries(o)) {
    if (MAIN_KEYS.has(key)) continue;
    const sub = humanizeKey(key);
    const node = child(schema, key);
    if (typeof v === 'number' || v === null) {
      out.push({ sub, shown: { value: formatIn(unitOf(schema, key, fallback), v, currency), ci: '', n: '' } });
    } else if (isObject(v) && (shapeOf(node, v) === 'rate' || shapeOf(node, v) === 'distribution')) {
      const shown = show(v, node, fallback, currency);
      if (shown !== undefined) out.push({ sub, shown });
    } else if (isObject(v)) {
      // An object of plain numbers (conversations.messages): one compact line.
      const items = Object.entries(v).filter((e): e is [string, number | null] => typeof e[1] === 'number' || e[1] === null);
      if (items.length === 0) continue;
      const value = items.map(([k, x]) => `${humanizeKey(k)} ${formatIn(unitOf(node, k, fallback), x, currency)}`).join(' · ');
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
    const meta = kpiMeta(id);
    const o = result as Obj;
    if (unavailableReason(result) !== undefined) continue;
    const schema = schemaFor(id, result);
    const main = show(o, schema, meta.unit, currency);
    if (main === undefined) continue;
    rows.push({ id, title: meta.title, ...main });
    for (const { sub, shown } of parts(o, schema, meta.unit, currency)) rows.push({ id, title: meta.title, sub, ...shown });
  }
  return rows;
}

/** KPIs that have no value, with the reason (`needs field csat`). */
export function unavailableKpis(kpis: Record<string, KpiResult>): { id: string; title: string; reason: string }[] {
  return Object.entries(kpis).flatMap(([id, result]) => {
    const reason = unavailableReason(result);
    return reason === undefined ? [] : [{ id, title: kpiMeta(id).title, reason }];
  });
}

/**
 * The first result with a property of the given shape, as its schema declares, with that
 * property's key; with `root`, only a result whose own schema has that shape.
 */
function findShaped(kpis: Record<string, KpiResult>, shape: string, root?: string): { id: string; result: Obj; key: string; node: z.ZodType } | undefined {
  for (const [id, result] of Object.entries(kpis)) {
    const schema = schemaFor(id, result);
    if (schema === undefined || (root !== undefined && unwrap(schema).meta.shape !== root)) continue;
    for (const [key, node] of propertiesOf(unwrap(schema).core)) {
      if (unwrap(node).meta.shape === shape && key in result) return { id, result: result as Obj, key, node };
    }
  }
  return undefined;
}

/**
 * The weekday × hour grid (a result with a `grid`), the peak cell marked `*`; undefined when
 * there is none.
 */
export function heatmapTable(kpis: Record<string, KpiResult>): (TextTable & { peak: string }) | undefined {
  const found = findShaped(kpis, 'grid');
  if (found === undefined || !Array.isArray(found.result[found.key]) || !isObject(found.result.peak)) return undefined;
  const peak = found.result.peak as { weekday: string; hour: number; conversations: number };
  const head = ['', ...Array.from({ length: 24 }, (_, h) => (h < 10 ? `0${h}` : `${h}`))];
  const rows = (found.result[found.key] as number[][]).map((hours, d) => [
    WEEKDAYS[d] as string,
    ...hours.map((n, h) => `${formatInt(n)}${WEEKDAYS[d] === peak.weekday && h === peak.hour ? '*' : ''}`),
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

/**
 * The table of a result that is a table of labelled rows (the `intents` KPI: one row per question
 * type; not the rows inside another result, such as intent accuracy's per-intent scores), the
 * first `limit` rows, with its KPI's title; undefined when there is none. Columns follow the row
 * schema: numbers by their unit, rates as percentages; a column that declares `hideWhenEmpty` is
 * left out when no row has a value in it.
 */
export function rowsTable(kpis: Record<string, KpiResult>, limit = Infinity): (TextTable & { title: string }) | undefined {
  const found = findShaped(kpis, 'rows', 'table');
  const all = found?.result[found.key];
  if (found === undefined || !Array.isArray(all) || all.length === 0) return undefined;
  const { core, meta } = unwrap(found.node);
  const item = (core as unknown as { element: z.ZodType }).element;
  const label = meta.label;
  const columns = propertiesOf(unwrap(item).core).filter(([key, node]) => {
    if (key === label) return false;
    const m = unwrap(node).meta;
    if (m.hideWhenEmpty !== true) return true;
    return (all as Obj[]).some((r) => {
      const v = r[key];
      return isRateValue(v) ? v.value !== null : typeof v === 'number';
    });
  });
  const title = (key: string, node: z.ZodType): string => unwrap(node).meta.title ?? humanizeKey(key);
  const labelNode = label === undefined ? undefined : child(item, label);
  const head = [label === undefined || labelNode === undefined ? '' : title(label, labelNode), ...columns.map(([key, node]) => title(key, node))];
  const rows = (all as Obj[]).slice(0, limit).map((r) => [
    label === undefined ? '' : typeof r[label] === 'string' ? (r[label] as string) : NONE_LABEL,
    ...columns.map(([key, node]) => {
      const v = r[key];
      if (isRateValue(v)) return formatPercent(v.value);
      return formatByUnit(unwrap(node).meta.unit ?? 'score', typeof v === 'number' ? v : null);
    }),
  ]);
  return { head, rows, more: all.length - rows.length, title: kpiMeta(found.id).title };
}

export type Tone = 'good' | 'bad';
export interface GroupCell {
  text: string;
  /** Set when a rate's 95 % interval lies wholly on one side of the overall value. */
  tone?: Tone;
}

/** Below this many in its denominator a group's rate shows its fraction instead of a percentage and an interval. */
export const SMALL_N = 10;

export interface GroupColumn {
  id: string;
  /** The statistic, as `check` names it (`value`, `p50`, `full`). */
  stat: string;
}

/** `first_response_time.p90` → {id, stat: 'p90'}; a bare id takes its breakdown statistic, else `value`. */
export function parseColumn(text: string): GroupColumn {
  const [id = '', ...rest] = text.trim().split('.');
  return { id, stat: rest.length > 0 ? rest.join('.') : (kpiMeta(id).breakdown ?? 'value') };
}

/** The breakdown columns: the chosen ones, else every KPI whose metadata asks for one and that is available overall. */
export function groupColumns(report: Report, chosen?: readonly string[]): GroupColumn[] {
  if (chosen !== undefined && chosen.length > 0) return chosen.map(parseColumn);
  return kpiMetas()
    .filter((m) => m.breakdown !== undefined && report.kpis[m.id] !== undefined && unavailableReason(report.kpis[m.id]) === undefined)
    .map((m) => ({ id: m.id, stat: m.breakdown ?? 'value' }));
}

function toneOf(group: StatRow, overall: StatRow | undefined, direction: 'higher' | 'lower' | 'neutral'): Tone | undefined {
  if (direction === 'neutral' || group.ci_low === undefined || group.ci_high === undefined) return undefined;
  if (overall === undefined || overall.value === null) return undefined;
  const above = group.ci_low > overall.value;
  const below = group.ci_high < overall.value;
  if (!above && !below) return undefined;
  return above === (direction === 'higher') ? 'good' : 'bad';
}

const statOf = (result: KpiResult | undefined, stat: string, id: string): StatRow | undefined =>
  result === undefined ? undefined : flattenKpi(id, result).find((r) => r.statistic === stat);

/** A rate as `81.1 % 77–85` (interval in whole percent), or `(3/7)` when too few to judge. */
function rateCell(row: StatRow): string {
  if (row.value === null || row.denominator === undefined || row.denominator === 0) return NA;
  if (row.denominator < SMALL_N) return `(${formatFraction(row.numerator ?? 0, row.denominator)})`;
  const ci = row.ci_low === undefined || row.ci_high === undefined ? '' : ` ${formatInterval([row.ci_low, row.ci_high], 0)}`;
  return `${formatPercent(row.value)}${ci}`;
}

function groupCell(col: GroupColumn, result: KpiResult | undefined, overall: KpiResult | undefined): GroupCell {
  const row = statOf(result, col.stat, col.id);
  if (row === undefined || row.value === null) return { text: NA };
  if (row.unit === 'ratio' && row.denominator !== undefined) {
    const cell: GroupCell = { text: rateCell(row) };
    const tone = row.denominator >= SMALL_N ? toneOf(row, statOf(overall, col.stat, col.id), kpiMeta(col.id).direction) : undefined;
    if (tone !== undefined) cell.tone = tone;
    return cell;
  }
  // Money without its code: the column header names the currency.
  return { text: formatByUnit(row.unit, row.value) };
}

export interface GroupTable {
  head: string[];
  rows: GroupCell[][];
  /** Explanations of the marks used in the table. */
  notes: string[];
}

/**
 * One row per group: its labels (a partial calendar period marked `(partial)`), then one column per
 * breakdown KPI (`groupColumns`), then a total row with the overall values. Rates show their 95 %
 * interval, or their fraction when fewer than SMALL_N stand behind them. Undefined without groups.
 */
export function groupTable(report: Report, chosen?: readonly string[]): GroupTable | undefined {
  if (report.groups.length === 0) return undefined;
  const columns = groupColumns(report, chosen);
  const currency = report.options.baseCurrency;
  const head = [
    ...report.options.by,
    ...columns.map((c) => {
      const meta = kpiMeta(c.id);
      const unit = statOf(report.kpis[c.id], c.stat, c.id)?.unit ?? meta.unit;
      return `${meta.title}${c.stat === 'value' ? '' : ` ${c.stat}`}${unit === 'money' ? ` (${currency})` : ''}`;
    }),
  ];
  let partial = false;
  let small = false;
  const rows = report.groups.map((g) => {
    if (g.partial === true) partial = true;
    const cells = columns.map((c) => groupCell(c, g.kpis[c.id], report.kpis[c.id]));
    if (cells.some((cell) => cell.text.startsWith('('))) small = true;
    return [
      ...report.options.by.map((d, i) => ({ text: `${g.by[d] ?? NONE_LABEL}${g.partial === true && i === report.options.by.length - 1 ? ' (partial)' : ''}` })),
      ...cells,
    ];
  });
  const total = [
    ...report.options.by.map((_, i) => ({ text: i === 0 ? 'total' : '' })),
    ...columns.map((c) => ({ text: groupCell(c, report.kpis[c.id], undefined).text })),
  ];
  const notes = [
    ...(partial ? ['(partial): the data covers this period only in part'] : []),
    ...(small ? [`(x/n): fewer than ${SMALL_N} behind the rate, too few to judge`] : []),
    'a rate shows its 95 % interval in whole percent',
  ];
  return { head, rows: [...rows, total], notes };
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
  if (dq.documentsRead !== undefined) {
    const formats = [...new Set(Object.values(dq.inputFormats ?? {}))].join(', ');
    parts.unshift(`documents read ${formatInt(dq.documentsRead)}${formats === '' ? '' : ` (${formats})`}`);
  }
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
