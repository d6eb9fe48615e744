import { describe, expect, it } from 'vitest';
import { botCost } from '../../src/kpis/bot-cost.js';
import { runKpis, computeKpi } from '../../src/kpis/runner.js';
import { conversationsOf } from './helpers.js';
import { WITHOUT_COST, costConversations as convs, moneyContext } from './money-fixture.js';

describe('bot_cost', () => {
  it('is Σ cost on every row except agent messages (non-message events included)', () => {
    // 1 + 2 + 4 (resolved event) + 3 + 8 (system message) = 18
    expect(computeKpi(botCost, convs, moneyContext(convs)).value).toBeCloseTo(18, 9);
  });

  it('adds bot_per_conversation·|B| and bot_per_resolution·|B ∧ ¬escalated ∧ resolved ≠ false|', () => {
    // 18 + 0.5·4 + 2·2 (a resolved, e unknown; d resolved=false is not counted) = 24
    const cost = { botPerConversation: 0.5, botPerResolution: 2, margin: 1 };
    expect(computeKpi(botCost, convs, moneyContext(convs, { cost })).value).toBeCloseTo(24, 9);
  });

  it('counts an agent-role event that is not a message as bot cost; only agent messages are human cost', () => {
    const x = conversationsOf([
      { c: 'x', t: 0, role: 'customer', cost: 1 },
      { c: 'x', t: 1, kind: 'handoff', role: 'agent', cost: 2 }, // not a message → bot side
      { c: 'x', t: 2, role: 'agent', cost: 4 }, // agent message → human side
    ]);
    // bot = 1 + 2 = 3
    expect(computeKpi(botCost, x, moneyContext(x)).value).toBeCloseTo(3, 9);
  });

  it('is null with a reason without cost field or model', () => {
    const r = runKpis([botCost], convs, moneyContext(convs, { fields: WITHOUT_COST })).bot_cost;
    expect(r).toEqual({ value: null, reason: 'needs field cost or a cost model' });
  });
});
