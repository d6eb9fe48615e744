import { describe, expect, it } from 'vitest';
import { roi } from '../../src/kpis/roi.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { WITHOUT_COST, costConversations as convs, moneyContext, order } from './money-fixture.js';

describe('roi', () => {
  it('is (containment savings − bot cost) / bot cost without orders', () => {
    // savings = |B ∧ ¬escalated| (a, d, e = 3) · 10 = 30; bot = 18 + 0.5·4 + 2·2 = 24 → (30 − 24)/24 = 0.25
    const cost = { botPerConversation: 0.5, botPerResolution: 2, humanPerConversation: 10, margin: 1 };
    const r = computeKpi(roi, convs, moneyContext(convs, { cost }));
    expect(r.value).toBeCloseTo(0.25, 12);
    expect(r.containment_savings).toBeCloseTo(30, 9);
    expect(r.bot_cost).toBeCloseTo(24, 9);
  });

  it('adds attributed revenue × margin', () => {
    // an order of u1 at 100 s → a (start 0): revenue 12 · margin 0.5 = 6 → (30 + 6 − 24)/24 = 0.5
    const cost = { botPerConversation: 0.5, botPerResolution: 2, humanPerConversation: 10, margin: 0.5 };
    const r = computeKpi(roi, convs, moneyContext(convs, { cost, orders: [order('u1', 100, 12)] }));
    expect(r.attributed_revenue).toBeCloseTo(12, 9);
    expect(r.value).toBeCloseTo(0.5, 12);
  });

  it('without human_per_conversation, values a contained conversation at the mean escalated human time × rate', () => {
    // escalated human time: b 1 h, c 0 h → mean 0.5 h · 30 = 15 per contained conversation; savings = 3 · 15 = 45
    // bot = 18 + 1·4 = 22 → (45 − 22)/22 = 23/22
    const cost = { botPerConversation: 1, agentHourlyRate: 30, margin: 1 };
    const r = computeKpi(roi, convs, moneyContext(convs, { cost }));
    expect(r.containment_savings).toBeCloseTo(45, 9);
    expect(r.value).toBeCloseTo(23 / 22, 12);
  });

  it('is null with a reason when bot cost is 0', () => {
    const cost = { humanPerConversation: 10, margin: 1 };
    const free = convs.map((c) => ({ ...c, otherCost: 0 }));
    const r = computeKpi(roi, free, moneyContext(free, { cost, fields: WITHOUT_COST }));
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/\S/);
  });

  it('is null with a reason without a cost model', () => {
    const r = runKpis([roi], convs, moneyContext(convs)).roi as { value: null; reason: string };
    expect(r.value).toBeNull();
    expect(r.reason).toMatch(/\S/);
  });
});
