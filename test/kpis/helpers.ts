import { buildConversation } from '../../src/conversations/assemble.js';
import { businessCalendar } from '../../src/config/settings.js';
import type { Config } from '../../src/config/schema.js';
import type { BusinessCalendar } from '../../src/calendar/schedule.js';
import { createContext } from '../../src/kpis/runner.js';
import type { KpiContext, KpiOptions } from '../../src/kpis/types.js';
import type { Conversation, Event } from '../../src/model.js';
import { FIELDS, type Field } from '../../src/schema/fields.js';

/** Compact row for tests: t is seconds from 2025-01-06T00:00:00Z. */
export type Row = Omit<Partial<Event>, 'ts' | 'seq' | 'conversationId'> & { c: string; t: number };

export const T0 = Date.parse('2025-01-06T00:00:00Z');

/** Builds conversations (with messages) from rows, in input order. */
export function conversationsOf(rows: readonly Row[]): Conversation[] {
  const byId = new Map<string, Event[]>();
  rows.forEach((r, seq) => {
    const { c, t, ...rest } = r;
    const e: Event = { kind: 'message', ...rest, conversationId: c, ts: T0 + t * 1000, seq };
    byId.set(c, [...(byId.get(c) ?? []), e]);
  });
  return [...byId].flatMap(([id, events]) => buildConversation(id, events) ?? []);
}

export const DEFAULT_OPTIONS: KpiOptions = {
  fallbackIntents: new Set(['fallback', 'default_fallback', 'nlu_fallback', 'unknown', 'none', 'out_of_scope', 'oos']),
  fcrWindowMs: 7 * 86_400_000,
  csatScale: 5,
  csatSatisfiedFrom: 4,
  attributionWindowMs: 72 * 3_600_000,
};

/** A context over `all` where every field counts as present unless `fields` says otherwise. */
export function contextOf(
  all: readonly Conversation[],
  options: Partial<KpiOptions> = {},
  fields: readonly Field[] = FIELDS,
): KpiContext {
  return createContext(all, { ...DEFAULT_OPTIONS, ...options }, new Set(fields));
}

/** A calendar from a `business_hours` config (intervals as the config writes them). */
export function calendarOf(config: NonNullable<Config['business_hours']>): BusinessCalendar {
  return businessCalendar(config);
}

/** Monday 09:00–17:00 UTC only (T0 is a Monday 00:00 UTC). */
export const MONDAY_9_TO_5 = (): BusinessCalendar => calendarOf({ timezone: 'UTC', week: { mon: ['09:00-17:00'] } });

/** A context with the data ending at T0 + `dataEndS` seconds. */
export function contextEndingAt(all: readonly Conversation[], dataEndS: number, options: Partial<KpiOptions> = {}): KpiContext {
  return createContext(all, { ...DEFAULT_OPTIONS, ...options }, new Set(FIELDS), undefined, T0 + dataEndS * 1000);
}
