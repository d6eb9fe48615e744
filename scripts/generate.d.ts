/**
 * Types of scripts/generate.js (plain ESM JavaScript; tsconfig has no allowJs, so TypeScript
 * importers — tests, the benchmark — see these declarations).
 */

export type Role = 'customer' | 'bot' | 'agent' | 'system';
export type NonMessageEvent = 'handoff' | 'resolved' | 'csat' | 'close';

/** Options shared by generateRows and generateOrders; the same options give the same data. */
export interface GenerateOptions {
  /** Number of conversations (non-negative integer). */
  conversations: number;
  /** 32-bit seed (taken `>>> 0`). */
  seed: number;
  /** Text on every message; otherwise about 88 % of messages carry text. Changes nothing else. */
  text?: boolean;
  /** First day of the ~6-week span; ISO string, epoch ms or Date. Default 2025-01-06T00:00:00Z. */
  start?: string | number | Date;
  /**
   * 'canonical' (default): ISO UTC timestamps in whole seconds and every field on every row.
   * 'realistic': the same conversations as platforms export them — per conversation one timestamp
   * form (ISO with milliseconds, with a +08:00 or -05:00 offset, epoch ms, epoch seconds with or
   * without a fraction), optional fields and csat answers only as often as platforms export them,
   * and the NL (Dutch) and SG (Chinese) markets besides. See bench/README.md.
   */
  profile?: 'canonical' | 'realistic';
}

/**
 * A transcript row with the canonical field names of docs/definitions.md §1. Absent fields are
 * omitted. Message rows have `role` and no `event` (it defaults to message); event rows have
 * `event` and no `role`.
 */
export interface TranscriptRow {
  conversation_id: string;
  /**
   * ISO 8601 UTC with 'Z', whole seconds; with profile 'realistic' also ISO with milliseconds or an
   * offset, or an epoch number (milliseconds, or seconds with or without a fraction).
   */
  timestamp: string | number;
  role?: Role;
  event?: NonMessageEvent;
  message_id?: string;
  text?: string;
  customer_id?: string;
  channel?: string;
  market?: string;
  language?: string;
  intent?: string;
  intent_confidence?: number;
  expected_intent?: string;
  fallback?: boolean;
  sentiment?: number;
  /** 1..5, or a thumb. */
  csat?: number | 'up' | 'down';
  resolved?: boolean;
  handoff?: boolean;
  cost?: number;
  /** Review fields on bot messages (answer quality). */
  answer_correct?: boolean;
  hallucination?: boolean;
  guardrail?: boolean;
  judge_correct?: boolean;
}

export interface OrderRow {
  order_id?: string;
  customer_id: string;
  timestamp: string;
  value: number;
  /** SGD only with profile 'realistic'. */
  currency: 'USD' | 'GBP' | 'EUR' | 'MXN' | 'JPY' | 'BRL' | 'SGD';
}

/** Canonical transcript fields, in JSON key and CSV column order. */
export const FIELDS: readonly (keyof TranscriptRow)[];
/** Order CSV columns. */
export const ORDER_FIELDS: readonly (keyof OrderRow)[];
export const DEFAULT_START: string;
export const SPAN_DAYS: number;

/** mulberry32 PRNG: uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number;

/** Lazily yields transcript rows; constant memory. */
export function generateRows(options: GenerateOptions): Generator<TranscriptRow, void, undefined>;

/** Lazily yields orders for customers of the conversations generateRows(options) makes. */
export function generateOrders(options: GenerateOptions): Generator<OrderRow, void, undefined>;

/** One RFC 4180 cell: quoted (quotes doubled) if it contains a comma, quote, CR or LF. */
export function csvCell(value: unknown): string;
/** One CSV record of `fields`, ending in '\n'. */
export function csvLine(row: object, fields: readonly string[]): string;

/** Writes JSON Lines to a file ('-' = stdout) with backpressure; resolves with the row count. */
export function writeJsonl(rows: Iterable<object>, path: string): Promise<number>;
/** Writes CSV (header + rows) with backpressure; resolves with the data-row count. */
export function writeCsv(rows: Iterable<object>, path: string, fields?: readonly string[]): Promise<number>;

/** The CLI; resolves with the exit code. */
export function main(argv: string[]): Promise<number>;
