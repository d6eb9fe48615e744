/**
 * Renderers for a comparison: JSON (the model as is), CSV (one row per statistic), Markdown and the
 * terminal table. In the table and Markdown a ratio's change is in percentage points (`+15.0 pp`);
 * in JSON and CSV `delta` is a fraction and `delta_pp` the same in points. The table and Markdown
 * leave out statistics that are n/a in both reports and the 168 cells of the weekday × hour heatmap
 * (its peak stays); JSON and CSV keep every row.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { KpiUnit } from '../kpis/types.js';
import { csvLine } from '../render/csv.js';
import { formatByUnit, formatDecimal, formatDuration, formatInt, formatMoney, NA } from '../render/format.js';
import { escapeMarkdown, markdownTable } from '../render/markdown.js';
import { kpiMeta } from '../render/meta.js';
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
  table: (x) => formatDecimal(x),
};

/** `+15.0 pp`, `-1.8 s`, `+12`; a change that rounds to nothing has no sign. */
export function formatDelta(unit: KpiUnit, delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return NA;
  const text = MAGNITUDE[unit](Math.abs(delta));
  if (!/[1-9]/.test(text)) return text;
  return `${delta > 0 ? '+' : '-'}${text}`;
}

export const arrow = (delta: number | null): string => (delta === null || delta === 0 ? '' : delta > 0 ? '▲' : '▼');

export const formatP = (p: number | undefined): string => (p === undefined ? '' : p < 0.0001 ? '<0.0001' : p.toFixed(4));

export function sideText(s: Side): string {
  const range = s.since === null && s.until === null ? 'all data' : `${s.since ?? '…'} → ${s.until ?? '…'}`;
  return `${s.label} (${range})`;
}

const shown = (rows: readonly CompareRow[]): CompareRow[] =>
  rows.filter((r) => (r.old !== null || r.new !== null) && !(r.kpi === 'volume_heatmap' && r.statistic.startsWith('cells.')));

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
    formatByUnit(r.unit, r.old),
    formatByUnit(r.unit, r.new),
    `${arrow(r.delta)} ${formatDelta(r.unit, r.delta)}`.trim(),
    formatP(r.p_value),
    r.significant === null ? '' : r.significant ? 'yes' : 'no',
  ]);
  const head = ['KPI', 'old', 'new', 'change', 'p-value', 'significant'];
  return [
    `# ${COMPARE_TITLE}`,
    `**Old:** ${escapeMarkdown(sideText(cmp.old))} · **New:** ${escapeMarkdown(sideText(cmp.new))}`,
    markdownTable(head, rows, ['left', 'right', 'right', 'right', 'right', 'left']),
    `_${TEST_NOTE}_`,
  ].join('\n\n') + '\n';
}

export function renderCompareTable(cmp: Comparison, options: { color: boolean }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: ['KPI', 'old', 'new', 'change', 'p'].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  for (const r of shown(cmp.rows)) {
    let change = `${arrow(r.delta)} ${formatDelta(r.unit, r.delta)}`.trim() + (r.significant ? ' *' : '  ');
    const direction = kpiMeta(r.kpi).direction;
    if (r.significant && r.delta !== null && direction !== 'neutral' && r.statistic === 'value') {
      const better = (r.delta > 0) === (direction === 'higher');
      change = better ? c.green(change) : c.red(change);
    }
    const value = (x: number | null): string => (x === null ? c.dim(NA) : formatByUnit(r.unit, x));
    table.push([sanitize(rowName(r)), value(r.old), value(r.new), change, c.dim(formatP(r.p_value))]);
  }
  const omitted = cmp.rows.length - shown(cmp.rows).length;
  return [
    c.bold(COMPARE_TITLE),
    `${c.dim('old:')} ${sanitize(sideText(cmp.old))}`,
    `${c.dim('new:')} ${sanitize(sideText(cmp.new))}`,
    '',
    table.toString(),
    c.dim(`* ${TEST_NOTE}`),
    ...(omitted > 0 ? [c.dim(`${omitted} statistics n/a in both reports are not shown.`)] : []),
  ].join('\n') + '\n';
}

export function renderComparison(cmp: Comparison, format: OutputFormat, options: { color: boolean }): string {
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
