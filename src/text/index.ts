import type { AssembleOptions, TextNeeds } from '../conversations/assemble.js';

/** How many distinct (language, text) scores are remembered; support chats repeat short messages a lot. */
const SCORE_CACHE_SIZE = 200_000;

/** Remembers the scores of repeated texts (a pure function, so the cache changes no result). */
function memoised(score: (text: string, language: string | undefined) => number | undefined) {
  const cache = new Map<string, number | undefined>();
  return (text: string, language: string | undefined): number | undefined => {
    const key = `${language ?? ''}\u0000${text}`;
    if (cache.has(key)) return cache.get(key);
    const s = score(text, language);
    if (cache.size < SCORE_CACHE_SIZE) cache.set(key, s);
    return s;
  };
}

/**
 * Loads what the data needs: the sentiment lexicons when a customer message has text but no
 * sentiment, the language detector (a large model, about a second to load) only when a
 * conversation with customer text has no language and detection is allowed.
 */
export function textAnalysisLoader(detectAllowed: boolean, scoreAllowed = true) {
  return async (needs: TextNeeds): Promise<AssembleOptions> => {
    const out: AssembleOptions = {};
    if (needs.score && scoreAllowed) out.scoreText = memoised((await import('./sentiment.js')).scoreSentiment);
    if (needs.detect && detectAllowed) out.detectLanguage = (await import('./language.js')).detectLanguage;
    return out;
  };
}
