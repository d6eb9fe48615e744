import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asksForHuman, HUMAN_REQUEST_LANGUAGES, isClosing, isShouting, questionKey, replyKey } from '../../src/text/flags.js';
import { SENTIMENT_LANGUAGES } from '../../src/text/sentiment.js';

/**
 * Labelled texts (fixtures/text/flags.jsonl, ≥ 20 per language botkpi scores; README "Quality
 * flags"). The word lists were written with these texts in view, so the thresholds guard against
 * regressions rather than promise the same on other data; the hard negatives in the file
 * ("my travel agent", "Mensch, das dauert") are known misses.
 */
interface Labelled {
  language: string;
  text: string;
  human: boolean;
  shouting: boolean;
}
const LABELLED = readFileSync(new URL('../../fixtures/text/flags.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Labelled);

/** Least precision and recall per language (README). */
export const MIN_PRECISION = 0.85;
export const MIN_RECALL = 0.9;

function scores(rows: readonly Labelled[], predict: (r: Labelled) => boolean, label: (r: Labelled) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const p = predict(r);
    const l = label(r);
    if (p && l) tp++;
    else if (p) fp++;
    else if (l) fn++;
  }
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

describe('quality flags on the labelled texts', () => {
  it('has at least 20 texts for every language botkpi scores, and a word list for each', () => {
    expect([...HUMAN_REQUEST_LANGUAGES].sort()).toEqual([...SENTIMENT_LANGUAGES].sort());
    for (const lang of SENTIMENT_LANGUAGES) expect(LABELLED.filter((r) => r.language === lang).length, lang).toBeGreaterThanOrEqual(20);
  });

  describe.each(SENTIMENT_LANGUAGES.map((l) => [l]))('%s', (lang) => {
    const rows = LABELLED.filter((r) => r.language === lang);

    it(`asks for a human: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
      const s = scores(rows, (r) => asksForHuman(r.text, r.language), (r) => r.human);
      expect(s.tp, 'positives found').toBeGreaterThanOrEqual(8);
      expect(s.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(s.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    });

    it(`shouting: precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
      const s = scores(rows, (r) => isShouting(r.text), (r) => r.shouting);
      expect(s.tp, 'positives found').toBeGreaterThanOrEqual(1);
      expect(s.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(s.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    });
  });

  it('an unknown language checks every list', () => {
    expect(asksForHuman('Quiero hablar con un humano', undefined)).toBe(true);
    expect(asksForHuman('转人工', undefined)).toBe(true);
    expect(asksForHuman('Where is my parcel?', undefined)).toBe(false);
  });

  it('shouting needs enough letters with case and ignores words with digits', () => {
    expect(isShouting('HELP')).toBe(true);
    expect(isShouting('OK')).toBe(false);
    expect(isShouting('Order AB12345 CD67890 please')).toBe(false);
    expect(isShouting('注文はどこ！！！')).toBe(false);
    expect(isShouting('ＷＨＥＲＥ ＩＳ ＩＴ')).toBe(true); // full-width Latin
  });
});

/** Labelled pairs of bot replies (fixtures/text/replies.jsonl): the same reply, or not. */
interface Pair {
  language: string;
  a: string;
  b: string;
  same: boolean;
}
const PAIRS = readFileSync(new URL('../../fixtures/text/replies.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Pair);

describe('repeated replies on the labelled pairs', () => {
  it.each(SENTIMENT_LANGUAGES.map((l) => [l]))(`%s: at least 20 pairs, precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL}`, (lang) => {
    const rows = PAIRS.filter((p) => p.language === lang);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of rows) {
      const a = replyKey(p.a);
      const predicted = a !== undefined && a === replyKey(p.b);
      if (predicted && p.same) tp++;
      else if (predicted) fp++;
      else if (p.same) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});

describe('question keys and closing words', () => {
  it('folds case, punctuation, numbers and order numbers', () => {
    expect(questionKey('Where is order #A12345?', 'en')).toBe('where is order #');
    expect(questionKey('WHERE is ORDER 55-1234 ??', 'en')).toBe('where is order #');
    expect(questionKey('注文番号１２３４５はどこ？', 'ja')).toBe('注文番号#はどこ');
    expect(questionKey('Wo ist Bestellung 4711-99?', 'de')).toBe('wo ist bestellung #');
  });

  it('closing words are only closings', () => {
    expect(isClosing('Thanks!', 'en')).toBe(true);
    expect(isClosing('ok great, thank you so much', 'en')).toBe(true);
    expect(isClosing('Vielen Dank!', 'de')).toBe(true);
    expect(isClosing('ありがとうございました。', 'ja')).toBe(true);
    expect(isClosing('thanks, where is my order?', 'en')).toBe(false);
    expect(isClosing('??', 'en')).toBe(false);
  });
});
