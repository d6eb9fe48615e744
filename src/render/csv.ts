/**
 * CSV output (docs/definitions.md §6): tidy rows for spreadsheets.
 *
 * Columns: `scope` (`overall` or `group`), one column per `--by` dimension (empty on overall rows; a
 * missing group value is empty too), then `kpi, statistic, value, numerator, denominator, ci_low,
 * ci_high, unit, reason`. Rows: the overall KPIs, then every group's KPIs (group order), then the
 * data-quality counts (`kpi` = `data_quality`). RFC 4180: fields with a comma, quote, CR or LF are
 * quoted, quotes doubled; every line ends with CRLF. No byte-order mark. Numbers are written as
 * plain JavaScript numbers (full precision, `-0.05` stays a number); only text cells are guarded
 * against formula injection.
 */
import type { DataQuality, Report } from '../report/types.js';
import { flattenKpis, type StatRow } from '../report/statistics.js';

export const CSV_EOL = '\r\n';

const STAT_COLUMNS = ['kpi', 'statistic', 'value', 'numerator', 'denominator', 'ci_low', 'ci_high', 'unit', 'reason'] as const;

type Cell = string | number | null | undefined;

/** Text that a spreadsheet could take for a formula gets a leading `'`. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: numbers plain, text neutralised and quoted when needed, null/undefined empty. */
export function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + CSV_EOL;
}

function statCells(row: StatRow): Cell[] {
  return [row.kpi, row.statistic, row.value, row.numerator, row.denominator, row.ci_low, row.ci_high, row.unit, row.reason];
}

/**
 * Data-quality counts as rows of the `data_quality` pseudo-KPI, by shape: every number is a row
 * (`rowsRead`, `conversations`), `rejectedByReason` gives `rejected.<reason>`, nested objects are
 * prefixed (`sentiment.computed`, `orders.rowsRead`, `orders.rejected.<reason>`).
 */
export function dataQualityRows(dq: DataQuality): StatRow[] {
  const rows: StatRow[] = [];
  const walk = (obj: object, prefix: string): void => {
    for (const [key, v] of Object.entries(obj)) {
      if (typeof v === 'number') rows.push({ kpi: 'data_quality', statistic: prefix + key, value: v, unit: 'count' });
      else if (typeof v === 'object' && v !== null) walk(v, prefix + (key === 'rejectedByReason' ? 'rejected' : key) + '.');
    }
  };
  walk(dq, '');
  return rows;
}

export function renderCsv(report: Report): string {
  return [...csvChunks(report)].join('');
}

/** The CSV report line by line (a report with many groups is never one string). */
export function* csvChunks(report: Report): Generator<string> {
  const dims = report.options.by;
  const empty = dims.map(() => '');
  yield csvLine(['scope', ...dims, ...STAT_COLUMNS]);
  for (const row of flattenKpis(report.kpis)) yield csvLine(['overall', ...empty, ...statCells(row)]);
  for (const group of report.groups) {
    const labels = dims.map((d) => group.by[d] ?? '');
    for (const row of flattenKpis(group.kpis)) yield csvLine(['group', ...labels, ...statCells(row)]);
  }
  for (const row of dataQualityRows(report.dataQuality)) yield csvLine(['overall', ...empty, ...statCells(row)]);
}
