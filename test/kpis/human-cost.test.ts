import { describe, expect, it } from 'vitest';
import { humanCost } from '../../src/kpis/human-cost.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { WITHOUT_COST, costConversations as convs, moneyContext } from './money-fixture.js';

describe('human_cost', () => {
  it('is Σ cost on agent messages', () => {
    // 50 + 20 = 70
    expect(computeKpi(humanCost, convs, moneyContext(convs)).value).toBeCloseTo(70, 9);
  });

  it('adds human_per_conversation per escalated conversation (bot or not)', () => {
    // 70 + 10·|{b, c}| = 90
    const cost = { humanPerConversation: 10, margin: 1 };
    expect(computeKpi(humanCost, convs, moneyContext(convs, { cost })).value).toBeCloseTo(90, 9);
  });

  it('human_per_conversation wins over the hourly rate', () => {
    const cost = { humanPerConversation: 10, agentHourlyRate: 1000, margin: 1 };
    expect(computeKpi(humanCost, convs, moneyContext(convs, { cost })).value).toBeCloseTo(90, 9);
  });

  it('otherwise charges max(0, end − handoff_at) hours at agent_hourly_rate', () => {
    // b: (3660 − 60) s = 1 h; c: handoff_at = its agent message = end → 0 h; 70 + 30·1 = 100
    const cost = { agentHourlyRate: 30, margin: 1 };
    expect(computeKpi(humanCost, convs, moneyContext(convs, { cost })).value).toBeCloseTo(100, 9);
  });

  it('is null with a reason without cost field or model', () => {
    const r = runKpis([humanCost], convs, moneyContext(convs, { fields: WITHOUT_COST })).human_cost;
    expect(r).toEqual({ value: null, reason: 'needs field cost or a cost model' });
  });
});
