/**
 * Value mapping: exports name roles and outcomes their own way (`End-user`, `AgentBot`, `Good`,
 * `solved`). `--map-value role:End-user=customer` (or `map_values` in the config) translates a
 * field's value before it is validated; values match trimmed and case-insensitively. For a value a
 * field rejects, `valueHint` suggests such a mapping, with a target from the values other exports
 * use when one is known.
 */
import type { Field } from './fields.js';

/** Field → (value as written, trimmed and lower-cased → value to use). */
export type ValueMap = Partial<Record<Field, ReadonlyMap<string, string>>>;

export const valueKey = (value: string): string => value.trim().toLowerCase();

/** Builds the lookup from `{role: {"End-user": "customer"}}`. */
export function valueMapOf(spec: Partial<Record<Field, Record<string, string>>>): ValueMap {
  const out: ValueMap = {};
  for (const [field, pairs] of Object.entries(spec) as [Field, Record<string, string> | undefined][]) {
    if (pairs === undefined) continue;
    const lookup = new Map<string, string>();
    for (const [from, to] of Object.entries(pairs)) lookup.set(valueKey(from), to);
    if (lookup.size > 0) out[field] = lookup;
  }
  return out;
}

/** Values seen in help-desk exports (Zendesk, Intercom, Chatwoot, Freshdesk) and what they most likely mean. */
const KNOWN_VALUES: Partial<Record<Field, Record<string, string>>> = {
  role: {
    'end-user': 'customer',
    enduser: 'customer',
    contact: 'customer',
    lead: 'customer',
    requester: 'customer',
    incoming: 'customer',
    admin: 'agent',
    teammate: 'agent',
    'agent-human': 'agent',
    outgoing: 'agent',
    agentbot: 'bot',
    agent_bot: 'bot',
    'agent-bot': 'bot',
    automation: 'bot',
    workflow: 'bot',
    fin: 'bot',
  },
  csat: { good: 'up', bad: 'down', great: 'up', poor: 'down', satisfied: 'up', unsatisfied: 'down', dissatisfied: 'down' },
  resolved: { solved: 'true', closed: 'true', unsolved: 'false', open: 'false', pending: 'false' },
  fallback: { fallback: 'true' },
  handoff: { transferred: 'true', escalated: 'true' },
};

/** What a value seen in other exports most likely means for `field` (`End-user` → customer), if known. */
export function knownValue(field: Field, value: string): string | undefined {
  return KNOWN_VALUES[field]?.[valueKey(value)];
}

/** Reasons whose value a mapping could fix, and the field they are about. */
const REASON_FIELD: Record<string, Field> = {
  'unknown role': 'role',
  'invalid csat': 'csat',
  'invalid resolved': 'resolved',
  'invalid fallback': 'fallback',
  'invalid handoff': 'handoff',
  'unknown event': 'event',
};

const TARGETS: Partial<Record<Field, string>> = {
  role: 'customer|bot|agent|system',
  csat: 'a rating, up or down',
  resolved: 'true or false',
  fallback: 'true or false',
  handoff: 'true or false',
  event: 'message|handoff|resolved|csat|close',
};

/** `map it with --map-value 'role:End-user=customer'` for a rejected value, or undefined. */
export function valueHint(reason: string, value: unknown): string | undefined {
  const field = REASON_FIELD[reason];
  if (field === undefined || typeof value !== 'string' || value.trim() === '') return undefined;
  const known = KNOWN_VALUES[field]?.[valueKey(value)];
  const target = known ?? TARGETS[field] ?? 'VALUE';
  const arg = `${field}:${value.trim()}=${target}`;
  const quoted = /^[\w:=.-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
  return `map it: --map-value ${quoted}`;
}
