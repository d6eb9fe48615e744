import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CostModel } from '../../src/config/settings.js';
import { KPIS } from '../../src/kpis/registry.js';
import { runKpis } from '../../src/kpis/runner.js';
import type { Conversation } from '../../src/model.js';
import type { KpiResult } from '../../src/report/types.js';
import type { Order } from '../../src/schema/orders.js';
import { ConversationFacts } from '../../src/kpis/facts.js';
import { calendarOf, contextOf, conversationsOf, type Row } from './helpers.js';
import { moneyContext } from './money-fixture.js';

import { scenario } from './scenario.js';

interface Scenario {
  orders: Order[];
  threshold: number | undefined;
  cost: CostModel | undefined;
}

function run(rows: readonly Row[], s: Scenario): { convs: Conversation[]; results: Record<string, KpiResult> } {
  const convs = conversationsOf(rows);
  const ctx = moneyContext(convs, { orders: s.orders, ...(s.cost === undefined ? {} : { cost: s.cost }) });
  const withThreshold =
    s.threshold === undefined ? ctx : { ...ctx, options: { ...ctx.options, confidenceThreshold: s.threshold } };
  return { convs, results: runKpis(KPIS, convs, withThreshold) };
}

// ---------------------------------------------------------------------------------------------
// Independent oracles for the values behind every distribution (seconds), to check min ≤ … ≤ max.

function walk(c: Conversation): { role: 'bot' | 'agent'; s: number }[] {
  const out: { role: 'bot' | 'agent'; s: number }[] = [];
  let since: number | null = null;
  for (const m of c.messages) {
    if (m.role === 'customer') {
      if (since === null) since = m.ts;
    } else if (m.role !== 'system' && since !== null) {
      out.push({ role: m.role, s: (m.ts - since) / 1000 });
      since = null;
    }
  }
  return out;
}

function distributionValues(convs: readonly Conversation[]): Record<string, number[]> {
  const replies = convs.flatMap(walk);
  const span = (c: Conversation): number => (c.end - c.start) / 1000;
  const waits: number[] = [];
  for (const c of convs) {
    if (c.explicitHandoffAt === undefined) continue;
    const signal = c.explicitHandoffAt;
    const agent = c.messages.find((m) => m.role === 'agent' && m.ts >= signal);
    if (agent !== undefined) waits.push((agent.ts - signal) / 1000);
  }
  return {
    first_response_time: convs.flatMap((c) => walk(c).slice(0, 1).map((r) => r.s)),
    response_time: replies.map((r) => r.s),
    'response_time.bot': replies.filter((r) => r.role === 'bot').map((r) => r.s),
    'response_time.agent': replies.filter((r) => r.role === 'agent').map((r) => r.s),
    handoff_wait_time: waits,
    // No schedule in these contexts: the business sub-distributions are empty.
    'first_response_time.business': [],
    'handoff_wait_time.business': [],
    resolution_time: convs.filter((c) => c.resolved === true).map((c) => Math.max(0, (c.resolvedAt as number) - c.start) / 1000),
    handling_time: convs.map(span),
    'handling_time.contained': convs.filter((c) => c.botEngaged && !c.escalated).map(span),
    'handling_time.escalated': convs.filter((c) => c.escalated).map(span),
  };
}

// ---------------------------------------------------------------------------------------------
// Invariant checks.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every nested object (with its path) of a result tree. */
function* objects(v: unknown, path: string): Generator<[string, Obj]> {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) yield* objects(x, `${path}[${i}]`);
  } else if (isObj(v)) {
    yield [path, v];
    for (const [k, x] of Object.entries(v)) yield* objects(x, `${path}.${k}`);
  }
}

function checkRate(path: string, r: Obj): void {
  const num = r.numerator as number;
  const den = r.denominator as number;
  expect(Number.isInteger(num) && Number.isInteger(den), path).toBe(true);
  expect(num, path).toBeGreaterThanOrEqual(0);
  expect(num, path).toBeLessThanOrEqual(den);
  if (den === 0) {
    expect(r.value, path).toBeNull();
    expect(r.ci95 ?? null, path).toBeNull();
    return;
  }
  expect(r.value, path).toBe(num / den);
  const ci = r.ci95 as [number, number];
  expect(ci, path).toHaveLength(2);
  const [lo, hi] = ci;
  const value = num / den;
  expect(0 <= lo && lo <= value && value <= hi && hi <= 1, `${path}: ci95 [${lo}, ${hi}] ∌ ${num}/${den}`).toBe(true);
}

function checkDistribution(path: string, d: Obj, values: number[] | undefined): void {
  expect(values, `no oracle for distribution ${path}`).toBeDefined();
  const xs = values ?? [];
  expect(d.count, path).toBe(xs.length);
  if (xs.length === 0) {
    expect([d.mean, d.p50, d.p90], path).toEqual([null, null, null]);
    if ('p95' in d) expect(d.p95, path).toBeNull();
    return;
  }
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const eps = 1e-9 * Math.max(1, max);
  const chain = [min, d.p50, d.p90, ...('p95' in d ? [d.p95] : []), max] as number[];
  for (let i = 1; i < chain.length; i++) {
    expect((chain[i - 1] as number) <= (chain[i] as number) + eps, `${path}: ${chain.join(' ≤ ')}`).toBe(true);
  }
  const mean = d.mean as number;
  expect(min - eps <= mean && mean <= max + eps, `${path}: mean ${mean} ∉ [${min}, ${max}]`).toBe(true);
}

