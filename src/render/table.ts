/**
 * Terminal output: title and context, data-quality line, headline KPIs, the top question types,
 * the group breakdown and the KPIs that are not available. Colour is the caller's choice only
 * (a private Chalk instance; cli-table3's own styling is switched off): without it there are no
 * ANSI codes at all. With it, colour stays subtle: bold headings, dim secondary text, and
 * green/red only on a group's rate whose 95 % interval lies wholly above or below the overall value
 * for a KPI with a direction.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report } from '../report/types.js';
import { NA } from './format.js';
import {
  dataQualityLine,
  dataQualityNotes,
  groupTable,
  headlineRows,
  heatmapTable,
  intentTable,
  REPORT_TITLE,
  reportContext,
  reportSources,
  unavailableKpis,
  type GroupCell,
} from './summary.js';

export interface TableOptions {
  color: boolean;
}

/** Rows of the intents table shown in the terminal. */
export const INTENTS_SHOWN = 15;
/**
 * Group rows shown in the terminal; the rest are counted below the table (csv, json and md carry
 * them all). Drawing a table costs more than linear time in its rows.
 */
export const GROUPS_SHOWN = 200;
/** Longest label shown in a table cell before it is cut with `…`. */
const MAX_LABEL = 40;

/** Control characters (ESC, newlines…) from the data are shown escaped, never sent to the terminal. */
export function sanitize(text: string): string {
  return text.replace(/\p{Cc}/gu, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

const label = (text: string): string => {
  const clean = sanitize(text);
  return clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
};

function makeTable(head: readonly string[], align: readonly ('left' | 'right')[], c: ChalkInstance): Table.Table {
  return new Table({
    head: head.map((h) => c.bold(sanitize(h))),
    colAligns: [...align],
    style: { head: [], border: [], compact: true },
  });
}

export function renderTable(report: Report, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const heading = (text: string): string => c.bold(text);
  const out: string[] = [
    heading(REPORT_TITLE),
    c.dim(sanitize(reportContext(report))),
    c.dim(sanitize(reportSources(report))),
    `${c.dim('data quality:')} ${sanitize(dataQualityLine(report.dataQuality))}`,
    ...dataQualityNotes(report.dataQuality).map((n) => `${c.dim(`${n.label}:`)} ${sanitize(n.text)}`),
  ];

  const headline = headlineRows(report.kpis, report.options.baseCurrency);
  if (headline.length > 0) {
    const table = makeTable(['KPI', 'value', 'n'], ['left', 'left', 'right'], c);
    for (const r of headline) {
      const name = r.sub === undefined ? r.title : c.dim(`  ${sanitize(r.sub)}`);
      let value = r.value;
      if (r.ci !== '') value += c.dim(`  (${r.ci})`);
      if (r.reason !== undefined) value = c.dim(`${NA} — ${sanitize(r.reason)}`);
      table.push([name, value, c.dim(r.n)]);
    }
    out.push('', table.toString());
  }

  const intents = intentTable(report.kpis, INTENTS_SHOWN);
  if (intents !== undefined) {
    const table = makeTable(intents.head, intents.head.map((_, i) => (i === 0 ? 'left' : 'right')), c);
    for (const row of intents.rows) table.push(row.map((cell, i) => (i === 0 ? label(cell) : cell)));
    out.push('', heading('Question types (intents)'), table.toString());
    if (intents.more > 0) out.push(c.dim(`… ${intents.more} more`));
  }

  const heatmap = heatmapTable(report.kpis);
  if (heatmap !== undefined) {
    const table = makeTable(heatmap.head, heatmap.head.map((_, i) => (i === 0 ? 'left' : 'right')), c);
    for (const row of heatmap.rows) table.push(row.map((cell, i) => (i === 0 ? cell : cell === '0' ? c.dim('·') : cell)));
    out.push('', heading(`Conversations by weekday and hour (${sanitize(report.options.tz)})`), table.toString(), c.dim(heatmap.peak));
  }

  const groups = groupTable(report);
  if (groups !== undefined) {
    const dims = report.options.by.length;
    const table = makeTable(groups.head, groups.head.map((_, i) => (i < dims ? 'left' : 'right')), c);
    const paint = (cell: GroupCell, i: number): string => {
      const text = i < dims ? label(cell.text) : cell.text;
      if (cell.tone === 'good') return c.green(text);
      if (cell.tone === 'bad') return c.red(text);
      return text === NA ? c.dim(text) : text;
    };
    for (const row of groups.rows.slice(0, GROUPS_SHOWN)) table.push(row.map(paint));
    out.push('', heading(`By ${sanitize(report.options.by.join(' × '))}`), table.toString());
    const more = groups.rows.length - GROUPS_SHOWN;
    if (more > 0) out.push(c.dim(`… ${more} more groups (all of them with --format csv, json or md)`));
  }

  const unavailable = unavailableKpis(report.kpis);
  if (unavailable.length > 0) {
    out.push('', heading('Not available'));
    for (const u of unavailable) out.push(`${u.title}: ${c.dim(`${NA} — ${sanitize(u.reason)}`)}`);
  }
  return out.join('\n') + '\n';
}
