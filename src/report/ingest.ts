import { ConversationAssembler, type AssembleOptions, type AssembleSettings, type TextFacts, type TextNeeds } from '../conversations/assemble.js';
import type { Conversation, Event, RawRow } from '../model.js';
import type { RowCounts } from './types.js';
import type { Field } from '../schema/fields.js';
import { RowNormaliser, type NormalisedRow, type NormaliseOptions } from '../schema/normalise.js';
import { normaliseOrder, type Order, type OrderOptions } from '../schema/orders.js';
import { readEvent, readFacts } from './prepared.js';
import { rangedFileOf, readRanged, type RangedConfig, type RangedFile } from './ranged.js';
import { rejectionOf, type Rejection } from './rejection.js';

export type { Rejection };
export type { RowCounts };

export interface IngestHooks {
  /** Called for every rejected row, in input order (e.g. to write `--rejects`). */
  onReject?: (rejection: Rejection) => void | Promise<void>;
}

type Normalised<T> = { ok: true; event: T } | { ok: false; reason: string; value?: unknown };

/**
 * Where the rows of the inputs go, each counted once as read: rejected with a reason, or valid —
 * then a duplicate of an earlier used row, or used (`extra`: what `use` gets beside the item).
 */
interface RowSink<T, X> {
  reject(rejection: Rejection): void | Promise<void>;
  accept(item: T, extra?: X): void | Promise<void>;
}

/**
 * The accounting loop shared by transcripts and orders: every row read is used, rejected with a
 * reason, or counted as a duplicate of an earlier used row (sources in argument order). A file read
 * in ranges on other threads (see ./ranged.ts) is handed to `ranged` with the same sink.
 */
