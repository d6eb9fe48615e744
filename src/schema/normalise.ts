import type { z } from 'zod';
import type { Event } from '../model.js';
import * as codec from './codecs.js';
import { FIELD_ALIASES, FIELDS, fieldKey, type Field } from './fields.js';
import { parseTimestamp } from './timestamp.js';

export interface NormaliseOptions {
  /** IANA zone for ISO timestamps without an offset. */
  tz: string;
  /** Numeric CSAT scale S: ratings must lie in 1..S. */
  csatScale: number;
  /** User mapping: canonical field → column name in the export. */
  map?: Partial<Record<Field, string>>;
}

/** A normalised row before it is given its input position. */
export type NormalisedRow = Omit<Event, 'seq'>;

export type NormaliseResult =
  | { ok: true; event: NormalisedRow }
  /** `value` is the offending raw value, when one field is to blame. */
  | { ok: false; reason: string; value?: unknown };

type Priority = 0 | 1 | 2;
interface KeyMatch {
  field: Field;
  priority: Priority;
}

/** Fields checked in the contract's rejection order, after the required ones. */
const VALIDATED_IN_ORDER = ['csat', 'cost', 'fallback', 'resolved', 'handoff', 'intent_confidence', 'sentiment'] as const;

/** Fields whose values repeat a lot: their codec results are memoised by raw value. */
const MEMO_LIMIT = 10_000;

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Turns raw rows (field name → value) into events or a rejection reason, per the contract:
 * case-insensitive field names, aliases, user mapping, and one reason per bad row, the first that
 * applies in the contract's order.
 */
export class RowNormaliser {
  private readonly keyCache = new Map<string, KeyMatch | null>();
  private readonly lookup = new Map<string, KeyMatch>();
  private readonly codecs: Record<(typeof VALIDATED_IN_ORDER)[number], z.ZodType>;
  private readonly memo = new Map<z.ZodType, Map<unknown, z.ZodSafeParseResult<unknown>>>();
  private readonly fieldsSeen = new Set<Field>();

  constructor(private readonly options: NormaliseOptions) {
    for (const field of FIELDS) {
      for (const alias of FIELD_ALIASES[field]) this.lookup.set(alias, { field, priority: 2 });
    }
    for (const field of FIELDS) this.lookup.set(field, { field, priority: 1 });
    for (const [field, column] of Object.entries(options.map ?? {})) {
      if (column !== undefined) this.lookup.set(fieldKey(column), { field: field as Field, priority: 0 });
    }
    this.codecs = {
      csat: codec.csat(options.csatScale),
      cost: codec.cost,
      fallback: codec.booleanField('fallback'),
      resolved: codec.booleanField('resolved'),
      handoff: codec.booleanField('handoff'),
      intent_confidence: codec.boundedNumber('intent_confidence', 0, 1),
      sentiment: codec.boundedNumber('sentiment', -1, 1),
    };
  }

  /** Fields that had a value on at least one valid row. */
  get presentFields(): ReadonlySet<Field> {
    return this.fieldsSeen;
  }

  private match(key: string): KeyMatch | null {
    let m = this.keyCache.get(key);
    if (m === undefined) {
      m = this.lookup.get(fieldKey(key)) ?? null;
      // A column the user mapped to another field no longer stands for its own name.
      this.keyCache.set(key, m);
    }
    return m;
  }

  /** Picks each field's value: user mapping first, then the canonical name, then an alias. */
  private pick(raw: Record<string, unknown>): Partial<Record<Field, unknown>> {
    const values: Partial<Record<Field, unknown>> = {};
    const priority: Partial<Record<Field, Priority>> = {};
    for (const key in raw) {
      const m = this.match(key);
      if (m === null) continue;
      const current = priority[m.field];
      if (current !== undefined && current <= m.priority) continue;
      priority[m.field] = m.priority;
      values[m.field] = raw[key];
    }
    for (const field in values) {
      if (isAbsent(values[field as Field])) delete values[field as Field];
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

  normalise(raw: Record<string, unknown>): NormaliseResult {
    const v = this.pick(raw);
    if (v.conversation_id === undefined) return { ok: false, reason: 'missing conversation_id' };
    if (v.timestamp === undefined) return { ok: false, reason: 'missing timestamp' };
    const ts = parseTimestamp(v.timestamp, this.options.tz);
    if (Number.isNaN(ts)) return { ok: false, reason: 'invalid timestamp', value: v.timestamp };

    const kindResult = v.event === undefined ? undefined : this.parse(codec.event, v.event, true);
    const kind = kindResult === undefined ? 'message' : kindResult.success ? kindResult.data : undefined;
    if (kind === 'message' && v.role === undefined) return { ok: false, reason: 'missing role' };
    let role: Event['role'];
    if (v.role !== undefined) {
      const r = this.parse(codec.role, v.role, true);
      if (!r.success) return { ok: false, reason: 'unknown role', value: v.role };
      role = r.data;
    }
    if (kind === undefined) return { ok: false, reason: 'unknown event', value: v.event };

    const parsed: Partial<Record<(typeof VALIDATED_IN_ORDER)[number], unknown>> = {};
    for (const field of VALIDATED_IN_ORDER) {
      if (v[field] === undefined) continue;
      const r = this.parse(this.codecs[field], v[field], field !== 'cost' && field !== 'sentiment');
      if (!r.success) {
        return { ok: false, reason: r.error.issues[0]?.message ?? `invalid ${field}`, value: v[field] };
      }
      parsed[field] = r.data;
    }

    const event: NormalisedRow = { conversationId: codec.text.parse(v.conversation_id), ts, kind };
    if (role !== undefined) event.role = role;
    if (v.message_id !== undefined) event.messageId = codec.text.parse(v.message_id);
    if (v.text !== undefined) event.text = codec.text.parse(v.text);
    if (v.customer_id !== undefined) event.customerId = this.parse(codec.label, v.customer_id, false).data as string;
    if (v.channel !== undefined) event.channel = this.parse(codec.label, v.channel, true).data as string;
    if (v.market !== undefined) event.market = this.parse(codec.label, v.market, true).data as string;
    if (v.language !== undefined) event.language = this.parse(codec.language, v.language, true).data as string;
    if (v.intent !== undefined) event.intent = this.parse(codec.label, v.intent, true).data as string;
    if (v.expected_intent !== undefined)
      event.expectedIntent = this.parse(codec.label, v.expected_intent, true).data as string;
    if (parsed.intent_confidence !== undefined) event.intentConfidence = parsed.intent_confidence as number;
    if (parsed.fallback !== undefined) event.fallback = parsed.fallback as boolean;
    if (parsed.sentiment !== undefined) event.sentiment = parsed.sentiment as number;
    if (parsed.csat !== undefined) event.csat = parsed.csat as Event['csat'] & object;
    if (parsed.resolved !== undefined) event.resolved = parsed.resolved as boolean;
    if (parsed.handoff !== undefined) event.handoff = parsed.handoff as boolean;
    if (parsed.cost !== undefined) event.cost = parsed.cost as number;
    for (const field in v) this.fieldsSeen.add(field as Field);
    if (kind === 'resolved') this.fieldsSeen.add('resolved');
    return { ok: true, event };
  }
}
