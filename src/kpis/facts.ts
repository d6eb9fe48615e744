import { botOutcome, forEachReply, handoffWaitMs, resolutionMs, type Outcome, type ReplyRole } from '../conversations/derive.js';
import type { Conversation } from '../model.js';
import type { KpiContext } from './types.js';

/** Number of conversations per customer_id in a set (shared by the KPIs that count customers). */
export function conversationsPerCustomer(convs: readonly Conversation[], ctx: KpiContext): Map<string, number> {
  return ctx.memoFor(convs, 'conversationsPerCustomer', () => {
    const perCustomer = new Map<string, number>();
    for (const c of convs) {
      if (c.customerId !== undefined) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
    }
    return perCustomer;
  });
}

/** Reply times (ms) of the response-time walk over a set: every reply, by role, and each conversation's first. */
export interface ReplyTimes {
  all: number[];
  bot: number[];
  agent: number[];
  first: number[];
}

export function replyTimes(convs: readonly Conversation[], ctx: KpiContext): ReplyTimes {
  return ctx.memoFor(convs, 'replyTimes', () => {
    const times: ReplyTimes = { all: [], bot: [], agent: [], first: [] };
    let firstOfConversation = true;
    const record = (role: ReplyRole, ms: number): void => {
      if (firstOfConversation) times.first.push(ms);
      firstOfConversation = false;
      times.all.push(ms);
      (role === 'bot' ? times.bot : times.agent).push(ms);
    };
    for (const c of convs) {
      firstOfConversation = true;
      forEachReply(c, record);
    }
    return times;
  });
}

/**
 * Sentiment of each conversation in a set with scored customer messages, in conversation order:
 * the mean of its scores (summed in message order) and, with two or more, the last minus the first.
 */
export interface ConversationSentiments {
  means: number[];
  shifts: number[];
}

export function conversationSentiments(convs: readonly Conversation[], ctx: KpiContext): ConversationSentiments {
  return ctx.memoFor(convs, 'conversationSentiments', () => {
    const out: ConversationSentiments = { means: [], shifts: [] };
    for (const c of convs) {
      let total = 0;
      let scored = 0;
      let first = 0;
      let last = 0;
      for (const m of c.messages) {
        if (m.role !== 'customer' || m.sentiment === undefined) continue;
        if (scored === 0) first = m.sentiment;
        last = m.sentiment;
        total += m.sentiment;
        scored++;
      }
      if (scored > 0) out.means.push(total / scored);
      if (scored > 1) out.shifts.push(last - first);
    }
    return out;
  });
}

/** Facts about one conversation that depend on the run's settings (schedule, targets, data end). */
export interface ServiceFacts {
  /** Start is outside the conversation's business hours; undefined without a schedule. */
  afterHours?: boolean;
  /** Business ms from the first customer message to the first reply; undefined without a schedule or a reply. */
  firstResponseBusinessMs?: number;
  /** Business ms from the first explicit handoff signal to the first agent message at or after it. */
  handoffWaitBusinessMs?: number;
  /** Outcome of a bot-engaged conversation; undefined otherwise. */
  outcome?: Outcome;
  /** Hit (true) or miss (false) of each service level the conversation is measured by; undefined when not set or not measured. */
  slaFirstResponse?: boolean;
  slaHandoffWait?: boolean;
  slaResolution?: boolean;
}

export const DEFAULT_SILENCE_MS = 86_400_000;

