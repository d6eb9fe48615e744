import type { CostModel } from '../../src/config/settings.js';
import { createContext } from '../../src/kpis/runner.js';
import type { KpiContext } from '../../src/kpis/types.js';
import type { Conversation } from '../../src/model.js';
import { FIELDS, type Field } from '../../src/schema/fields.js';
import type { Order } from '../../src/schema/orders.js';
import { DEFAULT_OPTIONS, T0, conversationsOf } from './helpers.js';

/**
 * Conversations with costs, shared by the cost and ROI tests.
 *   a (u1): contained, resolved=true     non-agent cost 1 + 2 + 4 (a resolved event's cost counts)
 *   b (u2): bot, handoff at 60, agents; end 3660 → 1 h from handoff to end; bot 3, agent 50
 *   c (u3): agent only (escalated, no bot); handoff_at = end = 1800 → 0 h; agent 20
 *   d (u4): contained, resolved=false;   system message cost 8
 *   e (u5): contained, resolution unknown
 * Σ cost on non-agent rows = 1 + 2 + 4 + 3 + 8 = 18; Σ cost on agent messages = 50 + 20 = 70.
 * N = 5; B = {a, b, d, e} = 4; contained = {a, d, e} = 3; contained ∧ resolved ≠ false = {a, e} = 2;
 * escalated = {b, c} = 2.
 */
export const costConversations: Conversation[] = conversationsOf([
  { c: 'a', t: 0, role: 'customer', customerId: 'u1', cost: 1 },
  { c: 'a', t: 10, role: 'bot', cost: 2 },
  { c: 'a', t: 20, kind: 'resolved', cost: 4 },
  { c: 'b', t: 0, role: 'customer', customerId: 'u2' },
  { c: 'b', t: 10, role: 'bot', cost: 3 },
  { c: 'b', t: 60, kind: 'handoff' },
  { c: 'b', t: 120, role: 'agent', cost: 50 },
  { c: 'b', t: 3660, role: 'agent' },
  { c: 'c', t: 0, role: 'customer', customerId: 'u3' },
  { c: 'c', t: 1800, role: 'agent', cost: 20 },
  { c: 'd', t: 0, role: 'customer', customerId: 'u4' },
  { c: 'd', t: 5, role: 'bot', resolved: false },
  { c: 'd', t: 6, role: 'system', cost: 8 },
  { c: 'e', t: 0, role: 'customer', customerId: 'u5' },
  { c: 'e', t: 5, role: 'bot' },
]);

export const order = (customerId: string, t: number, value: number): Order => ({
  customerId,
  ts: T0 + t * 1000,
  value,
});

/** A context with a cost model and/or orders; every field present unless `fields` says otherwise. */
export function moneyContext(
  all: readonly Conversation[],
  opts: { cost?: CostModel; orders?: readonly Order[]; attributionWindowMs?: number; fields?: readonly Field[] } = {},
): KpiContext {
  const options = { ...DEFAULT_OPTIONS };
  if (opts.cost !== undefined) options.cost = opts.cost;
  if (opts.attributionWindowMs !== undefined) options.attributionWindowMs = opts.attributionWindowMs;
  return createContext(all, options, new Set(opts.fields ?? FIELDS), opts.orders);
}

export const WITHOUT_COST: readonly Field[] = FIELDS.filter((f) => f !== 'cost');
