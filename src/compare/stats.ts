/**
 * Significance of a change in a rate: the two-proportion z-test.
 *
 * For x1 successes out of n1 (old) and x2 out of n2 (new), with the pooled proportion
 * p = (x1 + x2) / (n1 + n2):
 *
 *     z = (x2/n2 − x1/n1) / sqrt(p · (1 − p) · (1/n1 + 1/n2))
 *
 * and the two-sided p-value is 2 · Φ(−|z|), Φ being the standard normal CDF. The change is
 * significant at 95 % when p < 0.05. The test is undefined (null) when either n is 0, or when p is
 * 0 or 1 (no variation at all, so no standard error). It treats every unit of a rate's denominator
 * (conversation, message, customer) as an independent trial, which is an approximation for rates
 * over messages; it is meant to tell a real change from noise, not to replace a proper experiment.
 */

/** Significance level of the test. */
export const ALPHA = 0.05;

/** Continued-fraction terms for the far tail; 30 give full double precision from |x| = 4 on. */
const TAIL_TERMS = 30;

/**
 * Standard normal CDF Φ(x). For |x| < 4, Hart's double-precision rational approximation 5666 as
 * given by G. West, "Better approximations to cumulative normal functions" (Wilmott, 2005); beyond,
 * the continued fraction of Mills' ratio, Φ(−a) = φ(a) / (a + 1/(a + 2/(a + 3/(a + …)))). Absolute
 * error around 1e-16 and relative error below 1e-12 in the lower tail (Φ(−6) ≈ 9.87e-10), so even
 * tiny p-values are accurate — better than Abramowitz–Stegun 7.1.26, whose absolute error of up to
 * 1.5e-7 makes p-values below 1e-6 meaningless.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const density = Math.exp((-a * a) / 2);
  let tail: number;
  if (a < 4) {
    let num = 3.52624965998911e-2 * a + 0.700383064443688;
    for (const c of [6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376]) num = num * a + c;
    let den = 8.83883476483184e-2 * a + 1.75566716318264;
    for (const c of [16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752]) {
      den = den * a + c;
    }
    tail = (density * num) / den;
  } else {
    let b = a + 0.65;
    for (let k = TAIL_TERMS; k >= 1; k--) b = a + k / b;
    tail = density / b / Math.sqrt(2 * Math.PI);
  }
  return x > 0 ? 1 - tail : tail;
}

export interface ZTest {
  z: number;
  /** Two-sided p-value. */
  p_value: number;
  significant: boolean;
}

/** Two-proportion z-test of x1/n1 (old) against x2/n2 (new); null when undefined (see above). */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (!(n1 > 0 && n2 > 0)) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  if (!(pooled > 0 && pooled < 1)) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x2 / n2 - x1 / n1) / se;
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { z, p_value: p, significant: p < ALPHA };
}
