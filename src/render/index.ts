/** Renderers: pure functions from the report model to the text the CLI writes. */
import type { Report } from '../report/types.js';
import { csvChunks } from './csv.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export type OutputFormat = 'table' | 'json' | 'md' | 'csv';

export interface RenderOptions {
  /** ANSI colour in the table format (ignored by the others). */
  color: boolean;
  /** Columns the table may use (default 80). */
  width?: number;
  /** Breakdown columns of the table and Markdown (`--kpis`). */
  kpis?: readonly string[];
}

export function render(report: Report, format: OutputFormat, options: RenderOptions): string {
  return [...renderChunks(report, format, options)].join('');
}

/**
 * The output in pieces, in order: a report with many groups (100 000 `--by` cells) is never one
 * string, which JavaScript limits to about 512 MiB.
 */
export function renderChunks(report: Report, format: OutputFormat, options: RenderOptions): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonChunks(report);
    case 'csv':
      return csvChunks(report);
    case 'md':
      return [renderMarkdown(report, options.kpis)];
    case 'table':
      return [
        renderTable(report, {
          color: options.color,
          ...(options.width === undefined ? {} : { width: options.width }),
          ...(options.kpis === undefined ? {} : { kpis: options.kpis }),
        }),
      ];
  }
}

/** The placeholder of the groups in the report's text, at the top level (two spaces in). */
const GROUPS_PLACEHOLDER = '\n  "groups": []';

/** `JSON.stringify(report, null, 2)` and a newline, one group at a time. */
export function* jsonChunks(report: Report): Generator<string> {
  const text = JSON.stringify({ ...report, groups: [] }, null, 2);
  const at = text.indexOf(GROUPS_PLACEHOLDER);
  if (report.groups.length === 0 || at === -1) {
    yield report.groups.length === 0 ? `${text}\n` : `${JSON.stringify(report, null, 2)}\n`;
    return;
  }
  const open = at + GROUPS_PLACEHOLDER.length - 1; // the ']' of '[]'
  yield `${text.slice(0, open)}\n`;
  const last = report.groups.length - 1;
  for (let i = 0; i <= last; i++) {
    const group = JSON.stringify(report.groups[i], null, 2).replace(/\n/g, '\n    ');
    yield `    ${group}${i < last ? ',' : ''}\n`;
  }
  yield `  ${text.slice(open)}\n`;
}

const EXTENSIONS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.txt': 'table',
};

/** The extensions `-o` understands. */
export const OUTPUT_EXTENSIONS = Object.keys(EXTENSIONS);

/** The output format a file name implies (`.json`, `.md`/`.markdown`, `.csv`, `.txt` → table), case-insensitive. */
export function formatFromPath(path: string): OutputFormat | undefined {
  const m = /\.[^./\\]+$/.exec(path);
  return m === null ? undefined : EXTENSIONS[m[0].toLowerCase()];
}

export { csvChunks, renderCsv } from './csv.js';
export { renderMarkdown } from './markdown.js';
export { renderTable } from './table.js';
export { flattenKpis, type StatRow } from '../report/statistics.js';
