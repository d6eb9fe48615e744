import { describe, expect, it } from 'vitest';
import { flattenKpis } from '../../src/report/statistics.js';
import type { KpiResult } from '../../src/report/types.js';

const stats = (kpis: Record<string, KpiResult>): string[] => flattenKpis(kpis).map((r) => `${r.statistic}:${r.unit}`);

describe('flattenKpis', () => {
  it('turns a rate into one row with numerator, denominator and interval', () => {
    expect(
      flattenKpis({ containment_rate: { value: 0.72, numerator: 720, denominator: 1000, ci95: [0.6914, 0.7469] } }),
    ).toEqual([
      {
        kpi: 'containment_rate',
        statistic: 'value',
        value: 0.72,
        numerator: 720,
        denominator: 1000,
        ci_low: 0.6914,
        ci_high: 0.7469,
        unit: 'ratio',
      },
    ]);
  });

  it('names sub-rates by their key', () => {
    const r = (n: number) => ({ value: n / 4, numerator: n, denominator: 4, ci95: null });
    const rows = flattenKpis({ automation_rate: { ...r(3), full: r(2), partial: r(1) } });
    expect(rows.map((x) => [x.statistic, x.numerator])).toEqual([
      ['value', 3],
      ['full', 2],
      ['partial', 1],
    ]);
  });

  it('gives distributions one row per statistic, sub-distributions prefixed; times in seconds, counts as count', () => {
    const d = { mean: 2, p50: 1, p90: 4, count: 3, p95: 5 };
    expect(stats({ response_time: { ...d, bot: d, agent: { ...d, count: 0 } } })).toEqual([
      'mean:seconds', 'p50:seconds', 'p90:seconds', 'p95:seconds', 'count:count',
      'bot.mean:seconds', 'bot.p50:seconds', 'bot.p90:seconds', 'bot.p95:seconds', 'bot.count:count',
      'agent.mean:seconds', 'agent.p50:seconds', 'agent.p90:seconds', 'agent.p95:seconds', 'agent.count:count',
    ]);
  });

  it('puts the reason on the null statistics of an empty distribution', () => {
    const rows = flattenKpis({ handoff_wait_time: { mean: null, p50: null, p90: null, count: 0, reason: 'no handoff' } });
    expect(rows.map((r) => [r.statistic, r.value, r.reason])).toEqual([
      ['mean', null, 'no handoff'],
      ['p50', null, 'no handoff'],
      ['p90', null, 'no handoff'],
      ['count', 0, undefined],
    ]);
  });

  it('gives every count of the conversations object its own row', () => {
    const rows = flattenKpis({
      conversations: { value: 3, botEngaged: 2, customers: 1, messages: { customer: 4, bot: 3, agent: 1, system: 0, total: 8 } },
    });
    expect(rows.map((r) => `${r.statistic}=${r.value}`)).toEqual([
      'value=3', 'botEngaged=2', 'customers=1',
      'messages.customer=4', 'messages.bot=3', 'messages.agent=1', 'messages.system=0', 'messages.total=8',
    ]);
    expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['count']));
  });

  it('spells out per-intent accuracy and the question-types table', () => {
    const rows = flattenKpis({
      intent_accuracy: {
        value: 0.5, numerator: 1, denominator: 2, ci95: null, macro_f1: 0.4,
        per_intent: [{ intent: 'billing', support: 2, predicted: 1, precision: 1, recall: 0.5, f1: 2 / 3 }],
      },
      intents: {
        rows: [
          {
            intent: null, conversations: 1, share: 0.25,
            containment_rate: { value: 1, numerator: 1, denominator: 1, ci95: [0.2, 1] },
            csat_score: { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field csat' },
            handling_time_mean: 30,
          },
        ],
      },
    });
    expect(rows.map((r) => `${r.kpi} ${r.statistic}:${r.unit}`)).toEqual([
      'intent_accuracy value:ratio',
      'intent_accuracy macro_f1:ratio',
      'intent_accuracy per_intent.billing.support:count',
      'intent_accuracy per_intent.billing.predicted:count',
      'intent_accuracy per_intent.billing.precision:ratio',
      'intent_accuracy per_intent.billing.recall:ratio',
      'intent_accuracy per_intent.billing.f1:ratio',
      'intents intent.(none).conversations:count',
      'intents intent.(none).share:ratio',
      'intents intent.(none).containment_rate:ratio',
      'intents intent.(none).csat_score:ratio',
      'intents intent.(none).handling_time_mean:seconds',
    ]);
    expect(rows.find((r) => r.statistic === 'intent.(none).csat_score')).toMatchObject({ value: null, reason: 'needs field csat' });
  });

  it('turns a null KPI into one row with its reason, whatever its shape', () => {
    expect(flattenKpis({ csat_score: { value: null, reason: 'needs field csat' }, intents: { rows: [], reason: 'needs field intent' } })).toEqual([
      { kpi: 'csat_score', statistic: 'value', value: null, unit: 'ratio', reason: 'needs field csat' },
      { kpi: 'intents', statistic: 'value', value: null, unit: 'count', reason: 'needs field intent' },
    ]);
  });

  it('writes amounts beside a KPI as money, whatever the KPI’s unit', () => {
    expect(
      stats({
        cost_per_conversation: { value: 2.5, bot_cost: 10, human_cost: 15, total_cost: 25, count: 10 },
        roi: { value: 1.5, containment_savings: 100, attributed_revenue: 50, margin: 1, bot_cost: 60 },
      }),
    ).toEqual([
      'value:money', 'bot_cost:money', 'human_cost:money', 'total_cost:money', 'count:count',
      'value:ratio', 'containment_savings:money', 'attributed_revenue:money', 'margin:ratio', 'bot_cost:money',
    ]);
  });

  it('flattens a KPI it has never heard of by shape', () => {
    const kpis = { future_kpi: { value: 2.5, count: 4, split: { a: 1 } } } as unknown as Record<string, KpiResult>;
    expect(flattenKpis(kpis).map((r) => `${r.statistic}=${r.value}:${r.unit}`)).toEqual(['value=2.5:score', 'count=4:count', 'split.a=1:score']);
  });
});
