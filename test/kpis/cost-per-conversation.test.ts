import { describe, expect, it } from 'vitest';
import { costPerConversation } from '../../src/kpis/cost-per-conversation.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { conversationsOf } from './helpers.js';
import { WITHOUT_COST, costConversations as convs, moneyContext } from './money-fixture.js';

describe('cost_per_conversation', () => {
  it('is Σ row costs / N without a cost model', () => {
    // bot 18, human 70 → 88 / 5 = 17.6
    const r = computeKpi(costPerConversation, convs, moneyContext(convs));
    expect(r.bot_cost).toBeCloseTo(18, 9);
    expect(r.human_cost).toBeCloseTo(70, 9);
    expect(r.value).toBeCloseTo(17.6, 9);
  });

  it('adds per-conversation, per-resolution and per-escalation amounts', () => {
    const cost = { botPerConversation: 0.5, botPerResolution: 2, humanPerConversation: 10, margin: 1 };
    // bot = 18 + 0.5·|B| (4) + 2·|contained ∧ resolved ≠ false| (2) = 18 + 2 + 4 = 24
    // human = 70 + 10·|escalated| (2) = 90; (24 + 90) / 5 = 22.8
    const r = computeKpi(costPerConversation, convs, moneyContext(convs, { cost }));
    expect(r.bot_cost).toBeCloseTo(24, 9);
    expect(r.human_cost).toBeCloseTo(90, 9);
    expect(r.value).toBeCloseTo(22.8, 9);
  });

  it('without human_per_conversation, charges hours from handoff to end at the hourly rate', () => {
    // human = 70 + 30·(b: (3660 − 60)/3600 = 1 h + c: (1800 − 1800) = 0 h) = 100; bot = 18; 118 / 5 = 23.6
    const r = computeKpi(costPerConversation, convs, moneyContext(convs, { cost: { agentHourlyRate: 30, margin: 1 } }));
    expect(r.bot_cost).toBeCloseTo(18, 9);
    expect(r.human_cost).toBeCloseTo(100, 9);
    expect(r.value).toBeCloseTo(23.6, 9);
  });

  it('never charges negative time when the handoff comes after the last message', () => {
    const late = conversationsOf([
      { c: 'x', t: 0, role: 'customer' },
      { c: 'x', t: 5, role: 'bot' },
      { c: 'x', t: 100, kind: 'handoff' }, // end = 5 < handoff_at = 100 → max(0, −95 s) = 0
    ]);
    const r = computeKpi(costPerConversation, late, moneyContext(late, { cost: { agentHourlyRate: 30, margin: 1 } }));
    expect(r.human_cost).toBe(0);
    expect(r.value).toBe(0);
  });

  it('is null "needs field cost or a cost model" when neither is present', () => {
    const ctx = moneyContext(convs, { fields: WITHOUT_COST });
    expect(runKpis([costPerConversation], convs, ctx)).toEqual({
      cost_per_conversation: { value: null, reason: 'needs field cost or a cost model' },
    });
  });

  it('a cost model alone is enough', () => {
    // no cost field: row costs are still on the conversations here, but a model makes it applicable
    const ctx = moneyContext(convs, { fields: WITHOUT_COST, cost: { humanPerConversation: 10, margin: 1 } });
    const r = runKpis([costPerConversation], convs, ctx).cost_per_conversation as { value: number | null };
    expect(r.value).not.toBeNull();
  });
});
