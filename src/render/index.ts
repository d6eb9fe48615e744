/** Renderers: pure functions from the report model to the text the CLI writes. */
import type { Report } from '../report/types.js';
import { renderCsv } from './csv.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export type OutputFormat = 'table' | 'json' | 'md' | 'csv';

export interface RenderOptions {
  /** ANSI colour in the table format (ignored by the others). */
  color: boolean;
}

export function render(report: Report, format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    case 'table':
      return renderTable(report, { color: options.color });
  }
}

const EXTENSIONS: Record<string, OutputFormat> = {
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.txt': 'table',
};

/** The output format a file name implies (`.json`, `.md`/`.markdown`, `.csv`, `.txt` → table), case-insensitive. */
export function formatFromPath(path: string): OutputFormat | undefined {
  const m = /\.[^./\\]+$/.exec(path);
  return m === null ? undefined : EXTENSIONS[m[0].toLowerCase()];
}

export { renderCsv } from './csv.js';
export { renderMarkdown } from './markdown.js';
export { renderTable } from './table.js';
export { flattenKpis, type StatRow } from './flatten.js';
