import { describe, expect, it } from 'vitest';
import { evaluateCheck, evaluateChecks, holds, parseCheck } from '../../src/check/index.js';
import { kpiCatalogue } from '../../src/check/catalogue.js';
import { editDistance, suggest } from '../../src/check/suggest.js';
import { UsageError } from '../../src/errors.js';
import type { KpiResult } from '../../src/report/types.js';

/** A hand-built report: just the KPIs the checks look at. */
const kpis: Record<string, KpiResult> = {
  conversations: { value: 120, botEngaged: 100, customers: 90, messages: { customer: 300, bot: 280, agent: 40, system: 0, total: 620 } },
  containment_rate: { value: 0.72, numerator: 72, denominator: 100, ci95: [0.6251, 0.7994] },
  automation_rate: {
    value: 0.8,
    numerator: 96,
    denominator: 120,
    ci95: [0.72, 0.86],
    full: { value: 0.55, numerator: 66, denominator: 120, ci95: [0.46, 0.63] },
    partial: { value: 0.25, numerator: 30, denominator: 120, ci95: [0.18, 0.33] },
  },
  first_response_time: { mean: 12, p50: 8, p90: 31.5, count: 100 },
  response_time: {
    mean: 10, p50: 6, p90: 25, p95: 40, count: 200,
    bot: { mean: 3, p50: 2, p90: 6, p95: 9, count: 160 },
    agent: { mean: 40, p50: 30, p90: 90, p95: 120, count: 40 },
  },
  handling_time: {
    mean: 200, p50: 150, p90: 500, count: 120,
    contained: { mean: 90, p50: 80, p90: 150, count: 72 },
    escalated: { mean: 365, p50: 300, p90: 700, count: 48 },
  },
  csat_score: { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field csat' },
  cost_per_conversation: { value: null, reason: 'needs field cost or a cost model' },
};
const report = { kpis };
const ids = kpiCatalogue().filter((k) => k.id in kpis);
const run = (text: string, allowMissing = false) => evaluateCheck(parseCheck(text, ids), report, allowMissing);

describe('parseCheck', () => {
  it.each([
    ['containment_rate<0.6', { kpi: 'containment_rate', path: 'value', op: '<', threshold: 0.6, percent: false }],
    [' first_response_time.p90 > 30 ', { kpi: 'first_response_time', path: 'p90', op: '>', threshold: 30 }],
    ['automation_rate.full>=55%', { kpi: 'automation_rate', path: 'full', op: '>=', threshold: 0.55, percent: true }],
    ['response_time.bot.p95<=1e1', { path: 'bot.p95', op: '<=', threshold: 10 }],
    ['handling_time.escalated.mean != .5', { path: 'escalated.mean', op: '!=', threshold: 0.5 }],
    ['conversations==-3', { kpi: 'conversations', path: 'value', op: '==', threshold: -3 }],
    ['containment_rate < 60 %', { threshold: 0.6, percent: true }],
    ['first_response_time.p90>30s', { path: 'p90', threshold: 30, percent: false }],
    ['handling_time.escalated.mean > 2m', { threshold: 120 }],
    ['response_time.agent.p95>=1.5h', { threshold: 5400 }],
    ['handoff_wait_time.p50<500ms', { threshold: 0.5 }],
    ['intent_accuracy.per_intent.billing.f1<0.5', { path: 'per_intent.billing.f1', threshold: 0.5 }],
  ])('%s', (text, want) => {
    expect(parseCheck(text)).toMatchObject({ expression: text.trim(), ...want });
  });

  it.each([
    ['containment_rate', /expected <kpi>\[\.<path>\] <op> <number>/],
    ['containment_rate = 0.6', /expected/],
    ['containment_rate < abc', /expected/],
    ['containment_rate <', /expected/],
    ['< 0.6', /expected/],
    ['containment_rate < 0.6 extra', /expected/],
    ['containment_rat<0.6', /unknown KPI "containment_rat" \(did you mean containment_rate\?\)/],
    ['first_respons_time.p90>30', /did you mean first_response_time\?/],
    ['zzzzzz<1', /unknown KPI "zzzzzz" \(known: .*containment_rate/],
    ['first_response_time.p90>30%', /a percentage only applies to rates/],
    ['containment_rate<60', /containment_rate is a rate from 0 to 1: did you mean 60%\?/],
    ['automation_rate.full<55', /automation_rate\.full is a rate from 0 to 1: did you mean 55%\?/],
    ['containment_rate<30s', /a duration \(30s\) only applies to times, and containment_rate is in ratio/],
    ['conversations>2h', /only applies to times/],
    ['first_response_time.p99>1', /first_response_time has no statistic "p99" \(did you mean first_response_time\.p90\?\)/],
    ['volume_heatmap.cells.Xyz.09>1', /volume_heatmap has no statistic "cells\.Xyz\.09"/],
    ['volume_heatmap.cells.Mon.24>1', /volume_heatmap has no statistic "cells\.Mon\.24"/],
  ])('rejects %s', (text, message) => {
    expect(() => parseCheck(text)).toThrow(UsageError);
    expect(() => parseCheck(text)).toThrow(message);
  });
});

describe('statistics listed with placeholders', () => {
  it.each(['volume_heatmap.cells.Mon.00>1', 'volume_heatmap.cells.Sun.23>1', 'intents.intent.billing.share>0.5', 'intent_accuracy.per_intent.refund.f1<0.5'])(
    'accepts %s',
    (text) => {
      expect(parseCheck(text).expression).toBe(text);
    },
  );
});

describe('holds', () => {
  it('compares with each operator; == and != with a 1e-9 relative tolerance', () => {
    expect([holds(1, '<', 2), holds(2, '<', 2), holds(2, '<=', 2), holds(3, '>', 2), holds(2, '>', 2), holds(2, '>=', 2)]).toEqual([
      true, false, true, true, false, true,
    ]);
    expect(holds(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(holds(0.1 + 0.2, '!=', 0.3)).toBe(false);
    expect(holds(0.31, '==', 0.3)).toBe(false);
  });
});

describe('evaluateCheck against a hand-built report', () => {
  it.each([
    ['containment_rate<0.6', 0.72, true],
    ['containment_rate<80%', 0.72, false],
    ['containment_rate.value>=0.72', 0.72, false],
    ['first_response_time.p90>30', 31.5, false],
    ['first_response_time.p90>45', 31.5, true],
    ['automation_rate.full<0.5', 0.55, true],
    ['automation_rate.full.value<0.6', 0.55, false],
    ['response_time.bot.p95>10', 9, true],
    ['handling_time.escalated.mean>300', 365, false],
    ['conversations<100', 120, true],
    ['conversations.messages.agent>=40', 40, false],
  ])('%s: value %s, passed %s', (text, value, passed) => {
    const r = run(text);
    expect(r.value).toBe(value);
    expect(r.passed).toBe(passed);
    expect(r.skipped).toBeUndefined();
    expect(r.reason).toBeUndefined();
  });

  it('an n/a value fails with its reason, or is skipped with allowMissing', () => {
    expect(run('csat_score<0.8')).toMatchObject({ value: null, passed: false, reason: 'needs field csat' });
    expect(run('csat_score<0.8', true)).toMatchObject({ value: null, passed: true, skipped: true, reason: 'needs field csat' });
    // A statistic the n/a result lacks is n/a too.
    expect(run('cost_per_conversation.bot_cost>1')).toMatchObject({ value: null, passed: false, reason: 'needs field cost or a cost model' });
  });

  it('a KPI missing from the report is n/a', () => {
    const r = evaluateCheck(parseCheck('roi<1'), report);
    expect(r).toMatchObject({ value: null, passed: false, reason: 'not in the report' });
  });

  it('an unknown statistic, a bare distribution or a percent on a non-rate is a usage error', () => {
    expect(() => run('first_response_time.zzz>1')).toThrow(/first_response_time has no statistic "zzz" \(one of mean, p50, p90, count[,)]/);
    expect(() => run('first_response_time>1')).toThrow(/has no single value: name a statistic/);
    expect(() => run('conversations.messages.agent>10%')).toThrow(/a percentage only applies to rates/);
  });

  it('evaluateChecks passes only when every check passes or is skipped', () => {
    const checks = ['containment_rate<0.6', 'csat_score<0.8'].map((t) => parseCheck(t, ids));
    expect(evaluateChecks(checks, report).passed).toBe(false);
    expect(evaluateChecks(checks, report, true).passed).toBe(true);
    expect(evaluateChecks([...checks, parseCheck('conversations>100', ids)], report, true).passed).toBe(false);
  });
});

describe('suggest', () => {
  it('edit distance counts a transposition as one edit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests the nearest id, or nothing when none is close', () => {
    const names = Object.keys(kpis);
    expect(suggest('containment', names)).toBe('containment_rate');
    expect(suggest('Containment_Rate', names)).toBe('containment_rate');
    expect(suggest('csat_scroe', names)).toBe('csat_score');
    expect(suggest('banana', names)).toBeUndefined();
  });
});
