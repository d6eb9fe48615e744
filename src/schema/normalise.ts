import type { z } from 'zod';
import type { Event } from '../model.js';
import * as codec from './codecs.js';
import { FIELD_ALIASES, FIELDS, fieldKey, type Field } from './fields.js';
import { valueKey, type ValueMap } from './value-map.js';
import { parseTimestamp } from './timestamp.js';

export interface NormaliseOptions {
  /** IANA zone for ISO timestamps without an offset. */
  tz: string;
  /** Numeric CSAT scale S: ratings must lie in 1..S. */
  csatScale: number;
  /** User mapping: canonical field → column name in the export. */
  map?: Partial<Record<Field, string>>;
  /** Value mapping (`--map-value`), applied to picked values before they are validated. */
  mapValues?: ValueMap;
}

/** A normalised row before it is given its input position. */
export type NormalisedRow = Omit<Event, 'seq'>;

export type NormaliseResult =
  | { ok: true; event: NormalisedRow }
  /** `value` is the offending raw value, when one field is to blame. */
  | { ok: false; reason: string; value?: unknown };

/** What a normaliser has seen: fields with a value on a valid row, a resolved event, mapped columns. */
export interface NormaliserSummary {
  seen: Uint8Array;
  resolvedEventSeen: boolean;
  mappedSeen: string[];
}

type Priority = 0 | 1 | 2;
interface KeyMatch {
  /** Index of the field in FIELDS. */
  index: number;
  priority: Priority;
}

/**
 * Fields checked in the rejection order of docs/definitions.md §1, after the required ones. `judge_correct` is not
 * in that order: it is checked after the last field the order names, so it never changes the
 * reason of a row the definitions reject.
 */
const VALIDATED_IN_ORDER = [
  'csat',
  'cost',
  'fallback',
  'resolved',
  'handoff',
  'answer_correct',
  'hallucination',
  'guardrail',
  'intent_confidence',
  'sentiment',
  'judge_correct',
] as const;

/** Fields whose values repeat a lot: their codec results are memoised by raw value. */
const MEMO_LIMIT = 10_000;

const INDEX = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && (v === '' || v.trim() === ''));
}

/**
 * An id or text: a string as it is; numbers and booleans through the codec; undefined for what
 * cannot be text (an object or array) and for integers beyond 2^53, which JSON.parse has already
 * rounded (two different ids would become one: quote them in the export).
 */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) return undefined;
  const r = codec.text.safeParse(v);
  return r.success ? r.data : undefined;
}

/**
 * Characters of a message's text kept for analysis (sentiment scoring, language detection): the
 * rest is never looked at, so one huge message costs no more than this.
 */
export const MAX_TEXT_CHARS = 10_000;

/** The first MAX_TEXT_CHARS characters, without splitting a surrogate pair. */
function capText(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const high = text.charCodeAt(MAX_TEXT_CHARS - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS);
}

/** Text fields checked after that order: a value that cannot be text rejects the row. */
const TEXT_FIELDS = ['message_id', 'text', 'customer_id', 'channel', 'market', 'language', 'intent', 'expected_intent'] as const;

/**
 * Turns raw rows (field name → value) into events or a rejection reason, per docs/definitions.md §1:
 * case-insensitive field names, aliases, user mapping, and one reason per bad row, the first that
 * applies in that order.
 */
export class RowNormaliser {
  private readonly keyCache = new Map<string, KeyMatch | null>();
  private readonly lookup = new Map<string, KeyMatch>();
  private readonly codecs: Record<(typeof VALIDATED_IN_ORDER)[number], z.ZodType>;
  private readonly memo = new Map<z.ZodType, Map<unknown, z.ZodSafeParseResult<unknown>>>();
  /** Per field (by index): had a value on a valid row. */
  private readonly seen = new Uint8Array(FIELDS.length);
  private resolvedEventSeen = false;
  /** Mapped column names (as field keys) that occurred in some row. */
  readonly mappedSeen = new Set<string>();
  /** The picked values of the current row and the priority of the column each came from (reused). */
  private readonly values: unknown[] = new Array<unknown>(FIELDS.length).fill(undefined);
  private readonly priorities = new Int8Array(FIELDS.length);

