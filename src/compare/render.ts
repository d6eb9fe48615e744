/**
 * Renderers for a comparison: JSON (the model as is), CSV (one row per statistic), Markdown and the
 * terminal table. In the table and Markdown a ratio's change is in percentage points (`+15.0 pp`);
 * in JSON and CSV `delta` is a fraction and `delta_pp` the same in points. The table and Markdown
 * leave out statistics that are n/a in both reports and the 168 cells of the weekday × hour heatmap
 * (its peak stays); JSON and CSV keep every row.
 */
import { Chalk } from 'chalk';
import type { KpiUnit } from '../kpis/types.js';
import { csvLine } from '../render/csv.js';
import { drawTable, fitTable, type Align } from '../render/fit.js';
import { formatByUnit, formatDecimal, formatDuration, formatInt, formatMoney, formatPercent, NA, wrapText } from '../render/format.js';
import { escapeMarkdown, markdownTable } from '../render/markdown.js';
import { isGridCell, kpiMeta } from '../report/statistics.js';
import { sanitize } from '../render/table.js';
import type { OutputFormat } from '../render/index.js';
import type { Comparison, CompareRow, Side } from './index.js';

export const COMPARE_TITLE = 'botkpi comparison';

export const TEST_NOTE =
  'Significance (rates only): two-proportion z-test, pooled p = (x1+x2)/(n1+n2), ' +
  'z = (p2−p1)/sqrt(p(1−p)(1/n1+1/n2)), two-sided p-value; significant when p < 0.05. ' +
  'Not tested (blank): means, percentiles, counts, amounts, and rates with n = 0 or no variation.';

export const CSV_COLUMNS = ['kpi', 'statistic', 'unit', 'old', 'new', 'delta', 'delta_pp', 'z', 'p_value', 'significant'] as const;

/** `containment_rate`, `first_response_time.p90`: the name `botkpi check` understands. */
export const rowName = (r: CompareRow): string => (r.statistic === 'value' ? r.kpi : `${r.kpi}.${r.statistic}`);

const MAGNITUDE: Record<KpiUnit, (x: number) => string> = {
  ratio: (x) => `${(x * 100).toFixed(1)} pp`,
  seconds: formatDuration,
  count: formatInt,
  money: formatMoney,
  score: (x) => formatDecimal(x),
};

/**
 * Whether a ratio statistic is a share (a rate, precision, a share of conversations: it has
 * `delta_pp`) whose change reads in percentage points; other ratios (ROI, a multiple of the cost)
 * change in percent of their own.
 */
export const isShare = (row: Pick<CompareRow, 'unit' | 'delta_pp'>): boolean => row.unit === 'ratio' && row.delta_pp !== undefined;

/**
 * `+15.0 pp` (a share), `-191.5 %` (another ratio), `-1.8 s`, `+12`, `-1.55 USD`; a change that
 * rounds to nothing has no sign.
 */
export function formatDelta(unit: KpiUnit, delta: number | null, options: { share?: boolean; currency?: string } = {}): string {
  if (delta === null || !Number.isFinite(delta)) return NA;
  let text = unit === 'ratio' && options.share === false ? formatPercent(Math.abs(delta)) : MAGNITUDE[unit](Math.abs(delta));
  if (unit === 'money' && options.currency !== undefined) text += ` ${options.currency}`;
  if (!/[1-9]/.test(text)) return text;
  return `${delta > 0 ? '+' : '-'}${text}`;
}

/** A value in its unit, money with its currency. */
const formatValue = (unit: KpiUnit, x: number | null, currency: string | undefined): string => {
  const text = formatByUnit(unit, x);
  return unit === 'money' && currency !== undefined && text !== NA ? `${text} ${currency}` : text;
};

const deltaOf = (r: Pick<CompareRow, 'unit' | 'delta' | 'delta_pp'>, currency: string | undefined): string =>
  formatDelta(r.unit, r.delta, { share: isShare(r), ...(currency === undefined ? {} : { currency }) });

/**
 * The "what changed" lines: every significant change, better or worse by the KPI's direction, or
 * that nothing changed significantly.
 */
export function changeLines(cmp: Comparison): string[] {
  if (cmp.changes.length === 0) return ['No significant change (rates, p < 0.05).'];
  return cmp.changes.map((ch) => {
    const verdict = ch.better === null ? '' : ch.better ? ', better' : ', worse';
    const name = ch.statistic === 'value' ? ch.kpi : `${ch.kpi}.${ch.statistic}`;
    const [a, b] = [formatValue(ch.unit, ch.old, cmp.currency), formatValue(ch.unit, ch.new, cmp.currency)];
    return `${name}: ${a} → ${b} (${deltaOf(ch, cmp.currency)}${verdict})`;
  });
}

export const arrow = (delta: number | null): string => (delta === null || delta === 0 ? '' : delta > 0 ? '▲' : '▼');

