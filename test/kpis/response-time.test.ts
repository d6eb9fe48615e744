import { computeKpi } from '../../src/kpis/runner.js';
import { describe, it } from 'vitest';
import { responseTime } from '../../src/kpis/response-time.js';
import { expectDistribution, expectEmptyDistribution } from './assertions.js';
import { contextOf, conversationsOf } from './helpers.js';

describe('response_time', () => {
  it('records one reply per answered customer run, split by bot and agent', () => {
    const convs = conversationsOf([
      // a
      { c: 'a', t: 0, role: 'customer' }, // run starts at 0
      { c: 'a', t: 5, role: 'customer' }, // keeps the run
      { c: 'a', t: 12, role: 'bot' }, // bot reply 12
      { c: 'a', t: 15, role: 'bot' }, // nothing pending: ignored
      { c: 'a', t: 20, role: 'customer' }, // run starts at 20
      { c: 'a', t: 22, role: 'system' }, // ignored
      { c: 'a', t: 50, role: 'agent' }, // agent reply 30
      { c: 'a', t: 60, role: 'customer' }, // run starts at 60
      { c: 'a', t: 61, role: 'bot' }, // bot reply 1
      // b
      { c: 'b', t: 0, role: 'system' },
      { c: 'b', t: 10, role: 'customer' },
      { c: 'b', t: 14, role: 'bot' }, // bot reply 4
      { c: 'b', t: 20, role: 'customer' },
      { c: 'b', t: 30, role: 'customer' },
      { c: 'b', t: 80, role: 'agent' }, // agent reply 60
      { c: 'b', t: 90, role: 'customer' }, // never answered: no reply
      // c: replies with nothing pending only
      { c: 'c', t: 0, role: 'bot' },
      { c: 'c', t: 3, role: 'bot' },
    ]);
    const r = computeKpi(responseTime, convs, contextOf(convs));
    // all [1, 4, 12, 30, 60]: mean 107/5 = 21.4; p50 h=2 → 12; p90 h=3.6 → 30 + 0.6·30 = 48;
    // p95 h=3.8 → 30 + 0.8·30 = 54
    expectDistribution(r, { mean: 21.4, p50: 12, p90: 48, p95: 54, count: 5 });
    // bot [1, 4, 12]: mean 17/3; p50 h=1 → 4; p90 h=1.8 → 4 + 0.8·8 = 10.4; p95 h=1.9 → 4 + 0.9·8 = 11.2
    expectDistribution(r.bot, { mean: 17 / 3, p50: 4, p90: 10.4, p95: 11.2, count: 3 });
    // agent [30, 60]: mean 45; p50 h=0.5 → 45; p90 h=0.9 → 57; p95 h=0.95 → 58.5
    expectDistribution(r.agent, { mean: 45, p50: 45, p90: 57, p95: 58.5, count: 2 });
  });

  it('keeps input order for equal timestamps', () => {
    const convs = conversationsOf([
      // a: the bot row at 0 comes before the customer row at 0 → nothing pending, ignored; agent at 8 → 8
      { c: 'a', t: 0, role: 'bot' },
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 8, role: 'agent' },
      // b: customer then bot at the same time → a 0 s reply
      { c: 'b', t: 0, role: 'customer' },
      { c: 'b', t: 0, role: 'bot' },
    ]);
    const r = computeKpi(responseTime, convs, contextOf(convs));
    // [0, 8]: mean 4; p50 4; p90 7.2; p95 7.6
    expectDistribution(r, { mean: 4, p50: 4, p90: 7.2, p95: 7.6, count: 2 });
    expectDistribution(r.bot, { mean: 0, p50: 0, p90: 0, p95: 0, count: 1 });
    expectDistribution(r.agent, { mean: 8, p50: 8, p90: 8, p95: 8, count: 1 });
  });

  it('is empty with reasons when there are no replies', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'bot' },
      { c: 'a', t: 1, role: 'customer' },
      { c: 'a', t: 2, role: 'system' },
    ]);
    const r = computeKpi(responseTime, convs, contextOf(convs));
    expectEmptyDistribution(r, true);
    expectEmptyDistribution(r.bot, true);
    expectEmptyDistribution(r.agent, true);
  });

  it('one agent reply leaves the bot split empty', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer' },
      { c: 'a', t: 9, role: 'agent' },
    ]);
    const r = computeKpi(responseTime, convs, contextOf(convs));
    expectDistribution(r, { mean: 9, p50: 9, p90: 9, p95: 9, count: 1 });
    expectDistribution(r.agent, { mean: 9, p50: 9, p90: 9, p95: 9, count: 1 });
    expectEmptyDistribution(r.bot, true);
  });
});
