/**
 * The accumulator laws, for every KPI in the registry (so a new KPI is covered without a line
 * here): folding two parts of the conversations apart and merging the states equals folding them
 * all at once, in any order of conversations and of merging; and every result validates against the
 * schema its KPI declares (strictly: no key it does not declare), as the published report schema does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationFacts } from '../../src/kpis/facts.js';
import { KPIS } from '../../src/kpis/registry.js';
import { createContext, KpiFold, runKpis } from '../../src/kpis/runner.js';
import { isKpiError } from '../../src/kpis/result.js';
import type { KpiContext } from '../../src/kpis/types.js';
import type { Conversation } from '../../src/model.js';
import { resultSchemaOf } from '../../src/report/types.js';
import { FIELDS } from '../../src/schema/fields.js';
import type { Order } from '../../src/schema/orders.js';
import { DEFAULT_OPTIONS, MONDAY_9_TO_5, T0, conversationsOf } from './helpers.js';
import { scenario } from './scenario.js';

/** A context exercising every KPI: every field present, a schedule, service levels, a cost model, orders. */
function fullContext(convs: readonly Conversation[], s: { orders: readonly Order[] }): KpiContext {
  return createContext(
    convs,
    {
      ...DEFAULT_OPTIONS,
      businessHours: MONDAY_9_TO_5(),
      sla: { firstResponseMs: 60_000, handoffWaitMs: 300_000, resolutionMs: 3_600_000, businessHours: false },
      cost: { botPerConversation: 0.1, botPerResolution: 0.25, agentHourlyRate: 30, margin: 0.4 },
    },
    new Set(FIELDS),
    s.orders,
    T0 + 30 * 86_400_000,
  );
}

function fold(convs: readonly Conversation[], ctx: KpiContext): KpiFold {
  const f = new KpiFold(KPIS, ctx);
  for (const c of convs) f.add(new ConversationFacts(c, ctx));
  return f;
}

/** The scenario's conversations in the report's order, a partition of them (by a flag per conversation) and a permutation. */
const world = scenario.chain((s) => {
  const convs = conversationsOf(s.rows).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return fc.record({
    s: fc.constant(s),
    convs: fc.constant(convs),
    inA: fc.array(fc.boolean(), { minLength: convs.length, maxLength: convs.length }),
    order: fc.shuffledSubarray(
      convs.map((_, i) => i),
      { minLength: convs.length, maxLength: convs.length },
    ),
  });
});

describe('KPI accumulator laws (every registered KPI)', () => {
  it('fold(A) merged with fold(B) equals fold(A ++ B), whichever is merged into which', () => {
    fc.assert(
      fc.property(world, ({ s, convs, inA }) => {
        const ctx = fullContext(convs, s);
        const expected = runKpis(KPIS, convs, ctx);
        const a = convs.filter((_, i) => inA[i] === true);
        const b = convs.filter((_, i) => inA[i] !== true);
        const ab = fold(a, ctx);
        ab.merge(fold(b, ctx));
        expect(ab.finish()).toEqual(expected);
        const ba = fold(b, ctx);
        ba.merge(fold(a, ctx));
        expect(ba.finish()).toEqual(expected);
      }),
    );
  });

  it('the order conversations are folded in does not matter, down to the last bit', () => {
    fc.assert(
      fc.property(world, ({ s, convs, order }) => {
        const ctx = fullContext(convs, s);
        const shuffled = order.map((i) => convs[i] as Conversation);
        expect(runKpis(KPIS, shuffled, ctx)).toEqual(runKpis(KPIS, convs, ctx));
      }),
    );
  });

  it('merging empty folds changes nothing, and one conversation per fold merged equals the whole', () => {
    fc.assert(
      fc.property(world, ({ s, convs }) => {
        const ctx = fullContext(convs, s);
        const whole = new KpiFold(KPIS, ctx);
        whole.merge(new KpiFold(KPIS, ctx));
        for (const c of convs) whole.merge(fold([c], ctx));
        whole.merge(new KpiFold(KPIS, ctx));
        expect(whole.finish()).toEqual(runKpis(KPIS, convs, ctx));
      }),
    );
  });

  it('every result validates against the schema its KPI declares, with no key it does not declare', () => {
    fc.assert(
      fc.property(world, ({ s, convs, inA }) => {
        for (const ctx of [fullContext(convs, s), createContext(convs, DEFAULT_OPTIONS, new Set(FIELDS))]) {
          const part = convs.filter((_, i) => inA[i] === true);
          for (const results of [runKpis(KPIS, convs, ctx), runKpis(KPIS, part, ctx)]) {
            for (const kpi of KPIS) {
              const result = results[kpi.id];
              expect(isKpiError(result), `${kpi.id}: ${JSON.stringify(result)}`).toBe(false);
              const parsed = resultSchemaOf(kpi).safeParse(result);
              expect(parsed.success, `${kpi.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
              expect(parsed.data).toEqual(result);
            }
          }
        }
      }),
    );
  });

  it('a KPI computed with its inputs present gives its declared shape, not an n/a form', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', customerId: 'u1', intent: 'billing', expectedIntent: 'billing', sentiment: 0.5, csat: { kind: 'numeric', value: 5 } },
      { c: 'a', t: 5, role: 'bot', answerCorrect: true, judgeCorrect: true, hallucination: false, guardrail: false, fallback: false, cost: 0.02 },
      { c: 'a', t: 9, role: 'customer', sentiment: -0.5 },
    ]);
    const ctx = fullContext(convs, { orders: [{ customerId: 'u1', ts: T0 + 60_000, value: 10 }] });
    const results = runKpis(KPIS, convs, ctx);
    for (const kpi of KPIS) expect(kpi.result.safeParse(results[kpi.id]).success, `${kpi.id}: ${JSON.stringify(results[kpi.id])}`).toBe(true);
  });
});
