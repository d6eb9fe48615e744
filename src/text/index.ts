import type { TextAnalysis, TextAnalysisLoader } from '../report/ingest.js';
import type { TextNeeds } from '../conversations/assemble.js';

/**
 * Loads what the data needs: a sentiment scorer when a customer message has text but no
 * sentiment (it scores on a worker thread once there are enough texts, see ./pool.ts), the
 * language detector (a large model, about a second to load) only when a conversation with
 * customer text has no language and detection is allowed.
 */
export function textAnalysisLoader(detectAllowed: boolean, scoreAllowed = true): TextAnalysisLoader {
  const load = async (needs: TextNeeds): Promise<TextAnalysis> => {
    const out: TextAnalysis = {};
    if (needs.score && scoreAllowed) {
      const scorer = (await import('./pool.js')).createSentimentScorer();
      out.scoreTextLater = (text, language, done) => scorer.submit(text, language, done);
      out.settle = () => scorer.drain();
      out.close = () => scorer.close();
    }
    if (needs.detect && detectAllowed) out.detectLanguage = (await import('./language.js')).detectLanguage;
    return out;
  };
  return Object.assign(load, { scoresText: scoreAllowed });
}
