import { abandonmentRate } from './abandonment-rate.js';
import { automationRate } from './automation-rate.js';
import { botMessageShare } from './bot-message-share.js';
import { botResolutionRate } from './bot-resolution-rate.js';
import { containmentRate } from './containment-rate.js';
import { conversations } from './conversations.js';
import { csatAvg } from './csat-avg.js';
import { csatResponseRate } from './csat-response-rate.js';
import { csatScore } from './csat-score.js';
import { escalationRate } from './escalation-rate.js';
import { fallbackMessageRate } from './fallback-message-rate.js';
import { fcrRate } from './fcr-rate.js';
import { firstResponseTime } from './first-response-time.js';
import { handlingTime } from './handling-time.js';
import { handoffWaitTime } from './handoff-wait-time.js';
import { intentAccuracy } from './intent-accuracy.js';
import { intentRecognitionRate } from './intent-recognition-rate.js';
import { intents } from './intents.js';
import { repeatCustomerRate } from './repeat-customer-rate.js';
import { resolutionRate } from './resolution-rate.js';
import { responseTime } from './response-time.js';
import { sentiment } from './sentiment.js';
import { sentimentShift } from './sentiment-shift.js';
import { attributedRevenue } from './attributed-revenue.js';
import { botCost } from './bot-cost.js';
import { conversionRate } from './conversion-rate.js';
import { costPerConversation } from './cost-per-conversation.js';
import { humanCost } from './human-cost.js';
import { roi } from './roi.js';
import { afterHoursRate } from './after-hours-rate.js';
import { aiResolutionRate } from './ai-resolution-rate.js';
import { botInvolvementRate } from './bot-involvement-rate.js';
import { botOutcomes } from './bot-outcomes.js';
import { escalationFailedRate } from './escalation-failed-rate.js';
import { peakConcurrency } from './peak-concurrency.js';
import { reopenRate } from './reopen-rate.js';
import { resolutionTime } from './resolution-time.js';
import { slaFirstResponse } from './sla-first-response.js';
import { slaHandoffWait } from './sla-handoff-wait.js';
import { slaResolution } from './sla-resolution.js';
import { volumeHeatmap } from './volume-heatmap.js';
import { answerAccuracy } from './answer-accuracy.js';
import { fallbackLoopRate } from './fallback-loop-rate.js';
import { guardrailRate } from './guardrail-rate.js';
import { hallucinationRate } from './hallucination-rate.js';
import { judgeAgreement } from './judge-agreement.js';
import { humanRequestRate } from './human-request-rate.js';
import { repeatedReplyRate } from './repeated-reply-rate.js';
import { shoutingRate } from './shouting-rate.js';
import type { AnyKpi } from './types.js';

/** Every KPI, in report order. Adding a KPI means adding its module here and its test. */
export const KPIS: readonly AnyKpi[] = [
  conversations,
  containmentRate,
  escalationRate,
  automationRate,
  botMessageShare,
  resolutionRate,
  botResolutionRate,
  fallbackMessageRate,
  abandonmentRate,
  intentRecognitionRate,
  intentAccuracy,
  fcrRate,
  firstResponseTime,
  responseTime,
  handoffWaitTime,
  handlingTime,
  csatScore,
  csatAvg,
  csatResponseRate,
  sentiment,
  sentimentShift,
  repeatCustomerRate,
  costPerConversation,
  botCost,
  humanCost,
  conversionRate,
  attributedRevenue,
  roi,
  botInvolvementRate,
  escalationFailedRate,
  resolutionTime,
  reopenRate,
  botOutcomes,
  aiResolutionRate,
  afterHoursRate,
  slaFirstResponse,
  slaHandoffWait,
  slaResolution,
  volumeHeatmap,
  peakConcurrency,
  answerAccuracy,
  hallucinationRate,
  guardrailRate,
  fallbackLoopRate,
  judgeAgreement,
  repeatedReplyRate,
  humanRequestRate,
  shoutingRate,
  intents,
];
