/**
 * Fitting terminal tables into a width (columns of the terminal, or 80). In order, until the table
 * fits: headers wrap at spaces; cells whose text has ` · ` parts wrap there (a wide cell becomes
 * several lines); columns move into further tables that repeat the key columns; label columns are
 * cut with `…` only when even one column beside them would not fit. Layout works on plain text; colour is applied to the laid-out cells.
 */
import Table from 'cli-table3';

export type Align = 'left' | 'right';

/** Display width of plain text (one column per code point; the tables use no wide characters). */
export const textWidth = (text: string): number => [...text].length;

/** Characters a table adds around its columns: a border before each column and one at the end, one space each side. */
const frame = (columns: number): number => 3 * columns + 1;

const longestWord = (text: string): number => Math.max(0, ...text.split(/\s+/).map(textWidth));

/** Breaks a header at spaces into lines of at most `width`. */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && textWidth(line) + 1 + textWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Joins ` · ` parts into lines of at most `width` (later lines indented by two spaces); cuts a part that is wider. */
export function wrapParts(text: string, width: number): string {
  const parts = text.split(' · ');
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const prefix = lines.length === 0 ? '' : '  ';
    if (line !== '' && textWidth(prefix + line) + 3 + textWidth(part) > width) {
      lines.push(prefix + line);
      line = part;
    } else line = line === '' ? part : `${line} · ${part}`;
  }
  lines.push((lines.length === 0 ? '' : '  ') + line);
  return lines.map((l) => cut(l, width)).join('\n');
}

/** Text cut to `width` with a trailing `…`. */
export function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

/** Text cut to `width` in the middle, keeping its start and (the longer part) its end: `intents.int…containment_rate`. */
export function cutMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  const head = Math.floor((width - 1) / 3);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (width - 1 - head)).join('')}`;
}

const cellWidth = (text: string): number => Math.max(0, ...text.split('\n').map(textWidth));

export interface FitSpec {
  head: readonly string[];
  rows: readonly (readonly string[])[];
  align: readonly Align[];
  /** The first `keys` columns identify a row: they are repeated when columns move to another table. */
  keys: number;
  /** Columns whose ` · ` parts may wrap onto several lines. */
  wrap?: readonly number[];
  /** Cut key columns down to this width before moving columns (when the other columns belong together). */
  cutKeysTo?: number;
  width: number;
}

export interface FittedTable {
  head: string[];
  rows: string[][];
  align: Align[];
  widths: number[];
}

/** Lays a table out within `spec.width`: one table when it fits, else several that repeat the key columns. */
export function fitTable(spec: FitSpec): FittedTable[] {
  const n = spec.head.length;
  const natural = Array.from({ length: n }, (_, i) =>
    Math.max(cellWidth(spec.head[i] ?? ''), ...spec.rows.map((r) => cellWidth(r[i] ?? ''))),
  );
  const minimal = Array.from({ length: n }, (_, i) =>
    Math.max(longestWord(spec.head[i] ?? ''), ...spec.rows.map((r) => (spec.wrap?.includes(i) ? 0 : cellWidth(r[i] ?? '')))),
  );
  const widths = [...natural];
  const total = (ws: readonly number[]): number => ws.reduce((a, b) => a + b, 0) + frame(ws.length);

  // 0. When the other columns belong together, cut key columns first (down to cutKeysTo).
  if (spec.cutKeysTo !== undefined) {
    for (let i = 0; i < spec.keys && total(widths) > spec.width; i++) {
      widths[i] = Math.max(Math.min(spec.cutKeysTo, widths[i] ?? 0), (widths[i] ?? 0) - (total(widths) - spec.width));
    }
  }
  // 1. Wrap headers and wrappable cells down to their minimum, widest first.
  for (const i of [...widths.keys()].sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))) {
    const over = total(widths) - spec.width;
    if (over <= 0) break;
    const floor = spec.wrap?.includes(i) ? Math.max(minimal[i] ?? 0, 16) : (minimal[i] ?? 0);
    widths[i] = Math.max(floor, (widths[i] ?? 0) - over);
  }
  // 2. Cut key (label) columns, down to 10 characters, only as far as the keys and the widest other column need.
  const keyWidths = (): number[] => widths.slice(0, spec.keys);
  const widestOther = Math.max(0, ...widths.slice(spec.keys));
  const needed = (): number => total([...keyWidths(), ...(n > spec.keys ? [widestOther] : [])]);
  for (let i = 0; i < spec.keys && needed() > spec.width; i++) {
    widths[i] = Math.max(Math.min(10, widths[i] ?? 0), (widths[i] ?? 0) - (needed() - spec.width));
  }
  // 3. Move the other columns into as many tables as it takes.
  const keyCols = [...Array(spec.keys).keys()];
  const chunks: number[][] = [];
  let current: number[] = [];
  for (let i = spec.keys; i < n; i++) {
    const candidate = [...keyCols, ...current, i];
    if (current.length > 0 && total(candidate.map((c) => widths[c] ?? 0)) > spec.width) {
      chunks.push(current);
      current = [i];
    } else current.push(i);
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);

  const layCell = (text: string, i: number): string => {
    const w = widths[i] ?? 0;
    if (spec.wrap?.includes(i)) return wrapParts(text, w);
    if (spec.cutKeysTo !== undefined && i < spec.keys) return cutMiddle(text, w);
    return text.split('\n').map((l) => cut(l, w)).join('\n');
  };
  return chunks.map((chunk) => {
    const cols = [...keyCols, ...chunk];
    return {
      head: cols.map((i) => wrapWords(spec.head[i] ?? '', widths[i] ?? 0)),
      rows: spec.rows.map((r) => cols.map((i) => layCell(r[i] ?? '', i))),
      align: cols.map((i) => spec.align[i] ?? 'left'),
      widths: cols.map((i) => widths[i] ?? 0),
    };
  });
}

/** A laid-out table as text; `paint` colours a cell (row index, column index in the fitted table). */
export function drawTable(t: FittedTable, bold: (s: string) => string, paint: (text: string, row: number, col: number) => string = (s) => s): string {
  const table = new Table({
    head: t.head.map((h) => h.split('\n').map(bold).join('\n')),
    colAligns: t.align,
    colWidths: t.widths.map((w) => w + 2),
    style: { head: [], border: [], compact: true },
    wordWrap: false,
  });
  t.rows.forEach((r, ri) => table.push(r.map((cell, ci) => cell.split('\n').map((l) => paint(l, ri, ci)).join('\n'))));
  return table.toString();
}
