/**
 * What a message's text shows, without a model: normalised text (for repeated bot replies and for
 * grouping unanswered questions), a request for a human (a small word list per language botkpi
 * scores), and shouting (mostly capitals, in scripts that have case). Pure and cheap: every
 * function runs once per message during assembly.
 */
import { FLAG } from '../model.js';

/** Languages whose scripts have no case and whose words are not separated by spaces. */
const UNSPACED = new Set(['ja', 'zh']);

const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/gu;
/**
 * A number, or an order number / code: a run of Latin letters and digits holding at least one
 * digit ("12345", "A12345", "ord5521"; "ORD-5521" after punctuation became a space is "ord #").
 */
const NUMBER_TOKEN = /[\p{Script=Latin}\d]*\d[\p{Script=Latin}\d]*/gu;

function lower(text: string, language: string | undefined): string {
  if (language === undefined) return text.toLowerCase();
  try {
    return text.toLocaleLowerCase(language);
  } catch {
    return text.toLowerCase();
  }
}

/**
 * Text folded for comparison: Unicode compatibility form (full-width letters and digits become
 * plain ones), lower case in the language's rules (ß as ss), punctuation and symbols as spaces, runs of
 * spaces as one (none in Japanese and Chinese). With `foldNumbers`, every number and order number
 * becomes `#`.
 */
