/**
 * The adapt stage: one parsed record of a platform's export (a conversation document, a tracker,
 * a ticket with its comments, or one table row) → canonical event rows, each with where inside the
 * record it came from. Adapters are pure: no IO, no clock, no randomness.
 *
 * read (bytes → records) → adapt (records → canonical rows) → normalise (rows → events | rejections)
 */

/** A canonical event row derived from a record: field names are the canonical input fields. */
export interface DerivedRow {
  /** Where inside the record the row came from, e.g. `conversation_parts[3]`; '' for the record itself. */
  path: string;
  fields: Record<string, unknown>;
  /**
   * True when the row's timestamp is the document's (a message without a time of its own): its
   * order is known, its time is not, so KPIs that measure time between messages cannot use it.
   */
  documentTime?: boolean;
}

/** A record, or a part of one, that cannot be used: counted as a rejection with its reason. */
export interface DerivedRejection {
  path: string;
  reason: string;
  /** The offending value, when one value is to blame. */
  value?: unknown;
}

export type AdaptOutput = (DerivedRow | DerivedRejection)[];

export const isRejection = (x: DerivedRow | DerivedRejection): x is DerivedRejection => 'reason' in x;

export interface AdaptOptions {
  /** Author ids or names to treat as bots (platforms that mark an AI agent as a normal user). */
  bots: readonly string[];
  /** Author ids or names to treat as human agents. */
  agents: readonly string[];
  /** Action or event names that mean a handoff to a human (Rasa and similar); adapters have defaults. */
  handoffActions?: readonly string[];
}

/** The per-file state of an adapter (some shapes, like a table of tracker events, need what came before). */
export interface AdaptSession {
  adapt(record: Record<string, unknown>): AdaptOutput;
}

export interface Adapter {
  /** The `--input-format` name. */
  id: string;
  /** Human name, used in the "reading X as …" line. */
  title: string;
  /** Where the platform documents the shape. */
  docs: string;
  /** 'document': one record holds a whole conversation (or several); 'row': one record is one event. */
  granularity: 'document' | 'row';
  /** True when a sample record is of this shape. */
  detect(record: Record<string, unknown>): boolean;
  start(options: AdaptOptions): AdaptSession;
}
