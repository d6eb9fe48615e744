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


export function parseWhere(text: string): WhereClause {
  const m = /^\s*([A-Za-z_]+)\s*(!=|=)(.*)$/.exec(text);
  if (!m) throw new UsageError(`--where "${text}": expected field=value or field!=value`);
  const name = (m[1] as string).toLowerCase();
  if (!(ATTRIBUTES as readonly string[]).includes(name)) {
    throw new UsageError(`--where "${text}": unknown field "${name}" (one of ${ATTRIBUTES.join(', ')})`);
  }
  const raw = (m[3] as string).trim();
  const value = raw === '' ? null : name === 'language' ? raw.toLowerCase() : raw;
  return { attribute: name as Attribute, negate: m[2] === '!=', value };
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
  const byAttribute = new Map<Attribute, WhereClause[]>();
  for (const w of scope.where) byAttribute.set(w.attribute, [...(byAttribute.get(w.attribute) ?? []), w]);
  return conversations.filter((c) => {
    if (scope.since !== undefined && c.start < scope.since) return false;
    if (scope.until !== undefined && c.start >= scope.until) return false;
    for (const [name, clauses] of byAttribute) {
      const actual = attribute(c, name, scope.tz, scope.calendar);
      const positives = clauses.filter((w) => !w.negate);
      if (clauses.some((w) => w.negate && w.value === actual)) return false;
      if (positives.length > 0 && !positives.some((w) => w.value === actual)) return false;
    }
    return true;
  });
}
