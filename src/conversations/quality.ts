import { FLAG, type Message, type QualityFacts } from '../model.js';

/**
 * Answer-quality facts and conversation-quality flags of one conversation's messages (in time
 * order), counted once at assembly (docs/definitions.md §8): review counts over its bot messages, the
 * fallback loop (two consecutive bot messages, among its bot messages, both fallbacks), a repeated
 * bot reply (the same normalised text twice), a customer asking for a human, shouting.
 */
export function qualityFacts(messages: readonly Message[]): QualityFacts {
  const q: QualityFacts = {
    reviewed: 0,
    correct: 0,
    hallucinationReviewed: 0,
    hallucinated: 0,
    guardrails: 0,
    judgedTT: 0,
    judgedTF: 0,
    judgedFT: 0,
    judgedFF: 0,
    fallbackLoop: false,
    repeatedReply: false,
    askedForHuman: false,
    shouting: false,
  };
  let previousFallback = false;
  let firstKey: number | undefined;
  let keys: Set<number> | undefined;
  for (const m of messages) {
    const f = m.flags;
    if (m.role === 'customer') {
      if ((f & FLAG.asksForHuman) !== 0) q.askedForHuman = true;
      if ((f & FLAG.shouting) !== 0) q.shouting = true;
      continue;
    }
    if (m.role !== 'bot') continue;
    if ((f & FLAG.answerReviewed) !== 0) {
      q.reviewed++;
      const correct = (f & FLAG.answerCorrect) !== 0;
      if (correct) q.correct++;
      if ((f & FLAG.judged) !== 0) {
        const judge = (f & FLAG.judgeCorrect) !== 0;
        if (correct) {
          if (judge) q.judgedTT++;
          else q.judgedTF++;
        } else if (judge) q.judgedFT++;
        else q.judgedFF++;
      }
    }
    if ((f & FLAG.hallucinationReviewed) !== 0) {
      q.hallucinationReviewed++;
      if ((f & FLAG.hallucinated) !== 0) q.hallucinated++;
    }
    if ((f & FLAG.guardrail) !== 0) q.guardrails++;
    const fallback = m.fallback === true;
    if (fallback && previousFallback) q.fallbackLoop = true;
    previousFallback = fallback;
    const key = m.replyKey;
    if (key !== undefined && !q.repeatedReply) {
      // Most conversations have few bot replies: a Set only from the second one on.
      if (firstKey === undefined) firstKey = key;
      else if (key === firstKey || keys?.has(key) === true) q.repeatedReply = true;
      else (keys ??= new Set([firstKey])).add(key);
    }
  }
  return q;
}

/** FLAG bits of a bot message's review fields. */
export function reviewFlags(answerCorrect?: boolean, hallucination?: boolean, guardrail?: boolean, judgeCorrect?: boolean): number {
  let f = 0;
  if (answerCorrect !== undefined) f |= FLAG.answerReviewed | (answerCorrect ? FLAG.answerCorrect : 0);
  if (hallucination !== undefined) f |= FLAG.hallucinationReviewed | (hallucination ? FLAG.hallucinated : 0);
  if (guardrail !== undefined) f |= FLAG.guardrailKnown | (guardrail ? FLAG.guardrail : 0);
  if (judgeCorrect !== undefined) f |= FLAG.judged | (judgeCorrect ? FLAG.judgeCorrect : 0);
  return f;
}
