import { z } from 'zod';
import { countsKpi } from './define.js';
import { nullableNum, num, rate, rateWith } from './result.js';

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

export const agreementResult = rateWith(
  {
    kappa: nullableNum('score').optional().describe("Cohen's kappa of answer_correct against judge_correct"),
    kappa_se: nullableNum('score').optional().describe("kappa's large-sample standard error, sqrt(p_o(1 − p_o) / (n(1 − p_e)²))"),
    kappa_reason: z.string().optional().describe('why kappa is null while agreement has a value'),
    table: z
      .strictObject({
        both_correct: num('count'),
        answer_only_correct: num('count'),
        judge_only_correct: num('count'),
        both_incorrect: num('count'),
      })
      .meta({ shape: 'counts', description: 'bot messages with both verdicts, by (answer_correct, judge_correct)' })
      .optional(),
  },
  'share of bot messages with both verdicts on which answer_correct and judge_correct agree',
);

export const judgeAgreement = countsKpi({
  id: 'judge_agreement',
  title: 'Reviewer agreement (answer_correct vs judge_correct)',
  description:
    "Share of bot answers with both verdicts on which answer_correct and judge_correct agree, with Cohen's kappa and its standard error.",
  unit: 'ratio',
  direction: 'higher',
  requires: ['answer_correct', 'judge_correct'],
  result: agreementResult,
  counters: ['tt', 'tf', 'ft', 'ff'],
  add(t, { c }) {
    t.tt += c.quality.judgedTT;
    t.tf += c.quality.judgedTF;
    t.ft += c.quality.judgedFT;
    t.ff += c.quality.judgedFF;
  },
  finish(t): z.infer<typeof agreementResult> {
    const [a, b, c, d] = [t.tt, t.tf, t.ft, t.ff];
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
});
