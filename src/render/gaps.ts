/**
 * The knowledge-gap report in every format: JSON (the model), a terminal table, Markdown and CSV
 * (one row per group). Pure: report in, text out.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { GapGroup, GapReport } from '../report/gaps.js';
import { csvLine } from './csv.js';
import { NONE_LABEL } from '../report/statistics.js';
import { formatFraction, formatInt, formatInterval, formatPercent } from './format.js';
import { escapeMarkdown, markdownTable } from './markdown.js';
import { rowCountsText } from './summary.js';
import { sanitize } from './table.js';
import type { OutputFormat } from './index.js';

export const GAPS_TITLE = 'botkpi gaps: customer questions the bot did not answer';
/** Groups shown in the terminal unless --top says otherwise. */
export const GAPS_SHOWN = 25;
const MAX_CELL = 60;

const cut = (text: string, max = MAX_CELL): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function summary(r: GapReport): string {
  const g = r.gaps;
  const interval = g.ci95 === null ? '' : ` (95 % CI ${formatInterval(g.ci95)} %)`;
  return [
    `unanswered ${formatFraction(g.numerator, g.denominator)} customer messages, ${formatPercent(g.value)}${interval}`,
    `answered by a fallback ${formatInt(r.reasons.fallback)}`,
    `handed to a human first ${formatInt(r.reasons.handoff)}`,
    `no reply ${formatInt(r.reasons.no_reply)}`,
    `without text ${formatInt(r.withoutText)}`,
    `${formatInt(r.groups.length)} groups`,
  ].join(' · ');
}

function context(r: GapReport): string {
  const o = r.options;
  return [
    `${r.tool.name} ${r.tool.version}`,
    `tz ${o.tz}`,
    ...(o.since === null ? [] : [`since ${o.since}`]),
    ...(o.until === null ? [] : [`until ${o.until}`]),
    ...o.where.map((w) => `where ${w}`),
  ].join(' · ');
}

const HEAD = ['#', 'Intent', 'Lang', 'Question (normalised)', 'Conversations', 'Customers', 'Messages', 'Share', 'Examples'];

function cells(g: GapGroup): string[] {
  return [
    String(g.rank),
    g.intent ?? NONE_LABEL,
    g.language ?? NONE_LABEL,
    g.question,
    formatInt(g.conversations),
    formatInt(g.customers),
    formatInt(g.messages),
    formatPercent(g.share),
    g.examples.join(' / '),
  ];
}

function dataQuality(r: GapReport): string {
  return `${rowCountsText(r.dataQuality)} · conversations ${formatInt(r.dataQuality.conversations)} · in scope ${formatInt(r.dataQuality.conversationsInScope)}`;
}

export function renderGapsTable(r: GapReport, options: { color: boolean; limit: number }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out = [c.bold(GAPS_TITLE), c.dim(sanitize(context(r))), `${c.dim('data quality:')} ${sanitize(dataQuality(r))}`, sanitize(summary(r))];
  const shown = r.groups.slice(0, options.limit);
  if (shown.length > 0) {
    const table = new Table({
      head: HEAD.map((h) => c.bold(h)),
      colAligns: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
      style: { head: [], border: [], compact: true },
    });
    for (const g of shown) table.push(cells(g).map((cell, i) => (i === 3 || i === 8 ? cut(sanitize(cell)) : sanitize(cell))));
    out.push('', table.toString());
    if (r.groups.length > shown.length) out.push(c.dim(`… ${r.groups.length - shown.length} more (--top N, or --format json/csv for all)`));
  }
  return out.join('\n') + '\n';
}

export function renderGapsMarkdown(r: GapReport): string {
  const out = [`# ${GAPS_TITLE}`, escapeMarkdown(context(r)), `**Data quality:** ${escapeMarkdown(dataQuality(r))}`, escapeMarkdown(summary(r))];
  if (r.groups.length > 0) {
    out.push(
      markdownTable(
        [...HEAD, 'Conversation ids'],
        r.groups.map((g) => [...cells(g), g.conversation_ids.join(', ')]),
        ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left'],
      ),
    );
  }
  return out.join('\n\n') + '\n';
}

export const GAP_CSV_COLUMNS = [
  'rank', 'intent', 'language', 'question', 'conversations', 'customers', 'messages', 'share',
  'fallback', 'handoff', 'no_reply', 'examples', 'conversation_ids',
] as const;

/** One row per group; examples joined with ` | `, conversation ids with spaces; a missing label is empty. */
export function renderGapsCsv(r: GapReport): string {
  const rows = r.groups.map((g) =>
    csvLine([
      g.rank, g.intent, g.language, g.question, g.conversations, g.customers, g.messages, g.share,
      g.reasons.fallback, g.reasons.handoff, g.reasons.no_reply, g.examples.join(' | '), g.conversation_ids.join(' '),
    ]),
  );
  return csvLine(GAP_CSV_COLUMNS) + rows.join('');
}

export function renderGaps(r: GapReport, format: OutputFormat, options: { color: boolean; limit: number }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'csv':
      return renderGapsCsv(r);
    case 'md':
      return renderGapsMarkdown(r);
    case 'table':
      return renderGapsTable(r, options);
  }
}
