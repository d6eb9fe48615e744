import { readRows } from '../../src/read/index.js';
import type { AdaptOptions, Adapter, DerivedRejection, DerivedRow } from '../../src/adapt/types.js';
import { isRejection } from '../../src/adapt/types.js';

export const NO_LISTS: AdaptOptions = { bots: [], agents: [] };

/** Every record of a file through one adapter session: derived rows and rejections, in order. */
export async function adaptFile(
  adapter: Adapter,
  path: string,
  options: AdaptOptions = NO_LISTS,
): Promise<Array<(DerivedRow | DerivedRejection) & { line: number }>> {
  const session = adapter.start(options);
  const out: Array<(DerivedRow | DerivedRejection) & { line: number }> = [];
  for await (const raw of readRows(path)) {
    if (!raw.ok) throw new Error(`${path} line ${raw.line}: ${raw.reason}`);
    for (const x of session.adapt(raw.fields)) out.push({ ...x, line: raw.line });
  }
  return out;
}

/** Derived fields only, in a stable order (by conversation, time, message id), for comparing forms. */
export function fieldsSorted(rows: ReadonlyArray<DerivedRow | DerivedRejection>): Array<Record<string, unknown>> {
  const fields = rows.filter((r): r is DerivedRow => !isRejection(r)).map((r) => r.fields);
  const key = (f: Record<string, unknown>) => `${String(f['conversation_id'])}\u0000${Number(f['timestamp'])}\u0000${String(f['message_id'])}`;
  return fields.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
