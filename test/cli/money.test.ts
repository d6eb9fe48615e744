import { describe, expect, it } from 'vitest';
import { botkpi, fixture, reportJson, subsetDiff } from './run.js';

/** Values worked out by hand in fixtures/money/README.md. */
const transcripts = fixture('money/transcripts.jsonl');
const orders = fixture('money/orders.csv');

describe('botkpi report fixtures/money (cost, conversion, ROI)', () => {
  it('with a per-conversation cost model', async () => {
    const { report } = await reportJson([transcripts, '--orders', orders, '--config', fixture('money/per-conversation.config.json')]);
    expect(subsetDiff({
      cost_per_conversation: { value: 1.3, bot_cost: 5, human_cost: 8, total_cost: 13, count: 10 },
      bot_cost: { value: 5 },
      human_cost: { value: 8 },
      conversion_rate: { value: 0.3, numerator: 3, denominator: 10 },
      attributed_revenue: { value: 141, count: 3 },
      roi: { value: 12.45, containment_savings: 32, attributed_revenue: 141, margin: 0.25, bot_cost: 5 },
    }, report.kpis)).toEqual([]);
    expect(report.dataQuality.orders).toEqual({
      rowsRead: 8,
      rowsUsed: 6,
      rowsRejected: 1,
      duplicates: 1,
      rejectedByReason: { 'no rate for currency CHF': 1 },
    });
    expect(report.options.baseCurrency).toBe('EUR');
  });

  it('with an hourly agent rate', async () => {
    const { report } = await reportJson([transcripts, '--orders', orders, '--config', fixture('money/hourly.config.json')]);
    expect(subsetDiff({
      cost_per_conversation: { value: 3.5, bot_cost: 5, human_cost: 30 },
      roi: { value: 30.05, containment_savings: 120 },
    }, report.kpis)).toEqual([]);
  });

  it('--by market: conversion and revenue per market', async () => {
    const { report } = await reportJson([transcripts, '--orders', orders, '--config', fixture('money/per-conversation.config.json'), '--by', 'market']);
    expect(report.groups.map((g: { by: unknown }) => g.by)).toEqual([{ market: 'DE' }, { market: 'FR' }]);
    expect(subsetDiff([
      { kpis: { conversion_rate: { numerator: 3, denominator: 5, value: 0.6 }, attributed_revenue: { value: 141 } } },
      { kpis: { conversion_rate: { numerator: 0, denominator: 5, value: 0 }, attributed_revenue: { value: 0 } } },
    ], report.groups)).toEqual([]);
  });

  it.each(['table', 'md', 'csv'])('--by market --format %s shows conversion and revenue per market', async (format) => {
    const r = await botkpi(['report', transcripts, '--orders', orders, '--config', fixture('money/per-conversation.config.json'), '--by', 'market', '--format', format]);
    expect(r.code).toBe(0);
    if (format === 'csv') {
      expect(r.stdout).toContain('group,DE,conversion_rate,value,0.6,3,5,');
      expect(r.stdout).toContain('group,FR,attributed_revenue,value,0,');
    } else {
      // 5 conversations with a customer_id per market: too few for a percentage, so the fraction.
      expect(r.stdout).toMatch(/Attributed revenue.*\(EUR\)|\(EUR\)/);
      expect(r.stdout).toMatch(/DE.*\(3\/5\).*141\.00/);
      expect(r.stdout).toMatch(/FR.*\(0\/5\).*0\.00/);
    }
  });

  it('without orders and config: n/a with the missing input named', async () => {
    const { report } = await reportJson([transcripts]);
    expect(report.kpis.conversion_rate).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs orders (--orders FILE)' });
    expect(report.kpis.attributed_revenue).toEqual({ value: null, reason: 'needs orders (--orders FILE)' });
    expect(report.kpis.cost_per_conversation).toEqual({ value: null, reason: 'needs field cost or a cost model' });
    expect(report.kpis.roi).toEqual({ value: null, reason: 'needs a cost model (cost in botkpi.config.json)' });
    const table = await botkpi(['report', transcripts]);
    expect(table.stdout).toContain('Conversion: n/a — needs orders (--orders FILE)');
  });

  it('a bad config names the key and exits 2', async () => {
    const r = await botkpi(['report', transcripts, '--config', fixture('money/bad.config.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cost.agent_hourly_rate: expected a number ≥ 0');
    expect(r.stderr).toContain('unknown key colour');
  });
});
