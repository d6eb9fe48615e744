import { ConversationAssembler } from '../conversations/assemble.js';
import type { Conversation, RawRow } from '../model.js';
import type { Field } from '../schema/fields.js';
import { RowNormaliser, type NormaliseOptions } from '../schema/normalise.js';

/** A row that failed the schema, with where it came from and why. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
  /** The offending value, when one field is to blame. */
  value?: unknown;
  /** The row as read (object of fields, array of CSV cells, or the raw line). */
  row: unknown;
}

export interface RowCounts {
  rowsRead: number;
  rowsUsed: number;
  rowsRejected: number;
  duplicates: number;
  rejectedByReason: Record<string, number>;
}

export interface Ingested {
  /** Conversations with at least one message, in the whole input, ordered by start. */
  conversations: Conversation[];
  conversationsWithoutMessages: number;
  /** Fields that had a value on at least one valid row. */
  fields: ReadonlySet<Field>;
  counts: RowCounts;
}

export interface IngestHooks {
  /** Called for every rejected row, in input order (e.g. to write `--rejects`). */
  onReject?: (rejection: Rejection) => void | Promise<void>;
}

/**
 * Normalises and assembles rows from sources read one after another (argument order). Every row
 * read is used, rejected with a reason, or counted as a duplicate.
 */
export async function ingest(
  sources: Iterable<AsyncIterable<RawRow>>,
  options: NormaliseOptions,
  hooks: IngestHooks = {},
): Promise<Ingested> {
  const normaliser = new RowNormaliser(options);
  const assembler = new ConversationAssembler();
  const seen = new Set<string>();
  const counts: RowCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, duplicates: 0, rejectedByReason: {} };
  let seq = 0;

  const reject = async (rejection: Rejection): Promise<void> => {
    counts.rowsRejected++;
    counts.rejectedByReason[rejection.reason] = (counts.rejectedByReason[rejection.reason] ?? 0) + 1;
    await hooks.onReject?.(rejection);
  };

  for (const source of sources) {
    for await (const raw of source) {
      counts.rowsRead++;
      if (!raw.ok) {
        await reject({ file: raw.file, line: raw.line, reason: raw.reason, row: raw.raw });
        continue;
      }
      const result = normaliser.normalise(raw.fields);
      if (!result.ok) {
        const rejection: Rejection = { file: raw.file, line: raw.line, reason: result.reason, row: raw.fields };
        if (result.value !== undefined) rejection.value = result.value;
        await reject(rejection);
        continue;
      }
      const event = result.event;
      if (event.messageId !== undefined) {
        const key = `${event.conversationId}\u0000${event.messageId}`;
        if (seen.has(key)) {
          counts.duplicates++;
          continue;
        }
        seen.add(key);
      }
      counts.rowsUsed++;
      assembler.add({ ...event, seq: seq++ });
    }
  }
  const { conversations, withoutMessages } = assembler.finish();
  return {
    conversations,
    conversationsWithoutMessages: withoutMessages,
    fields: normaliser.presentFields,
    counts,
  };
}