  /** (field index, lookup) for every field with a value mapping; undefined without any. */
  private readonly valueMaps: [number, ReadonlyMap<string, string>][] | undefined;

  constructor(private readonly options: NormaliseOptions) {
    const maps = Object.entries(options.mapValues ?? {}).flatMap(([field, lookup]) =>
      lookup === undefined ? [] : [[INDEX[field as Field], lookup] as [number, ReadonlyMap<string, string>]],
    );
    this.valueMaps = maps.length > 0 ? maps : undefined;
    for (const field of FIELDS) {
      for (const alias of FIELD_ALIASES[field]) this.lookup.set(alias, { index: INDEX[field], priority: 2 });
    }
    for (const field of FIELDS) this.lookup.set(field, { index: INDEX[field], priority: 1 });
    for (const [field, column] of Object.entries(options.map ?? {})) {
      if (column !== undefined) this.lookup.set(fieldKey(column), { index: INDEX[field as Field], priority: 0 });
    }
    this.codecs = {
      csat: codec.csat(options.csatScale),
      cost: codec.cost,
      fallback: codec.booleanField('fallback'),
      resolved: codec.booleanField('resolved'),
      handoff: codec.booleanField('handoff'),
      answer_correct: codec.booleanField('answer_correct'),
      hallucination: codec.booleanField('hallucination'),
      guardrail: codec.booleanField('guardrail'),
      judge_correct: codec.booleanField('judge_correct'),
      intent_confidence: codec.boundedNumber('intent_confidence', 0, 1),
      sentiment: codec.boundedNumber('sentiment', -1, 1),
    };
  }

  /** Fields that had a value on at least one valid row. */
  get presentFields(): ReadonlySet<Field> {
    const fields = new Set(FIELDS.filter((_, i) => this.seen[i] === 1));
    if (this.resolvedEventSeen) fields.add('resolved');
    return fields;
  }

  /** What this normaliser has seen, to be merged into another's (rows normalised on another thread). */
  summary(): NormaliserSummary {
    return { seen: Uint8Array.from(this.seen), resolvedEventSeen: this.resolvedEventSeen, mappedSeen: [...this.mappedSeen] };
  }

  /** Adds what another normaliser has seen (presentFields, mappedSeen). */
  absorb(summary: NormaliserSummary): void {
    summary.seen.forEach((v, i) => {
      if (v === 1) this.seen[i] = 1;
    });
    if (summary.resolvedEventSeen) this.resolvedEventSeen = true;
    for (const key of summary.mappedSeen) this.mappedSeen.add(key);
  }

  private match(key: string): KeyMatch | null {
    let m = this.keyCache.get(key);
    if (m === undefined) {
      // A column the user mapped to another field no longer stands for its own name.
      m = this.lookup.get(fieldKey(key)) ?? null;
      this.keyCache.set(key, m);
      if (m?.priority === 0) this.mappedSeen.add(fieldKey(key));
    }
    return m;
  }

  /**
   * Picks each field's value into `this.values` (absent values as undefined): user mapping first,
   * then the canonical name, then an alias.
   */
  private pick(raw: Record<string, unknown>): unknown[] {
    const values = this.values;
    const priorities = this.priorities;
    values.fill(undefined);
    for (const key in raw) {
      const m = this.match(key);
      if (m === null) continue;
      const i = m.index;
      // The same field twice at the same priority (a repeated or differently-cased column): the last wins.
      if (values[i] !== undefined && (priorities[i] as number) < m.priority) continue;
      priorities[i] = m.priority;
      values[i] = raw[key] ?? null; // null keeps the place of a higher-priority absent value
    }
    for (let i = 0; i < values.length; i++) if (isAbsent(values[i])) values[i] = undefined;
    if (this.valueMaps !== undefined) {
      for (const [i, lookup] of this.valueMaps) {
        const v = values[i];
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
        const to = lookup.get(valueKey(String(v)));
        if (to !== undefined) values[i] = to;
      }
    }
    return values;
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, memoise: boolean): z.ZodSafeParseResult<T> {
    if (!memoise) return schema.safeParse(value);
    let cache = this.memo.get(schema);
    if (cache === undefined) this.memo.set(schema, (cache = new Map()));
    let r = cache.get(value);
    if (r === undefined) {
      r = schema.safeParse(value);
      if (cache.size < MEMO_LIMIT) cache.set(value, r);
    }
    return r as z.ZodSafeParseResult<T>;
  }

