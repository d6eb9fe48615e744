import { computeKpi } from '../../src/kpis/runner.js';
import { describe, expect, it } from 'vitest';
import { cohensKappa, judgeAgreement } from '../../src/kpis/judge-agreement.js';
import type { Row } from './helpers.js';
import { contextOf, conversationsOf } from './helpers.js';
import { expectRate } from './assertions.js';

/** Bot messages with the given verdicts, `n` of each kind, in one conversation per kind. */
function table(tt: number, tf: number, ft: number, ff: number): Row[] {
  const rows: Row[] = [];
  const add = (c: string, n: number, answerCorrect: boolean, judgeCorrect: boolean): void => {
    for (let i = 0; i < n; i++) rows.push({ c, t: i, role: 'bot', answerCorrect, judgeCorrect });
  };
  add('tt', tt, true, true);
  add('tf', tf, true, false);
  add('ft', ft, false, true);
  add('ff', ff, false, false);
  return rows;
}

describe('judge_agreement', () => {
  it("Cohen's kappa and its standard error on a hand-computed 2×2 table", () => {
    // a = 20 both correct, b = 5 answer only, c = 10 judge only, d = 15 both incorrect; n = 50
    // p_o = 35/50 = 0.7; marginals: answer yes 25/50 = 0.5, judge yes 30/50 = 0.6
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4
    // SE = √(0.7·0.3 / (50·0.5²)) = √(0.21/12.5) = √0.0168 = 0.12961481…
    const k = cohensKappa(20, 5, 10, 15);
    expect(k?.kappa).toBeCloseTo(0.4, 12);
    expect(k?.se).toBeCloseTo(Math.sqrt(0.0168), 12);
    expect(k?.se).toBeCloseTo(0.1296148139681572, 12);
  });

  it('perfect and chance agreement', () => {
    // Perfect: a = 3, d = 2: p_o = 1, p_e = (9 + 4)/25 = 0.52 → κ = 1, SE 0
    expect(cohensKappa(3, 0, 0, 2)).toEqual({ kappa: 1, se: 0 });
    // Independent: a = b = c = d = 1: p_o = 0.5, p_e = 0.5 → κ = 0
    expect(cohensKappa(1, 1, 1, 1)?.kappa).toBeCloseTo(0, 12);
    // One verdict throughout: p_e = 1 → undefined
    expect(cohensKappa(4, 0, 0, 0)).toBeNull();
  });

  it('is the agreement rate over bot messages with both verdicts, with kappa and the table', () => {
    const rows = [
      ...table(20, 5, 10, 15),
      { c: 'x', t: 0, role: 'customer', answerCorrect: true, judgeCorrect: false }, // not a bot message
      { c: 'x', t: 1, role: 'bot', answerCorrect: true }, // one verdict only
      { c: 'x', t: 2, role: 'bot', judgeCorrect: false }, // one verdict only
    ] as Row[];
    const convs = conversationsOf(rows);
    const r = computeKpi(judgeAgreement, convs, contextOf(convs));
    expectRate(r, 35, 50);
    expect(r.kappa).toBeCloseTo(0.4, 12);
    expect(r.kappa_se).toBeCloseTo(0.1296148139681572, 12);
    expect(r.table).toEqual({ both_correct: 20, answer_only_correct: 5, judge_only_correct: 10, both_incorrect: 15 });
  });

  it('is null with a reason when no bot message has both verdicts', () => {
    const convs = conversationsOf([
      { c: 'a', t: 1, role: 'bot', answerCorrect: true },
      { c: 'a', t: 2, role: 'bot', judgeCorrect: true },
    ]);
    const r = computeKpi(judgeAgreement, convs, contextOf(convs));
    expect(r).toMatchObject({ value: null, numerator: 0, denominator: 0, ci95: null, kappa: null, kappa_se: null });
    expect(r.reason).toBe('no bot messages with both answer_correct and judge_correct');
  });

  it('kappa is null with its own reason when every verdict is the same', () => {
    const convs = conversationsOf(table(4, 0, 0, 0));
    const r = computeKpi(judgeAgreement, convs, contextOf(convs));
    expectRate(r, 4, 4);
    expect(r.kappa).toBeNull();
    expect(r.kappa_reason).toMatch(/p_e = 1/);
  });
});
