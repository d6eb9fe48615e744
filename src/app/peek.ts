import { ADAPTERS } from '../adapt/index.js';
import { UsageError } from '../errors.js';
import { readBatches, type InputFormat } from '../read/index.js';
import { mapLine, matchColumns } from '../schema/columns.js';
import type { Field } from '../schema/fields.js';

/** How many rows a peek at a file's head reads. */
const PEEK_ROWS = 1000;

/** The first rows of a file (about PEEK_ROWS) and their column names (the CSV header; the keys of the first JSON objects). */
export async function peekRows(
  file: string,
  format: InputFormat | undefined,
  stdin?: NodeJS.ReadableStream,
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const columns = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readBatches(file, { ...(format === undefined ? {} : { format }), ...(stdin === undefined ? {} : { stdin }) })) {
    for (const row of batch) {
      if (!row.ok) continue;
      rows.push(row.fields);
      for (const key of Object.keys(row.fields)) columns.add(key);
    }
    if (rows.length >= PEEK_ROWS) break;
  }
  return { columns: [...columns], rows };
}

export const peekColumns = async (file: string, format: InputFormat | undefined): Promise<string[]> => (await peekRows(file, format)).columns;

/**
 * Stops before reading a file whose columns lack required fields, naming all of them at once with
 * the file's columns and a `--map` line to paste.
 */
export async function checkColumns(file: string, format: InputFormat | undefined, map: Partial<Record<Field, string>>): Promise<void> {
  const { columns, rows } = await peekRows(file, format);
  if (columns.length === 0) return;
  // A platform export (Intercom, Rasa, …) is not flat rows: its adapter derives the fields.
  if (rows.slice(0, 5).some((r) => ADAPTERS.some((a) => a.id !== 'flat' && a.detect(r)))) return;
  const { missing, guesses } = matchColumns(columns, map);
  if (missing.length === 0) return;
  const fields = missing.length === 1 ? 'required field' : 'required fields';
  throw new UsageError(
    [
      `${file}: no column for the ${fields} ${missing.join(', ')}`,
      `its columns: ${columns.join(', ')}`,
      `map them, e.g.: ${mapLine(missing, guesses)}  (or write a config with: botkpi init --from ${file})`,
    ].join('\nbotkpi: '),
  );
}
