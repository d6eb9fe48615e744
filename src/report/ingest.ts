import { ConversationAssembler, type AssembleOptions } from '../conversations/assemble.js';
import type { Conversation, RawRow } from '../model.js';
import type { RowCounts } from './types.js';
import type { Field } from '../schema/fields.js';
import { RowNormaliser, type NormaliseOptions } from '../schema/normalise.js';
import { normaliseOrder, type Order, type OrderOptions } from '../schema/orders.js';

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

export type { RowCounts };

export interface IngestHooks {
  /** Called for every rejected row, in input order (e.g. to write `--rejects`). */
  onReject?: (rejection: Rejection) => void | Promise<void>;
}

type Normalised<T> = { ok: true; event: T } | { ok: false; reason: string; value?: unknown };

/**
 * The accounting loop shared by transcripts and orders: every row read is used, rejected with a
 * reason, or counted as a duplicate of an earlier row with the same key (sources in argument order).
 */
async function account<T>(
  sources: Iterable<AsyncIterable<RawRow>>,
  normalise: (fields: Record<string, unknown>) => Normalised<T>,
  duplicateKey: (item: T) => string | undefined,
  use: (item: T) => void,
  hooks: IngestHooks,
): Promise<RowCounts> {
  const seen = new Set<string>();
  const counts: RowCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, duplicates: 0, rejectedByReason: {} };
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
      const result = normalise(raw.fields);
      if (!result.ok) {
        const rejection: Rejection = { file: raw.file, line: raw.line, reason: result.reason, row: raw.fields };
        if (result.value !== undefined) rejection.value = result.value;
        await reject(rejection);
        continue;
      }
      const key = duplicateKey(result.event);
      if (key !== undefined) {
        if (seen.has(key)) {
          counts.duplicates++;
          continue;
        }
        seen.add(key);
      }
      counts.rowsUsed++;
      use(result.event);
    }
  }
  return counts;
}

export interface Ingested {
  /** Conversations with at least one message, in the whole input, ordered by start. */
  conversations: Conversation[];
  conversationsWithoutMessages: number;
  /** Fields that had a value on at least one valid row. */
  fields: ReadonlySet<Field>;
  counts: RowCounts;
  /** Customer messages by how their sentiment was obtained. */
  sentiment: { given: number; computed: number; unscored: number };
}

/** Normalises transcript rows and assembles them into conversations. */
export async function ingest(
  sources: Iterable<AsyncIterable<RawRow>>,
  options: NormaliseOptions & AssembleOptions,
  hooks: IngestHooks = {},
): Promise<Ingested> {
  const normaliser = new RowNormaliser(options);
  const assembler = new ConversationAssembler(options);
  let seq = 0;
  const counts = await account(
    sources,
    (fields) => normaliser.normalise(fields),
    (e) => (e.messageId === undefined ? undefined : `${e.conversationId}\u0000${e.messageId}`),
    (e) => assembler.add({ ...e, seq: seq++ }),
    hooks,
  );
  const { conversations, withoutMessages, sentiment } = assembler.finish();
  const fields = new Set(normaliser.presentFields);
  // Sentiment scored from text makes the sentiment KPIs applicable, like a given field would.
  if (sentiment.computed > 0) fields.add('sentiment');
  return {
    conversations,
    conversationsWithoutMessages: withoutMessages,
    fields,
    counts,
    sentiment,
  };
}

export interface IngestedOrders {
  orders: Order[];
  counts: RowCounts;
}

/** Normalises order rows; a repeated order_id is a duplicate (the first is kept). */
export async function ingestOrders(
  sources: Iterable<AsyncIterable<RawRow>>,
  options: OrderOptions,
  hooks: IngestHooks = {},
): Promise<IngestedOrders> {
  const orders: Order[] = [];
  const counts = await account(
    sources,
    (fields) => normaliseOrder(fields, options),
    (o) => o.orderId,
    (o) => orders.push(o),
    hooks,
  );
  return { orders, counts };
}