/** Deep equality with a relative tolerance on numbers (summation order may differ). */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return close(ka, kb) && ka.every((k) => close(a[k], b[k]));
  }
  return a === b;
}

// ---------------------------------------------------------------------------------------------

describe('KPI properties over random conversation sets', () => {
  it('every rate has 0 ≤ numerator ≤ denominator, value = numerator/denominator (null iff 0) and a Wilson ci95 around it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { results } = run(s.rows, s);
        for (const [id, result] of Object.entries(results)) {
          for (const [path, o] of objects(result, id)) if ('numerator' in o && 'denominator' in o) checkRate(path, o);
        }
      }),
    );
  });

  it('containment + escalation = 1, and automation full + partial = automation', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { results } = run(s.rows, s);
        const con = results.containment_rate as Obj;
        const esc = results.escalation_rate as Obj;
        expect(con.denominator).toBe(esc.denominator);
        expect((con.numerator as number) + (esc.numerator as number)).toBe(con.denominator);
        if (con.value !== null) expect((con.value as number) + (esc.value as number)).toBeCloseTo(1, 12);
        else expect(esc.value).toBeNull();

        const auto = results.automation_rate as Obj;
        const full = auto.full as Obj;
        const partial = auto.partial as Obj;
        expect((full.numerator as number) + (partial.numerator as number)).toBe(auto.numerator);
        expect(full.denominator).toBe(auto.denominator);
        expect(partial.denominator).toBe(auto.denominator);
        if (auto.value !== null) expect((full.value as number) + (partial.value as number)).toBeCloseTo(auto.value as number, 12);
      }),
    );
  });

  it('distributions: min ≤ p50 ≤ p90 ≤ p95 ≤ max and min ≤ mean ≤ max, count = number of values', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { convs, results } = run(s.rows, s);
        const oracle = distributionValues(convs);
        for (const [id, result] of Object.entries(results)) {
          for (const [path, o] of objects(result, id)) if ('p50' in o) checkDistribution(path, o, oracle[path]);
        }
      }),
    );
  });

  it('the six outcome numerators sum to |B|, and ai_resolution = confirmed + assumed', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { convs, results } = run(s.rows, s);
        const outcomes = results.bot_outcomes as Record<string, Obj>;
        const bot = convs.filter((c) => c.botEngaged).length;
        expect(Object.keys(outcomes)).toEqual(['escalated', 'confirmed', 'unresolved', 'abandoned', 'assumed', 'pending']);
        expect(Object.values(outcomes).reduce((n, r) => n + (r.numerator as number), 0)).toBe(bot);
        for (const r of Object.values(outcomes)) expect(r.denominator).toBe(bot);
        const ai = results.ai_resolution_rate as Obj;
        expect(ai.numerator).toBe((outcomes.confirmed?.numerator as number) + (outcomes.assumed?.numerator as number));
      }),
    );
  });

  it('business seconds never exceed calendar seconds, per conversation', () => {
    const calendar = calendarOf({
      timezone: 'Europe/Berlin',
      week: { mon: ['09:00-18:00'], tue: ['00:00-24:00'], wed: ['08:00-12:00', '11:00-20:00'], fri: ['22:00-24:00'] },
      holidays: ['2025-01-08'],
      markets: { JP: { timezone: 'Asia/Tokyo', week: { sat: ['10:00-16:00'] } } },
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const convs = conversationsOf(s.rows.map((r, i) => ({ ...r, market: i % 3 === 0 ? 'jp' : 'de' })));
        const ctx = contextOf(convs, { businessHours: calendar });
        for (const c of convs) {
          const facts = new ConversationFacts(c, ctx).service;
          const frt = c.firstReplyAt === undefined ? undefined : c.firstReplyAt - (c.firstCustomerAt as number);
          expect(facts.firstResponseBusinessMs === undefined).toBe(frt === undefined);
          if (frt !== undefined) expect(facts.firstResponseBusinessMs as number).toBeLessThanOrEqual(frt);
          const wait = c.agentAfterHandoffAt === undefined ? undefined : c.agentAfterHandoffAt - (c.explicitHandoffAt as number);
          if (wait !== undefined) expect(facts.handoffWaitBusinessMs as number).toBeLessThanOrEqual(wait);
          expect(facts.afterHours).toBe(!calendar.scheduleFor(c.market).open(c.start));
        }
      }),
    );
  });

  it('class shares and intent shares partition their totals', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { convs, results } = run(s.rows, s);
        const sen = results.sentiment as Obj;
        const count = sen.count as number;
        const parts = ['positive', 'neutral', 'negative'].map((k) => (sen[k] as Obj).numerator as number);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(count);
        const rows = (results.intents as { rows: { conversations: number; share: number }[] }).rows;
        expect(rows.reduce((a, r) => a + r.conversations, 0)).toBe(convs.length);
        if (convs.length > 0) expect(rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 12);
        for (let i = 1; i < rows.length; i++) {
          expect((rows[i - 1] as { conversations: number }).conversations).toBeGreaterThanOrEqual(
            (rows[i] as { conversations: number }).conversations,
          );
        }
      }),
    );
  });

  it('shuffling the input rows (distinct timestamps) leaves every KPI unchanged', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const a = run(s.rows, s).results;
        const b = run(s.shuffled, s).results;
        if (!close(a, b)) expect(b).toEqual(a);
      }),
    );
  });
});
