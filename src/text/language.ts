/**
 * Language identification of customer messages (ISO 639-1 codes).
 *
 * Library: `eld` 2.1.0 (Nito-ELD, Efficient Language Detector; Apache-2.0; engines
 * node >=14.17; pure JavaScript ESM, no dependencies; 60 languages). It returns ISO
 * 639-1 codes directly, and its `isReliable()` tells us when to answer "undefined".
 * We use its "medium" n-gram database, which ships in the package and loads at
 * import: about 1.4–1.6 s and about 60 MB of heap on this machine. "large" loads in
 * 2.8 s and takes 139 MB for one more correct answer on our fixture. "extrasmall" loads
 * in 0.6 s and takes 29 MB, but got 8 more wrong.
 *
 * Compared on fixtures/text/labelled.jsonl (350 support-chat texts, 9 languages,
 * 2 words to 2 sentences) and fixtures/text/short.jsonl (54 one-to-four-word chat
 * openers): share of raw top answers that were correct, and labelled texts/second on
 * one core (noisy, shared machine):
 *   eld medium       99.7 % labelled, 85 % short, ~25k/s
 *   eld large       100.0 %,           89 %,       ~27k/s (2.3x the memory of medium)
 *   eld extrasmall   97.4 %,           87 %,       ~32k/s
 *   tinyld/heavy     98.0 %,           83 %,       ~6k/s
 *   tinyld (normal)  95.7 %,           72 %,       ~5k/s
 *   cld3-asm         90.9 %,           56 %,       ~5-13k/s (WASM, asynchronous loading)
 *   franc-min        88.0 %,           24 %,       ~7k/s  (ISO 639-3; "und" under 10 chars)
 *   franc            74.6 %,           15 %,       ~2.5k/s (187 languages, more confusions)
 *   languagedetect   68.6 %,           33 %,       ~5k/s  (no Japanese or Chinese)
 * tinyld 1.3.4 came closest, but was less accurate everywhere and 4x slower. franc
 * and languagedetect need 639-3 or name mapping and fail on short texts. cld3-asm
 * only loads asynchronously, so a synchronous API would need top-level await.
 *
 * Uncertainty: we answer only when eld calls its result reliable. For Japanese,
 * Chinese, Korean, Greek, Thai, Hebrew, Armenian and Georgian we also accept an
 * unreliable answer when the script itself decides the language (kana → ja, Han
 * without kana → zh, Hangul → ko…). One-word greetings ("hola", "merci", "hello")
 * therefore usually give undefined: eld's guess for them is often wrong (hello → fi,
 * merci → it). URLs, e-mail addresses and codes that contain digits (order numbers,
 * tracking codes, prices) are removed before detection. eld reads only the first
 * 1000 characters of a text.
 */
import { eld } from 'eld/medium';

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** Latin letter/digit codes containing a digit: #A12345, 3x, 49.90, 2024-05-01. */
const CODE_PATTERN = /[#A-Za-z0-9._/-]*\d[#A-Za-z0-9._/-]*/gu;
const HAS_LETTER = /\p{L}/u;

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

/** Languages whose script alone identifies them among eld's 60 languages. */
const SCRIPT_DECIDES: Readonly<Record<string, (text: string) => boolean>> = {
  ja: (text) => KANA.test(text),
  zh: (text) => HAN.test(text) && !KANA.test(text),
  ko: (text) => /\p{Script=Hangul}/u.test(text),
  el: (text) => /\p{Script=Greek}/u.test(text),
  th: (text) => /\p{Script=Thai}/u.test(text),
  he: (text) => /\p{Script=Hebrew}/u.test(text),
  hy: (text) => /\p{Script=Armenian}/u.test(text),
  ka: (text) => /\p{Script=Georgian}/u.test(text),
};

/** Characters of a conversation's customer text that language detection reads. */
export const MAX_DETECTED_CHARS = 2_000;

function stripNoise(text: string): string {
  return text.replace(URL_PATTERN, ' ').replace(EMAIL_PATTERN, ' ').replace(CODE_PATTERN, ' ');
}

/**
 * ISO 639-1 code of the language `text` is written in ('en', 'es', 'de', 'fr', 'pt',
 * 'it', 'ja', 'zh', 'nl', … 60 languages), or undefined when the text is empty, has
 * no letters, or is too short or ambiguous for a reliable answer.
 */
export function detectLanguage(text: string): string | undefined {
  // The detector's time grows faster than the length of a text: the start decides.
  const cleaned = stripNoise(text.length > MAX_DETECTED_CHARS ? text.slice(0, MAX_DETECTED_CHARS) : text).trim();
  if (!HAS_LETTER.test(cleaned)) return undefined;
  const result = eld.detect(cleaned);
  const language = result.language;
  if (language === '') return undefined;
  if (result.isReliable()) return language;
  return SCRIPT_DECIDES[language]?.(cleaned) === true ? language : undefined;
}