export function normaliseText(text: string, language: string | undefined, foldNumbers: boolean): string {
  // ß folds to ss, as in Unicode case folding ("STRASSE" and "Straße" are one word).
  let s = lower(text.normalize('NFKC'), language).replace(/ß/g, 'ss').replace(PUNCTUATION, ' ');
  // "55-1234" is one number: the placeholders of its parts become one.
  if (foldNumbers) s = s.replace(NUMBER_TOKEN, '#').replace(/#(?:\s+#)+/gu, '#');
  s = s.replace(SPACES, ' ').trim();
  if (language !== undefined && UNSPACED.has(language)) s = s.replace(/ /g, '');
  return s;
}

/** The grouping key of a question in the knowledge-gap report: numbers and order numbers folded. */
export function questionKey(text: string, language: string | undefined): string {
  return normaliseText(text, language, true);
}

/**
 * A 30-bit FNV-1a hash of a bot reply's normalised text (case, punctuation and spacing folded;
 * numbers kept, so "order 12" and "order 13" differ); undefined when nothing is left.
 */
export function replyKey(text: string): number | undefined {
  if (replyKeys.size >= MEMO_SIZE) replyKeys.clear();
  let key = replyKeys.get(text);
  if (key === undefined) replyKeys.set(text, (key = replyKeyOf(text)));
  return key === NO_KEY ? undefined : key;
}

/**
 * Distinct texts whose reply key and customer flags are remembered (each function is pure, so
 * remembering changes no result): bot replies and short customer messages repeat a lot, and
 * normalising a text costs several microseconds. A full memo starts over.
 */
const MEMO_SIZE = 100_000;
/** A reply key's stand-in for "nothing left" in the memo (keys are 30-bit, never negative). */
const NO_KEY = -1;
/** Languages with a memo of their own, at most (a column of junk values must not grow it without end). */
const MEMO_LANGUAGES = 64;
const replyKeys = new Map<string, number>();
const customerFlags = new Map<string | undefined, Map<string, number>>();

function replyKeyOf(text: string): number {
  const s = normaliseText(text, undefined, false);
  if (s === '') return NO_KEY;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // 30 bits: a small integer for V8, so a bot message holds it without a heap number.
  return h & 0x3fffffff;
}

/**
 * Words and phrases that ask for a person, per language (matched on normalised text: lower case,
 * no punctuation; whole words in spaced scripts, substrings in Japanese and Chinese). Chosen and
 * measured on fixtures/text/flags.jsonl; see the README for the lists and their precision/recall.
 */
export const HUMAN_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['human', 'agent', 'representative', 'operator', 'real person', 'live person', 'live agent', 'a person', 'speak to someone', 'talk to someone', 'someone real'],
  de: ['mensch', 'menschen', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin', 'agent', 'echte person', 'echten person', 'mit jemandem sprechen', 'jemanden sprechen'],
  es: ['humano', 'agente', 'persona real', 'una persona', 'operador', 'operadora', 'asesor', 'asesora', 'representante', 'hablar con alguien'],
  fr: ['humain', 'agent', 'conseiller', 'conseillère', 'opérateur', 'opératrice', 'vraie personne', 'une personne', "parler à quelqu'un", 'parler à quelqu un'],
  pt: ['humano', 'atendente', 'agente', 'pessoa real', 'uma pessoa', 'operador', 'operadora', 'falar com alguém'],
  it: ['umano', 'operatore', 'operatrice', 'agente', 'persona reale', 'una persona', 'parlare con qualcuno'],
  nl: ['mens', 'medewerker', 'medewerkster', 'agent', 'echte persoon', 'een persoon', 'iemand spreken', 'met iemand praten'],
  ja: ['担当者', 'オペレーター', 'オペレータ', '人間', '有人', 'スタッフ', '人と話', '係の人', '窓口の人'],
  zh: ['人工', '真人', '转人工', '轉人工', '工作人员', '工作人員', '客服人员', '客服人員', '找个人', '找個人'],
};

function matcher(language: string, words: readonly string[]): RegExp {
  const escaped = words.map((w) => normaliseText(w, language, false).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = escaped.join('|');
  return UNSPACED.has(language) ? new RegExp(body, 'u') : new RegExp(`(?:^| )(?:${body})(?= |$)`, 'u');
}

const HUMAN_MATCHERS = new Map(Object.entries(HUMAN_WORDS).map(([lang, words]) => [lang, matcher(lang, words)]));
const SPACED_MATCHERS = [...HUMAN_MATCHERS].filter(([lang]) => !UNSPACED.has(lang)).map(([, re]) => re);
const UNSPACED_MATCHERS = [...HUMAN_MATCHERS].filter(([lang]) => UNSPACED.has(lang)).map(([, re]) => re);

/** Languages with a word list for requests for a human. */
export const HUMAN_REQUEST_LANGUAGES: readonly string[] = Object.freeze(Object.keys(HUMAN_WORDS));

/**
 * True when a customer's text asks for a person: a word of its language's list, or of any list when
 * the language is unknown or has none.
 */
export function asksForHuman(text: string, language: string | undefined): boolean {
  const own = language === undefined ? undefined : HUMAN_MATCHERS.get(language);
  if (own !== undefined) return own.test(normaliseText(text, language, false));
  // Unknown language: one normalisation for the spaced scripts, without spaces for the others.
  const s = normaliseText(text, undefined, false);
  if (SPACED_MATCHERS.some((re) => re.test(s))) return true;
  const unspaced = s.replace(/ /g, '');
  return UNSPACED_MATCHERS.some((re) => re.test(unspaced));
}

/** Fewest letters with case for a text to count as shouting ("HELP" yes, "OK" and "DHL" no). */
export const SHOUT_MIN_LETTERS = 4;
/** Least share of capitals among its letters with case. */
export const SHOUT_MIN_SHARE = 0.7;

const UPPER = /\p{Lu}|\p{Lt}/u;
const NOT_UPPER = /[^\p{Lu}\p{Lt}]+/gu;
const LOWER = /\p{Ll}/u;
const HAS_DIGIT = /\d/u;

/**
 * True when a text is mostly capitals: at least SHOUT_MIN_LETTERS letters with case (words with
 * digits, like order numbers, left out) of which at least SHOUT_MIN_SHARE are capitals. Scripts
 * without case (Japanese, Chinese) never shout.
 */
export function isShouting(text: string): boolean {
  // Most texts have too few capitals to shout: at least ⌈4 · 0.7⌉ = 3 are needed.
  if (text.replace(NOT_UPPER, '').length < Math.ceil(SHOUT_MIN_LETTERS * SHOUT_MIN_SHARE)) return false;
  let upper = 0;
  let lowerCount = 0;
  for (const word of text.normalize('NFKC').split(SPACES)) {
    if (HAS_DIGIT.test(word)) continue;
    for (const ch of word) {
      if (UPPER.test(ch)) upper++;
      else if (LOWER.test(ch)) lowerCount++;
    }
  }
  const cased = upper + lowerCount;
  return cased >= SHOUT_MIN_LETTERS && upper / cased >= SHOUT_MIN_SHARE;
}

/** FLAG bits of a customer message's text: asks for a human, shouting. */
export function customerTextFlags(text: string, language: string | undefined): number {
  let memo = customerFlags.get(language);
  if (memo === undefined) {
    if (customerFlags.size >= MEMO_LANGUAGES) customerFlags.clear();
    customerFlags.set(language, (memo = new Map()));
  }
  else if (memo.size >= MEMO_SIZE) memo.clear();
  let flags = memo.get(text);
  if (flags === undefined) memo.set(text, (flags = textFlagsOf(text, language)));
  return flags;
}

function textFlagsOf(text: string, language: string | undefined): number {
  return (asksForHuman(text, language) ? FLAG.asksForHuman : 0) | (isShouting(text) ? FLAG.shouting : 0);
}

/**
 * Words that, alone or together, close a conversation rather than ask something ("thanks", "ok
 * great", "danke schön"): a customer message made only of them is not an unanswered question. For
 * Japanese and Chinese, whole messages.
 */
export const CLOSING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['thanks', 'thank', 'you', 'thx', 'ty', 'ok', 'okay', 'k', 'great', 'perfect', 'bye', 'goodbye', 'cool', 'got', 'it', 'so', 'much', 'a', 'lot', 'cheers', 'awesome', 'nice', 'good', 'fine', 'alright', 'all', 'right'],
  de: ['danke', 'dankeschön', 'schön', 'vielen', 'dank', 'super', 'ok', 'okay', 'gut', 'perfekt', 'tschüss', 'alles', 'klar', 'prima', 'toll'],
  es: ['gracias', 'muchas', 'ok', 'vale', 'perfecto', 'genial', 'adiós', 'listo', 'bien', 'muy', 'bueno', 'de', 'nada'],
  fr: ['merci', 'beaucoup', 'ok', 'd', 'accord', 'daccord', 'parfait', 'super', 'au', 'revoir', 'génial', 'bien', 'très', 'top'],
  pt: ['obrigado', 'obrigada', 'muito', 'ok', 'valeu', 'perfeito', 'ótimo', 'tchau', 'beleza', 'certo'],
  it: ['grazie', 'mille', 'tante', 'ok', 'perfetto', 'ottimo', 'ciao', 'va', 'bene', 'benissimo'],
  nl: ['bedankt', 'dank', 'je', 'u', 'wel', 'ok', 'oké', 'prima', 'top', 'super', 'doei', 'dag', 'perfect'],
  ja: ['ありがとう', 'ありがとうございます', 'ありがとうございました', '了解', '了解です', 'わかりました', '分かりました', 'はい', 'ok', 'どうも', '助かりました'],
  zh: ['谢谢', '谢谢你', '多谢', '好的', '好', '知道了', '明白了', '好的谢谢', '谢谢啦', 'ok', '感谢'],
};

const CLOSING = new Map(Object.entries(CLOSING_WORDS).map(([lang, words]) => [lang, new Set(words.map((w) => normaliseText(w, lang, false)))]));
const ALL_CLOSING = new Set([...CLOSING.values()].flatMap((s) => [...s]));

/** True when a customer's text is only closing words of its language (of any language when unknown). */
export function isClosing(text: string, language: string | undefined): boolean {
  const words = (language === undefined ? undefined : CLOSING.get(language)) ?? ALL_CLOSING;
  const s = normaliseText(text, language, false);
  if (s === '') return false;
  if (language !== undefined && UNSPACED.has(language)) return words.has(s);
  return s.split(' ').every((w) => words.has(w));
}