export const formatP = (p: number | undefined): string => (p === undefined ? '' : p < 0.0001 ? '<0.0001' : p.toFixed(4));

export function sideText(s: Side): string {
  const range = s.since === null && s.until === null ? 'all data' : `${s.since ?? '…'} → ${s.until ?? '…'}`;
  return `${s.label} (${range})`;
}

const shown = (rows: readonly CompareRow[]): CompareRow[] =>
  rows.filter((r) => (r.old !== null || r.new !== null) && !isGridCell(r.kpi, r.statistic));

export function renderCompareCsv(cmp: Comparison): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const r of cmp.rows) {
    const sig = r.significant === null ? null : String(r.significant);
    lines.push(csvLine([r.kpi, r.statistic, r.unit, r.old, r.new, r.delta, r.delta_pp, r.z, r.p_value, sig]));
  }
  return lines.join('');
}

export function renderCompareMarkdown(cmp: Comparison): string {
  const rows = shown(cmp.rows).map((r) => [
    rowName(r),
    formatValue(r.unit, r.old, cmp.currency),
    formatValue(r.unit, r.new, cmp.currency),
    `${arrow(r.delta)} ${deltaOf(r, cmp.currency)}`.trim(),
    formatP(r.p_value),
    r.significant === null ? '' : r.significant ? 'yes' : 'no',
  ]);
  const head = ['KPI', 'old', 'new', 'change', 'p-value', 'significant'];
  return [
    `# ${COMPARE_TITLE}`,
    `**Old:** ${escapeMarkdown(sideText(cmp.old))} · **New:** ${escapeMarkdown(sideText(cmp.new))}`,
    `## What changed\n\n${changeLines(cmp).map((l) => `- ${escapeMarkdown(l)}`).join('\n')}`,
    '## All statistics',
    markdownTable(head, rows, ['left', 'right', 'right', 'right', 'right', 'left']),
    `_${TEST_NOTE}_`,
  ].join('\n\n') + '\n';
}

export function renderCompareTable(cmp: Comparison, options: { color: boolean; width?: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width ?? 80);
  const rows = shown(cmp.rows);
  const cells = rows.map((r) => {
    const change = `${arrow(r.delta)} ${deltaOf(r, cmp.currency)}`.trim() + (r.significant ? ' *' : '  ');
    const value = (x: number | null): string => formatValue(r.unit, x, cmp.currency);
    return [sanitize(rowName(r)), value(r.old), value(r.new), change, formatP(r.p_value)];
  });
  const align: Align[] = ['left', 'right', 'right', 'right', 'right'];
  const tables = fitTable({ head: ['KPI', 'old', 'new', 'change', 'p'], rows: cells, align, keys: 1, width, cutKeysTo: 16 });
  const paint = (text: string, ri: number, ci: number): string => {
    const r = rows[ri];
    if (r === undefined) return text;
    if (ci === 4) return c.dim(text);
    if ((ci === 1 || ci === 2) && text === NA) return c.dim(text);
    const direction = kpiMeta(r.kpi).direction;
    if (ci === 3 && r.significant && r.delta !== null && direction !== 'neutral' && r.statistic === 'value') {
      return (r.delta > 0) === (direction === 'higher') ? c.green(text) : c.red(text);
    }
    return text;
  };
  const omitted = cmp.rows.length - rows.length;
  const note = (text: string): string[] => wrapText(text, width).map((l) => c.dim(l));
  return [
    c.bold(COMPARE_TITLE),
    ...wrapText(`old: ${sanitize(sideText(cmp.old))}`, width, '  ').map((l) => c.dim(l)),
    ...wrapText(`new: ${sanitize(sideText(cmp.new))}`, width, '  ').map((l) => c.dim(l)),
    '',
    c.bold('What changed'),
    ...changeLines(cmp).flatMap((l, i) => {
      const lines = wrapText(`${sanitize(l)}`, width - 2, '    ').map((x, j) => (j === 0 ? `  ${x}` : x));
      const better = cmp.changes[i]?.better;
      return lines.map((x) => (better === true ? c.green(x) : better === false ? c.red(x) : x));
    }),
    '',
    ...tables.map((t) => drawTable(t, (h) => c.bold(h), paint)),
    ...note(`* ${TEST_NOTE}`),
    ...(omitted > 0 ? note(`${omitted} statistics n/a in both reports are not shown.`) : []),
  ].join('\n') + '\n';
}

export function renderComparison(cmp: Comparison, format: OutputFormat, options: { color: boolean; width?: number }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(cmp, null, 2) + '\n';
    case 'csv':
      return renderCompareCsv(cmp);
    case 'md':
      return renderCompareMarkdown(cmp);
    case 'table':
      return renderCompareTable(cmp, options);
  }
}
