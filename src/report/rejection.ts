/** A row that failed the schema, with where it came from and why. */
export interface Rejection {
  file: string;
  line: number;
  /** The path inside the document, for a row an adapter derived (e.g. `conversation_parts[3]`). */
  path?: string;
  reason: string;
  /** The offending value, when one field is to blame. */
  value?: unknown;
  /** The row as read (object of fields, array of CSV cells, or the raw line). */
  row: unknown;
}

/** The rejection of the row read at `at` (file, line, path inside its document) for `reason`. */
export function rejectionOf(at: { file: string; line: number; path?: string | undefined }, reason: string, row: unknown, value?: unknown): Rejection {
  const rejection: Rejection = { file: at.file, line: at.line, reason, row };
  if (at.path !== undefined) rejection.path = at.path;
  if (value !== undefined) rejection.value = value;
  return rejection;
}