  /** A label field's value (trimmed text), memoised. */
  private label(value: unknown, schema: z.ZodType<string> = codec.label): string | undefined {
    return value === undefined ? undefined : (this.parse(schema, value, true).data as string);
  }

  normalise(raw: Record<string, unknown>): NormaliseResult {
    const v = this.pick(raw);
    const conversationId = v[INDEX.conversation_id];
    const timestamp = v[INDEX.timestamp];
    const eventValue = v[INDEX.event];
    const roleValue = v[INDEX.role];
    if (conversationId === undefined) return { ok: false, reason: 'missing conversation_id' };
    const id = textOf(conversationId);
    if (id === undefined) return { ok: false, reason: 'invalid conversation_id', value: conversationId };
    if (timestamp === undefined) return { ok: false, reason: 'missing timestamp' };
    const ts = parseTimestamp(timestamp, this.options.tz);
    if (Number.isNaN(ts)) return { ok: false, reason: 'invalid timestamp', value: timestamp };

    const kindResult = eventValue === undefined ? undefined : this.parse(codec.event, eventValue, true);
    const kind = kindResult === undefined ? 'message' : kindResult.success ? kindResult.data : undefined;
    if (kind === 'message' && roleValue === undefined) return { ok: false, reason: 'missing role' };
    let role: Event['role'];
    if (roleValue !== undefined) {
      const r = this.parse(codec.role, roleValue, true);
      if (!r.success) return { ok: false, reason: 'unknown role', value: roleValue };
      role = r.data;
    }
    if (kind === undefined) return { ok: false, reason: 'unknown event', value: eventValue };

    const parsed: Partial<Record<(typeof VALIDATED_IN_ORDER)[number], unknown>> = {};
    for (const field of VALIDATED_IN_ORDER) {
      const value = v[INDEX[field]];
      if (value === undefined) continue;
      const r = this.parse(this.codecs[field], value, field !== 'cost' && field !== 'sentiment');
      if (!r.success) {
        return { ok: false, reason: r.error.issues[0]?.message ?? `invalid ${field}`, value };
      }
      parsed[field] = r.data;
    }

    for (const field of TEXT_FIELDS) {
      const value = v[INDEX[field]];
      if (value !== undefined && textOf(value) === undefined) return { ok: false, reason: `invalid ${field}`, value };
    }
    const messageId = v[INDEX.message_id];
    const text = v[INDEX.text];
    const customerId = v[INDEX.customer_id];
    // Every event has all properties (undefined when absent): one object shape for the whole run.
    const event: NormalisedRow = {
      conversationId: id,
      ts,
      kind,
      role,
      messageId: messageId === undefined ? undefined : textOf(messageId),
      text: text === undefined ? undefined : capText(textOf(text) as string),
      customerId: customerId === undefined ? undefined : typeof customerId === 'string' ? customerId.trim() : codec.label.parse(customerId),
      channel: this.label(v[INDEX.channel]),
      market: this.label(v[INDEX.market]),
      language: this.label(v[INDEX.language], codec.language),
      intent: this.label(v[INDEX.intent]),
      intentConfidence: parsed.intent_confidence as number | undefined,
      expectedIntent: this.label(v[INDEX.expected_intent]),
      fallback: parsed.fallback as boolean | undefined,
      sentiment: parsed.sentiment as number | undefined,
      csat: parsed.csat as Event['csat'],
      resolved: parsed.resolved as boolean | undefined,
      handoff: parsed.handoff as boolean | undefined,
      cost: parsed.cost as number | undefined,
      answerCorrect: parsed.answer_correct as boolean | undefined,
      hallucination: parsed.hallucination as boolean | undefined,
      guardrail: parsed.guardrail as boolean | undefined,
      judgeCorrect: parsed.judge_correct as boolean | undefined,
    };
    const seen = this.seen;
    for (let i = 0; i < v.length; i++) if (v[i] !== undefined) seen[i] = 1;
    if (kind === 'resolved') this.resolvedEventSeen = true;
    return { ok: true, event };
  }
}
