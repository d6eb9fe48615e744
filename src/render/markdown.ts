/**
 * Markdown output (GitHub tables): title, context and data-quality lines, the headline KPIs
 * (value, 95 % CI, n), the question-types table (every row), a breakdown table when there are
 * groups, and the KPIs that are not available with their reason.
 */
import type { Report } from '../report/types.js';
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

/**
 * Makes text safe inside a table cell (and harmless in running text): backslashes, `|`, `[` and
 * `]` are escaped (so `![img](…)` and `[link](…)` from the data stay text), `<` becomes `&lt;`
 * (no raw HTML), line breaks become `<br>`, and other control characters (terminal escape
 * sequences) are written as `\xNN`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[|[\]]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\p{Cc}]/gu, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

type Align = 'left' | 'right';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A GitHub table; every cell is escaped. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  const rule = `| ${head.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function renderMarkdown(report: Report, kpis?: readonly string[]): string {
  const out: string[] = [
    `# ${REPORT_TITLE}`,
    escapeMarkdown(reportContext(report)),
    escapeMarkdown(reportSources(report)),
    `**Data quality:** ${escapeMarkdown(dataQualityLine(report.dataQuality))}`,
    ...dataQualityNotes(report.dataQuality).map((n) => `**${capitalize(n.label)}:** ${escapeMarkdown(n.text)}`),
  ];

  const headline = headlineRows(report.kpis, report.options.baseCurrency);
  if (headline.length > 0) {
    const rows = headline.map((r) => [
      r.sub === undefined ? r.title : `${r.title} · ${r.sub}`,
      r.reason === undefined ? r.value : `${r.value} (${r.reason})`,
      r.ci === '' ? '' : `${r.ci} %`,
      r.n,
    ]);
    out.push('## KPIs', markdownTable(['KPI', 'Value', '95 % CI', 'n'], rows, ['left', 'right', 'right', 'right']));
  }

  const intents = rowsTable(report.kpis);
  if (intents !== undefined) {
    out.push(`## ${escapeMarkdown(intents.title)}`, markdownTable(intents.head, intents.rows, intents.head.map((_, i) => (i === 0 ? 'left' : 'right'))));
  }

  const heatmap = heatmapTable(report.kpis);
  if (heatmap !== undefined) {
    out.push(
      `## Conversations by weekday and hour (${escapeMarkdown(report.options.tz)})`,
      markdownTable(heatmap.head, heatmap.rows, heatmap.head.map((_, i) => (i === 0 ? 'left' : 'right'))),
      escapeMarkdown(heatmap.peak),
    );
  }

  const groups = groupTable(report, kpis);
  if (groups !== undefined) {
    const dims = report.options.by.length;
    out.push(
      `## By ${report.options.by.join(' × ')}`,
      markdownTable(
        groups.head,
        groups.rows.map((r, i) => r.map((c) => (i === groups.rows.length - 1 && c.text !== '' ? `**${c.text}**` : c.text))),
        groups.head.map((_, i) => (i < dims ? 'left' : 'right')),
      ),
      groups.notes.map(escapeMarkdown).join(' · '),
    );
  }

  const unavailable = unavailableKpis(report.kpis);
  if (unavailable.length > 0) {
    out.push('## Not available', unavailable.map((u) => `- **${escapeMarkdown(u.title)}**: ${escapeMarkdown(u.reason)}`).join('\n'));
  }
  return out.join('\n\n') + '\n';
}
