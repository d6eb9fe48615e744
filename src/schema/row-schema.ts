import { z } from 'zod';
import { EVENT_KINDS } from '../model.js';
import * as codec from './codecs.js';
import { DEFAULT_FALLBACK_INTENTS, ROLE_ALIASES } from './fields.js';

const timestamp = z
  .union([z.string(), z.number()])
  .describe('ISO 8601 (offset or Z; without offset read in --tz) or epoch seconds (< 1e11) / milliseconds');

/**
 * One input row (docs/definitions.md §1), built from the same codecs the normaliser runs, for
 * `botkpi schema input`. Field names are matched case-insensitively; other columns are ignored.
 */
export function inputRowSchema(csatScale = 5) {
  return z
    .object({
      conversation_id: codec.text.describe('required: the conversation this row belongs to'),
      timestamp,
      role: codec.role
        .optional()
        .describe(`required for messages: ${Object.keys(ROLE_ALIASES).join(', ')} (aliases map to customer, bot, agent, system)`),
      event: codec.event.optional().describe(`${EVENT_KINDS.join(', ')} (default message)`),
      message_id: codec.text.optional().describe('a repeated (conversation_id, message_id) pair is a counted duplicate'),
      text: codec.text.optional().describe('message text (scored for sentiment, used for language detection)'),
      customer_id: codec.label.optional().describe('who the customer is, across conversations'),
      channel: codec.label.optional(),
      market: codec.label.optional().describe('country or region code'),
      language: codec.language.optional().describe('language tag; its lower-cased primary subtag is used (en-US → en)'),
      intent: codec.label.optional().describe(`predicted intent of a customer message; fallback intents: ${DEFAULT_FALLBACK_INTENTS.join(', ')}`),
      intent_confidence: codec.boundedNumber('intent_confidence', 0, 1).optional(),
      expected_intent: codec.label.optional().describe('gold intent from a review'),
      fallback: codec.booleanField('fallback').optional().describe('a bot message that was a fallback'),
      sentiment: codec.boundedNumber('sentiment', -1, 1).optional().describe('sentiment of a customer message in [−1, 1]'),
      csat: codec.csat(csatScale).optional().describe(`rating 1..${csatScale} or thumbs up/down, positive/negative, true/false`),
      resolved: codec.booleanField('resolved').optional().describe('resolution outcome; the last value in time wins'),
      handoff: codec.booleanField('handoff').optional().describe('true marks a transfer to a human at this row'),
      cost: codec.cost.optional().describe('cost of this event in the base currency'),
      answer_correct: codec.booleanField('answer_correct').optional().describe('on a bot message: a reviewer found the answer correct and on-policy'),
      hallucination: codec.booleanField('hallucination').optional().describe("on a bot message: the answer stated something the brand's sources do not support"),
      guardrail: codec.booleanField('guardrail').optional().describe('on a bot message: a guardrail fired on this answer'),
      judge_correct: codec.booleanField('judge_correct').optional().describe("on a bot message: a second reviewer's (e.g. an LLM judge's) verdict beside answer_correct"),
    })
    .catchall(z.unknown())
    .describe('botkpi input row (JSONL object or CSV record)');
}
