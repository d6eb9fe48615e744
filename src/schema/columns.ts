/**
 * Which input field each column of an export stands for, from its header alone: the user's mapping,
 * the canonical name, a known alias (names compared by `fieldKey`: `Ticket ID` is `ticket_id`), or
 * — only as a suggestion — a column whose name contains the field's name or an alias
 * (`Message body`) or is a near typo of one. Used to name every missing required field at once and
 * to write a config with the mapping (`botkpi init --from`).
 */
import { suggest } from '../suggest.js';
import { FIELD_ALIASES, FIELDS, fieldKey, type Field } from './fields.js';

/** Fields a transcript export cannot do without (role: unless it has an event column). */
export const REQUIRED_FIELDS: readonly Field[] = ['conversation_id', 'timestamp', 'role'];

export interface ColumnMatch {
  /** Field → the column it is read from, for every field the columns provide. */
  found: Partial<Record<Field, string>>;
  /** Found through an alias (not the canonical name): worth writing down in a config. */
  viaAlias: Partial<Record<Field, string>>;
  /** Required fields no column provides. */
  missing: Field[];
  /** Field → a column that probably holds it, for missing fields. */
  guesses: Partial<Record<Field, string>>;
}

const names = (field: Field): string[] => [field, ...FIELD_ALIASES[field]];

function guess(field: Field, columns: readonly string[], taken: ReadonlySet<string>): string | undefined {
  const free = columns.filter((c) => !taken.has(c));
  const keys = free.map(fieldKey);
  // A column whose name holds the field's name or an alias as a word (`message_body`, `created_at_utc`).
  for (const name of names(field)) {
    const i = keys.findIndex((k) => k.split('_').join(' ').includes(name.split('_').join(' ')) && name.length >= 3);
    if (i !== -1) return free[i];
  }
  // A near typo of one.
  for (const name of names(field)) {
    const near = suggest(name, keys);
    if (near !== undefined && near.length >= 3) return free[keys.indexOf(near)];
  }
  return undefined;
}

/** Matches a header (column names) to the fields, with the user's `map` (field → column) first. */
export function matchColumns(columns: readonly string[], map: Partial<Record<Field, string>> = {}): ColumnMatch {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(fieldKey(c))) byKey.set(fieldKey(c), c);
  const mappedColumns = new Set(Object.values(map).filter((c): c is string => c !== undefined).map(fieldKey));
  const found: Partial<Record<Field, string>> = {};
  const viaAlias: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const mapped = map[field];
    if (mapped !== undefined) {
      const column = byKey.get(fieldKey(mapped));
      if (column !== undefined) found[field] = column;
      continue;
    }
    for (const [i, name] of names(field).entries()) {
      const column = byKey.get(name);
      // A column the user mapped to another field does not also stand for its own name.
      if (column === undefined || mappedColumns.has(name)) continue;
      found[field] = column;
      if (i > 0 || column !== field) viaAlias[field] = column;
      break;
    }
  }
  // Without a role column every row must be an event (handoff, resolved, csat…), so an event column will do.
  const missing = REQUIRED_FIELDS.filter((f) => found[f] === undefined && !(f === 'role' && found.event !== undefined));
  const taken = new Set(Object.values(found));
  const guesses: Partial<Record<Field, string>> = {};
  for (const field of missing) {
    const g = guess(field, columns, taken);
    if (g !== undefined) {
      guesses[field] = g;
      taken.add(g);
    }
  }
  return { found, viaAlias, missing, guesses };
}

/** `--map conversation_id=Ticket --map 'role=Sent by'`: shell-quoted when the column needs it. */
export function mapLine(missing: readonly Field[], guesses: Partial<Record<Field, string>>): string {
  const quote = (arg: string): string => (/^[\w.=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return missing.map((f) => `--map ${quote(`${f}=${guesses[f] ?? 'COLUMN'}`)}`).join(' ');
}
