/**
 * Terminal output: title and context, data-quality line, headline KPIs, the top question types,
 * the group breakdown and the KPIs that are not available. Colour is the caller's choice only
 * (a private Chalk instance; cli-table3's own styling is switched off): without it there are no
 * ANSI codes at all. With it, colour stays subtle: bold headings, dim secondary text, and
 * green/red only on a group's rate whose 95 % interval lies wholly above or below the overall value
 * for a KPI with a direction.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../report/types.js';
import { NA, wrapText } from './format.js';
import { drawTable, fitTable, wrapParts } from './fit.js';
import {
  dataQualityLine,
  dataQualityNotes,
  groupTable,
  headlineRows,
  heatmapTable,
  rowsTable,
  REPORT_TITLE,
  reportContext,
  reportSources,
  unavailableKpis,
} from './summary.js';

export interface TableOptions {
  color: boolean;
  /** Columns the output may use (default 80): every line fits. */
  width?: number;
  /** Breakdown columns (`--kpis`): KPI ids, optionally with a statistic (`first_response_time.p90`). */
  kpis?: readonly string[];
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

/** A header line of ` · ` parts, wrapped to the width (continuation lines indented). */
function headerLine(label: string, text: string, width: number, c: ChalkInstance): string[] {
  const full = `${label}${text}`;
  const lines = wrapParts(sanitize(full), width).split('\n');
  return lines.map((l, i) => (i === 0 && label !== '' && l.startsWith(label) ? `${c.dim(label)}${l.slice(label.length)}` : c.dim(l)));
}

export function renderTable(report: Report, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width ?? 80);
  const heading = (text: string): string => c.bold(text);
  const bold = (text: string): string => c.bold(text);
  const out: string[] = [
    heading(REPORT_TITLE),
    ...wrapParts(sanitize(reportContext(report)), width).split('\n').map((l) => c.dim(l)),
    ...wrapParts(sanitize(reportSources(report)), width).split('\n').map((l) => c.dim(l)),
    ...headerLine('data quality: ', dataQualityLine(report.dataQuality), width, c),
    ...dataQualityNotes(report.dataQuality).flatMap((n) => headerLine(`${n.label}: `, n.text, width, c)),
  ];

  const headline = headlineRows(report.kpis, report.options.baseCurrency);
  if (headline.length > 0) {
    const rows = headline.map((r) => {
      const name = r.sub === undefined ? r.title : `  ${sanitize(r.sub)}`;
      let value = sanitize(r.value);
      if (r.ci !== '') value += ` · (${r.ci})`;
      if (r.reason !== undefined) value = `${NA} — ${sanitize(r.reason)}`;
      return [name, value, r.n];
    });
    const [fitted] = fitTable({ head: ['KPI', 'value', 'n'], rows, align: ['left', 'left', 'right'], keys: 1, wrap: [1], width, cutKeysTo: 28 });
    if (fitted !== undefined) {
      // The interval stays on its value's line when it fits, set off by two spaces rather than a dot.
      fitted.rows = fitted.rows.map((r) => r.map((cell, i) => (i === 1 ? cell.replace(/ · (\([^)]*\))/g, '  $1') : cell)));
      const isSub = (ri: number): boolean => headline[ri]?.sub !== undefined;
      out.push(
        '',
        drawTable(fitted, bold, (text, ri, ci) => {
          if (ci === 0) return isSub(ri) ? c.dim(text) : text;
          if (ci === 2) return c.dim(text);
          if (headline[ri]?.reason !== undefined) return c.dim(text);
          return text.replace(/ {2}(\([^)]*\))$/, (_, ci95: string) => `  ${c.dim(ci95)}`);
        }),
      );
    }
  }

  const intents = rowsTable(report.kpis, INTENTS_SHOWN);
  if (intents !== undefined) {
    const rows = intents.rows.map((row) => row.map((cell, i) => (i === 0 ? label(cell) : cell)));
    const align = intents.head.map((_, i): 'left' | 'right' => (i === 0 ? 'left' : 'right'));
    out.push('', heading(intents.title));
    for (const t of fitTable({ head: intents.head, rows, align, keys: 1, width })) out.push(drawTable(t, bold));
    if (intents.more > 0) out.push(c.dim(`… ${intents.more} more`));
  }

  const heatmap = heatmapTable(report.kpis);
  if (heatmap !== undefined) {
    const align = heatmap.head.map((_, i): 'left' | 'right' => (i === 0 ? 'left' : 'right'));
    out.push('', heading(`Conversations by weekday and hour (${sanitize(report.options.tz)})`));
    for (const t of fitTable({ head: heatmap.head, rows: heatmap.rows, align, keys: 1, width })) {
      out.push(drawTable(t, bold, (text, _ri, ci) => (ci > 0 && text === '0' ? c.dim('·') : text)));
    }
    out.push(...wrapParts(heatmap.peak, width).split('\n').map((l) => c.dim(l)));
  }

  const groups = groupTable(report, options.kpis);
  if (groups !== undefined) {
    const dims = report.options.by.length;
    // The first GROUPS_SHOWN groups, then the total row (the last row).
    const shownRows = groups.rows.length - 1 > GROUPS_SHOWN ? [...groups.rows.slice(0, GROUPS_SHOWN), ...groups.rows.slice(-1)] : groups.rows;
    const rows = shownRows.map((row) => row.map((cell, i) => (i < dims ? label(cell.text) : cell.text)));
    const align = groups.head.map((_, i): 'left' | 'right' => (i < dims ? 'left' : 'right'));
    const tables = fitTable({ head: groups.head.map(sanitize), rows, align, keys: dims, width });
    out.push('', heading(`By ${sanitize(report.options.by.join(' × '))}`));
    tables.forEach((t, ti) => {
      const columns = [...Array(dims).keys(), ...t.head.slice(dims).map((_, k) => columnIndex(tables, ti, k, dims))];
      const last = shownRows.length - 1;
      out.push(
        drawTable(t, bold, (text, ri, ci) => {
          const cell = shownRows[ri]?.[columns[ci] ?? ci];
          if (ri === last) return c.bold(text);
          if (cell?.tone === 'good') return c.green(text);
          if (cell?.tone === 'bad') return c.red(text);
          return text === NA || text.startsWith('(') ? c.dim(text) : text;
        }),
      );
    });
    const more = groups.rows.length - shownRows.length;
    if (more > 0) out.push(c.dim(`… ${more} more groups (all of them with --format csv, json or md)`));
    for (const note of groups.notes) out.push(...wrapParts(note, width).split('\n').map((l) => c.dim(l)));
  }

  const unavailable = unavailableKpis(report.kpis);
  if (unavailable.length > 0) {
    out.push('', heading('Not available'));
    for (const u of unavailable) out.push(...wrapText(`${u.title}: ${NA} — ${sanitize(u.reason)}`, width, '  ').map((l, i) => (i === 0 ? l.replace(/^([^:]*:)(.*)$/, (_, t: string, rest: string) => `${t}${c.dim(rest)}`) : c.dim(l))));
  }
  return out.join('\n') + '\n';
}

/** The index in the full table of the k-th moved column of fitted table `ti`. */
function columnIndex(tables: readonly { head: string[] }[], ti: number, k: number, dims: number): number {
  let index = dims;
  for (let t = 0; t < ti; t++) index += (tables[t]?.head.length ?? dims) - dims;
  return index + k;
}
