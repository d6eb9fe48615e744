import type { AgreementKpi } from '../report/types.js';
import { qualityTotals } from './facts.js';
import { rate } from './results.js';
import type { Kpi } from './types.js';

/**
 * Cohen's kappa of two verdicts on the same items from their 2×2 table (a = both yes, b = first
 * yes only, c = second yes only, d = both no; n = a + b + c + d):
 *   p_o = (a + d) / n,  p_e = ((a + b)(a + c) + (c + d)(b + d)) / n²,  κ = (p_o − p_e) / (1 − p_e),
 * with the large-sample standard error SE(κ) = √(p_o(1 − p_o) / (n(1 − p_e)²)).
 * κ and its SE are null when p_e = 1 (both reviewers gave one and the same verdict throughout).
 */
export function cohensKappa(a: number, b: number, c: number, d: number): { kappa: number; se: number } | null {
  const n = a + b + c + d;
  if (n === 0) return null;
  const po = (a + d) / n;
  const pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
  if (pe >= 1) return null;
  return { kappa: (po - pe) / (1 - pe), se: Math.sqrt((po * (1 - po)) / (n * (1 - pe) ** 2)) };
}

export const judgeAgreement: Kpi<AgreementKpi> = {
  id: 'judge_agreement',
  title: 'Reviewer agreement (answer_correct vs judge_correct)',
  description:
    "Share of bot answers with both verdicts on which answer_correct and judge_correct agree, with Cohen's kappa and its standard error.",
  unit: 'ratio',
  shape: 'rate',
  direction: 'higher',
  requires: ['answer_correct', 'judge_correct'],
  compute(convs, ctx) {
    const t = qualityTotals(convs, ctx);
    const [a, b, c, d] = [t.judgedTT, t.judgedTF, t.judgedFT, t.judgedFF];
    const agreement = rate(a + d, a + b + c + d, 'no bot messages with both answer_correct and judge_correct');
    const k = cohensKappa(a, b, c, d);
    return {
      ...agreement,
      kappa: k?.kappa ?? null,
      kappa_se: k?.se ?? null,
      ...(k === null && agreement.value !== null ? { kappa_reason: 'every verdict the same: kappa is undefined (p_e = 1)' } : {}),
      table: { both_correct: a, answer_only_correct: b, judge_only_correct: c, both_incorrect: d },
    };
  },
};