async function account<T, X = never>(
  sources: Iterable<AsyncIterable<RawRow | readonly RawRow[]>>,
  normalise: (fields: Record<string, unknown>) => Normalised<T>,
  isDuplicate: (item: T) => boolean,
  use: (item: T, extra?: X) => void | Promise<void>,
  hooks: IngestHooks,
  ranged?: (file: RangedFile, sink: RowSink<T, X>) => Promise<void>,
): Promise<RowCounts> {
  const counts: RowCounts = { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, duplicates: 0, rejectedByReason: {} };
  // Synchronous unless a hook or `use` returns a promise: no async step per row on the hot path.
  const sink: RowSink<T, X> = {
    reject(rejection) {
      counts.rowsRead++;
      counts.rowsRejected++;
      counts.rejectedByReason[rejection.reason] = (counts.rejectedByReason[rejection.reason] ?? 0) + 1;
      return hooks.onReject?.(rejection);
    },
    accept(item, extra) {
      counts.rowsRead++;
      if (isDuplicate(item)) {
        counts.duplicates++;
        return;
      }
      counts.rowsUsed++;
      return use(item, extra);
    },
  };
  const handle = (raw: RawRow): void | Promise<void> => {
    if (!raw.ok) return sink.reject(rejectionOf(raw, raw.reason, raw.raw, raw.value));
    const result = normalise(raw.fields);
    if (!result.ok) return sink.reject(rejectionOf(raw, result.reason, raw.fields, result.value));
    return sink.accept(result.event);
  };
  for (const source of sources) {
    for await (const item of source) {
      const file = rangedFileOf(item);
      if (file !== undefined) {
        if (ranged === undefined) throw new Error('a file read in ranges reached a reader of rows');
        await ranged(file, sink);
        continue;
      }
      for (const raw of Array.isArray(item) ? (item as readonly RawRow[]) : [item as RawRow]) {
        const pending = handle(raw);
        if (pending !== undefined) await pending;
      }
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
  /** Row accounting; with the documents read when an adapter derived the rows from documents. */
  counts: RowCounts & { documentsRead?: number; inputFormats?: Record<string, string> };
  /** Customer messages by how their sentiment was obtained. */
  sentiment: { given: number; computed: number; unscored: number };
  /** Latest timestamp of any valid transcript row (duplicates and event rows too); undefined without one. */
  dataEnd?: number;
  /** Episodes beyond the first of each conversation_id (`--split-after`), summed. */
  episodesSplit: number;
  /** Mapped column names (trimmed, lower-cased) that occurred in some row. */
  mappedColumns: ReadonlySet<string>;
}

/** Text analysis for assembly, with what an asynchronous scorer needs from its user. */
export interface TextAnalysis extends AssembleOptions {
  /** Resolves once every score requested through `scoreTextLater` has been delivered. */
  settle?: () => Promise<void>;
  /** Releases what the analysis holds (a worker thread); called once the run is over. */
  close?: () => Promise<void>;
}

/** Loads the text analysis a run needs (sentiment lexicons and language detection are heavy imports). */
export type TextAnalysisLoader = ((needs: TextNeeds) => Promise<TextAnalysis>) & {
  /**
   * True when the analysis it loads scores text: rows read on other threads are then scored
   * there (with the same scorer), and only their scores travel.
   */
  scoresText?: boolean;
};

export interface IngestOptions extends NormaliseOptions, AssembleSettings {
  /** Text analysis, loaded only when the data has text that needs it; none when absent. */
  textAnalysis?: TextAnalysisLoader;
  /** Keep the text of customer messages that are knowledge gaps (`botkpi gaps`). */
  keepQuestions?: boolean;
}

/** Normalises transcript rows and assembles them into conversations. */
export async function ingest(
  sources: Iterable<AsyncIterable<RawRow | readonly RawRow[]>>,
  options: IngestOptions,
  hooks: IngestHooks = {},
): Promise<Ingested> {
  const normaliser = new RowNormaliser(options);
  let analysis: AssembleOptions = options.keepQuestions === true ? { keepQuestions: true } : {};
  const assembler = new ConversationAssembler(analysis, options.splitAfterMs === undefined ? {} : { splitAfterMs: options.splitAfterMs });
  let dataEnd = -Infinity;
  const loaded: TextAnalysis[] = [];
  const load = async (needs: TextNeeds): Promise<void> => {
    if (options.textAnalysis === undefined) return;
    const missing: TextNeeds = {
      score: needs.score && analysis.scoreText === undefined && analysis.scoreTextLater === undefined,
      detect: needs.detect && analysis.detectLanguage === undefined,
    };
    if (!missing.score && !missing.detect) return;
    const more = await options.textAnalysis(missing);
    loaded.push(more);
    analysis = { ...analysis, ...more };
    assembler.useAnalysis(analysis);
  };
  try {
    let scorerRequested = options.textAnalysis === undefined;
    let seq = 0;
    /** The rows of a file read on other threads, in input order, through the same accounting and assembly. */
    const ranged = async (file: RangedFile, sink: RowSink<NormalisedRow, TextFacts>): Promise<void> => {
      const config: RangedConfig = {
        normalise: {
          tz: options.tz,
          csatScale: options.csatScale,
          ...(options.map === undefined ? {} : { map: options.map }),
          ...(options.mapValues === undefined ? {} : { mapValues: options.mapValues }),
        },
        scoreText: options.textAnalysis?.scoresText === true,
        keepQuestions: options.keepQuestions === true,
        allText: options.splitAfterMs !== undefined,
      };
      const batches = readRanged(file.plan, config);
      const facts: TextFacts = { replyKey: undefined, flags: 0, scored: false, score: undefined }; // reused: read at once
      for (let next = await batches.next(); ; next = await batches.next()) {
        if (next.done === true) {
          for (const summary of next.value) normaliser.absorb(summary);
          break;
        }
        const { rejections, events } = next.value;
        for (const r of rejections) {
          const pending = sink.reject(r);
          if (pending !== undefined) await pending;
        }
        for (let i = 0; i < events.n; i++) {
          const e = readEvent(events, i);
          if (e.ts > dataEnd) dataEnd = e.ts;
          const pending = sink.accept(e, readFacts(events, i, facts));
          if (pending !== undefined) await pending;
        }
        file.onRows?.(rejections.length + events.n, next.value.bytes);
      }
    };
    const counts = await account(
      sources,
      (fields) => {
        const result = normaliser.normalise(fields);
        if (result.ok && result.event.ts > dataEnd) dataEnd = result.event.ts;
        return result;
      },
      // Same conversation_id and message_id as an earlier row (the assembler knows the ids it has).
      (e) => assembler.isDuplicate(e),
      (row, facts?: TextFacts) => {
        const e = row as Event;
        e.seq = seq++;
        // The first message that can be scored as it comes loads the scorer (one read on another thread comes scored).
        if (!scorerRequested && facts === undefined && e.role === 'customer' && e.text !== undefined && e.sentiment === undefined) {
          scorerRequested = true;
          return load({ score: true, detect: false }).then(() => assembler.add(e));
        }
        assembler.add(e, facts);
      },
      hooks,
      ranged,
    );
    await load(assembler.textNeeds());
    const { conversations, withoutMessages, episodesSplit } = assembler.finish();
    for (const a of loaded) await a.settle?.();
    const sentiment = assembler.sentimentCounts;
    const fields = new Set(normaliser.presentFields);
    // Sentiment scored from text makes the sentiment KPIs applicable, like a given field would.
    if (sentiment.computed > 0) fields.add('sentiment');
    return {
      conversations,
      conversationsWithoutMessages: withoutMessages,
      fields,
      counts,
      sentiment,
      ...(dataEnd === -Infinity ? {} : { dataEnd }),
      episodesSplit,
      mappedColumns: normaliser.mappedSeen,
    };
  } finally {
    for (const a of loaded) await a.close?.();
  }
}

export interface IngestedOrders {
  orders: Order[];
  counts: RowCounts;
}

/** Normalises order rows; a repeated order_id is a duplicate (the first is kept). */
export async function ingestOrders(
  sources: Iterable<AsyncIterable<RawRow | readonly RawRow[]>>,
  options: OrderOptions,
  hooks: IngestHooks = {},
): Promise<IngestedOrders> {
  const orders: Order[] = [];
  const ids = new Set<string>();
  const counts = await account(
    sources,
    (fields) => normaliseOrder(fields, options),
    (o) => o.orderId !== undefined && ids.has(o.orderId),
    (o) => {
      if (o.orderId !== undefined) ids.add(o.orderId);
      orders.push(o);
    },
    hooks,
  );
  return { orders, counts };
}