function computeServiceFacts(c: Conversation, ctx: KpiContext): ServiceFacts {
  const { businessHours: calendar, sla } = ctx.options;
  const facts: ServiceFacts = {};
  const frt = c.firstCustomerAt !== undefined && c.firstReplyAt !== undefined ? c.firstReplyAt - c.firstCustomerAt : undefined;
  const wait = handoffWaitMs(c);
  if (calendar !== undefined) {
    const schedule = calendar.scheduleFor(c.market);
    facts.afterHours = !schedule.open(c.start);
    if (frt !== undefined) facts.firstResponseBusinessMs = schedule.businessMs(c.firstCustomerAt as number, c.firstReplyAt as number);
    if (wait !== undefined) facts.handoffWaitBusinessMs = schedule.businessMs(c.explicitHandoffAt as number, c.agentAfterHandoffAt as number);
  }
  const outcome = botOutcome(c, ctx.dataEnd ?? c.end, ctx.options.outcomeSilenceMs ?? DEFAULT_SILENCE_MS);
  if (outcome !== undefined) facts.outcome = outcome;
  const business = sla?.businessHours === true;
  // A time equal to its target is a hit; never answered / never reached a human is a miss.
  if (sla?.firstResponseMs !== undefined && c.firstCustomerAt !== undefined) {
    const measured = business ? facts.firstResponseBusinessMs : frt;
    facts.slaFirstResponse = measured !== undefined && measured <= sla.firstResponseMs;
  }
  if (sla?.handoffWaitMs !== undefined && c.explicitHandoffAt !== undefined) {
    const measured = business ? facts.handoffWaitBusinessMs : wait;
    facts.slaHandoffWait = measured !== undefined && measured <= sla.handoffWaitMs;
  }
  const resolution = resolutionMs(c);
  if (sla?.resolutionMs !== undefined && resolution !== undefined) facts.slaResolution = resolution <= sla.resolutionMs;
  return facts;
}

/** The service facts of a conversation, computed once per run (overall, groups and exports share them). */
export function serviceFacts(c: Conversation, ctx: KpiContext): ServiceFacts {
  const cache = ctx.memo('serviceFacts', () => new WeakMap<Conversation, ServiceFacts>());
  let facts = cache.get(c);
  if (facts === undefined) cache.set(c, (facts = computeServiceFacts(c, ctx)));
  return facts;
}

export const NEEDS_SCHEDULE = 'needs business_hours in the config';
/** Sums of the answer-quality facts (QualityFacts) of a set's conversations, and of its bot-engaged ones. */
export interface QualityTotals {
  botMessages: number;
  reviewed: number;
  correct: number;
  hallucinationReviewed: number;
  hallucinated: number;
  guardrails: number;
  judgedTT: number;
  judgedTF: number;
  judgedFT: number;
  judgedFF: number;
  /** Bot-engaged conversations, and those with each flag. */
  botEngaged: number;
  fallbackLoops: number;
  repeatedReplies: number;
  askedForHuman: number;
  shouting: number;
}

export function qualityTotals(convs: readonly Conversation[], ctx: KpiContext): QualityTotals {
  return ctx.memoFor(convs, 'qualityTotals', () => {
    const t: QualityTotals = {
      botMessages: 0,
      reviewed: 0,
      correct: 0,
      hallucinationReviewed: 0,
      hallucinated: 0,
      guardrails: 0,
      judgedTT: 0,
      judgedTF: 0,
      judgedFT: 0,
      judgedFF: 0,
      botEngaged: 0,
      fallbackLoops: 0,
      repeatedReplies: 0,
      askedForHuman: 0,
      shouting: 0,
    };
    for (const c of convs) {
      const q = c.quality;
      t.botMessages += c.counts.bot;
      t.reviewed += q.reviewed;
      t.correct += q.correct;
      t.hallucinationReviewed += q.hallucinationReviewed;
      t.hallucinated += q.hallucinated;
      t.guardrails += q.guardrails;
      t.judgedTT += q.judgedTT;
      t.judgedTF += q.judgedTF;
      t.judgedFT += q.judgedFT;
      t.judgedFF += q.judgedFF;
      if (!c.botEngaged) continue;
      t.botEngaged++;
      if (q.fallbackLoop) t.fallbackLoops++;
      if (q.repeatedReply) t.repeatedReplies++;
      if (q.askedForHuman) t.askedForHuman++;
      if (q.shouting) t.shouting++;
    }
    return t;
  });
}
