import { UsageError } from '../errors.js';
import { ATTRIBUTES, attribute, type Attribute } from '../conversations/attributes.js';
import type { BusinessCalendar } from '../calendar/schedule.js';
import type { Conversation } from '../model.js';

/** A `--where` clause: `field=value` or `field!=value`; an empty value stands for "missing". */
export interface WhereClause {
  attribute: Attribute;
  negate: boolean;
  value: string | null;
}

const BOOLEAN_ATTRIBUTES: ReadonlySet<Attribute> = new Set([
  'bot_engaged',
  'bot_answered',
  'escalated',
  'contained',
  'resolved',
  'fallback_loop',
  'repeated_reply',
  'asked_for_human',
  'shouting',
]);
/** Attributes that are never missing (`field=` matches nothing). */
const ALWAYS_SET: ReadonlySet<Attribute> = new Set(['conversation_id', 'bot_engaged', 'bot_answered', 'escalated', 'contained', 'hour', 'weekday', 'day', 'week', 'month']);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const TIME_FORMS: Partial<Record<Attribute, [RegExp, string]>> = {
  day: [/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-01-31'],
  week: [/^\d{4}-W\d{2}$/, 'an ISO week like 2025-W05'],
  month: [/^\d{4}-\d{2}$/, 'a month like 2025-01'],
};

/** A clause's value in the form the attribute's labels take, or a usage error naming the allowed values. */
function whereValue(text: string, name: Attribute, raw: string): string | null {
  const fail = (allowed: string, message = `${name} is ${allowed}`): never => {
    throw new UsageError(`--where "${text}": ${message}`);
  };
  if (raw === '') {
    if (ALWAYS_SET.has(name)) fail(`never missing; give a value`);
    return null;
  }
  if (BOOLEAN_ATTRIBUTES.has(name)) {
    const b = raw.toLowerCase();
    if (b !== 'true' && b !== 'false') fail(`true or false${name === 'resolved' ? ' (or empty for unknown)' : ''}, not "${raw}"`);
    return b;
  }
  if (raw.includes(',')) {
    const [first = '', second = ''] = raw.split(',').map((v) => v.trim());
    fail('', `one value per --where; for either value repeat it: --where ${name}=${first} --where ${name}=${second}`);
  }
  switch (name) {
    case 'language':
      return raw.toLowerCase();
    case 'hour': {
      const h = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
      if (!(h >= 0 && h <= 23)) fail(`an hour from 00 to 23, not "${raw}"`);
      return String(h).padStart(2, '0');
    }
    case 'weekday': {
      const day = WEEKDAYS.find((d) => raw.toLowerCase().startsWith(d.toLowerCase()));
      if (day === undefined) fail(`one of ${WEEKDAYS.join(', ')}, not "${raw}"`);
      return day as string;
    }
    case 'day':
    case 'week':
    case 'month': {
      const [form, allowed] = TIME_FORMS[name] as [RegExp, string];
      if (!form.test(raw.toUpperCase())) fail(`${allowed}, not "${raw}"`);
      return raw.toUpperCase();
    }
    default:
      return raw;
  }
}

export function parseWhere(text: string): WhereClause {
  const m = /^\s*([A-Za-z_]+)\s*(!=|=)(.*)$/.exec(text);
  if (!m) throw new UsageError(`--where "${text}": expected field=value or field!=value`);
  const name = (m[1] as string).toLowerCase();
  if (!(ATTRIBUTES as readonly string[]).includes(name)) {
    throw new UsageError(`--where "${text}": unknown field "${name}" (one of ${ATTRIBUTES.join(', ')})`);
  }
  const value = whereValue(text, name as Attribute, (m[3] as string).trim());
  return { attribute: name as Attribute, negate: m[2] === '!=', value };
}

/** A `--where` value that no conversation has, with the values that occur. */
export interface UnmatchedWhere {
  clause: WhereClause;
  /** Distinct values of the attribute, sorted (null = missing). */
  seen: (string | null)[];
}

/** The clauses (with a value, on a non-boolean attribute) whose value no conversation has. */
export function unmatchedWhere(
  conversations: readonly Conversation[],
  where: readonly WhereClause[],
  tz: string,
  calendar?: BusinessCalendar,
): UnmatchedWhere[] {
  const out: UnmatchedWhere[] = [];
  const valuesOf = new Map<Attribute, Set<string | null>>();
  for (const clause of where) {
    if (clause.value === null || BOOLEAN_ATTRIBUTES.has(clause.attribute)) continue;
    let values = valuesOf.get(clause.attribute);
    if (values === undefined) {
      values = new Set(conversations.map((c) => attribute(c, clause.attribute, tz, calendar)));
      valuesOf.set(clause.attribute, values);
    }
    if (!values.has(clause.value)) {
      const seen = [...values].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
      out.push({ clause, seen });
    }
  }
  return out;
}

export interface Scope {
  /** Inclusive lower bound on start (epoch ms). */
  since?: number;
  /** Exclusive upper bound on start (epoch ms). */
  until?: number;
  where: readonly WhereClause[];
  tz: string;
  /** Office hours, for the `hours` attribute. */
  calendar?: BusinessCalendar;
}

/**
 * Conversations whose start lies in [since, until) and that pass every `--where` attribute.
 * Clauses on the same attribute are alternatives (any may match); different attributes must all match.
 */
export function inScope(conversations: readonly Conversation[], scope: Scope): Conversation[] {
  return conversations.filter(scopeTest(scope));
}

/** The test `inScope` applies to each conversation. */
export function scopeTest(scope: Scope): (c: Conversation) => boolean {
  const byAttribute = new Map<Attribute, WhereClause[]>();
  for (const w of scope.where) byAttribute.set(w.attribute, [...(byAttribute.get(w.attribute) ?? []), w]);
  return (c) => {
    if (scope.since !== undefined && c.start < scope.since) return false;
    if (scope.until !== undefined && c.start >= scope.until) return false;
    for (const [name, clauses] of byAttribute) {
      const actual = attribute(c, name, scope.tz, scope.calendar);
      const positives = clauses.filter((w) => !w.negate);
      if (clauses.some((w) => w.negate && w.value === actual)) return false;
      if (positives.length > 0 && !positives.some((w) => w.value === actual)) return false;
    }
    return true;
  };
}
