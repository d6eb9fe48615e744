/**
 * Facts the KPIs share: about the whole input (built once per run, on first use) and about one
 * conversation (computed once, on first use, whichever KPI and whichever group asks first).
 */
import { botOutcome, forEachReply, handoffWaitMs, isContained, resolutionMs, type Outcome } from '../conversations/derive.js';
import type { Conversation } from '../model.js';
import type { KpiContext, WholeInputFact } from './types.js';

export const HOUR_MS = 3_600_000;
export const DEFAULT_SILENCE_MS = 86_400_000;


/** A code-unit comparison of ids (never locale-dependent). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Whole-input facts

/**
 * Every customer of the whole input under a small whole number (its key, in order of first
 * appearance), so that the KPIs that count customers or look up a customer's other conversations
 * hash each customer_id once per run: `keyOf` gives the key of `all[i]` (-1 without a customer),
 * `starts` the ascending start times of each customer's conversations.
 */
export interface Customers {
  index: Map<string, number>;
  keyOf: Int32Array;
  starts: number[][];
}

export const customers: WholeInputFact<Customers> = {
  id: 'customers',
  build(ctx) {
    const index = new Map<string, number>();
    const keyOf = new Int32Array(ctx.all.length);
    const starts: number[][] = [];
    ctx.all.forEach((c, i) => {
      if (c.customerId === undefined) {
        keyOf[i] = -1;
        return;
      }
      let key = index.get(c.customerId);
      if (key === undefined) {
        index.set(c.customerId, (key = starts.length));
        starts.push([c.start]);
      } else (starts[key] as number[]).push(c.start);
      keyOf[i] = key;
    });
    // Plain arrays: most customers have one conversation, and a typed array per customer costs more than it saves.
    for (const list of starts) if (list.length > 1) list.sort((a, b) => a - b);
    return { index, keyOf, starts };
  },
};

/** Index of the first element > x in an ascending array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Another conversation of the same customer starts in (start, end + W]. */
function hasFollowUp(c: Conversation, starts: readonly number[], windowMs: number): boolean {
  const next = starts[upperBound(starts, c.start)];
  return next !== undefined && next <= c.end + windowMs;
}

export interface Credit {
  orders: number;
  value: number;
}

/**
 * Credits every order to the latest conversation of its customer starting at or before it (searched
 * in the whole input; equal starts: the larger conversation_id), if the order falls within
 * [start, start + A]. Conversation id → credited orders and value (summed in order-file order).
 */
export const attribution: WholeInputFact<Map<string, Credit>> = {
  id: 'attribution',
  build(ctx) {
    const { index, keyOf, starts } = ctx.fact(customers);
    const byCustomer: Conversation[][] = starts.map(() => []);
    ctx.all.forEach((c, i) => {
      const key = keyOf[i] as number;
      if (key >= 0) (byCustomer[key] as Conversation[]).push(c);
    });
    for (const list of byCustomer) if (list.length > 1) list.sort((a, b) => a.start - b.start || compareIds(a.id, b.id));
    const credits = new Map<string, Credit>();
    for (const order of ctx.orders ?? []) {
      const key = index.get(order.customerId);
      if (key === undefined) continue;
      const list = byCustomer[key] as Conversation[];
      // Last conversation with start ≤ order time (ties sorted by id, so the larger id is last).
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as Conversation).start <= order.ts) lo = mid + 1;
        else hi = mid;
      }
      const c = list[lo - 1];
      if (c === undefined || order.ts > c.start + ctx.options.attributionWindowMs) continue;
      const credit = credits.get(c.id) ?? { orders: 0, value: 0 };
      credit.orders++;
      credit.value += order.value;
      credits.set(c.id, credit);
    }
    return credits;
  },
};

// ---------------------------------------------------------------------------------------------
// Per-conversation facts

/** Reply times (ms) of the response-time walk: every reply, the role of each, and the first. */
export interface Replies {
  ms: number[];
  /** Parallel to `ms`: true for a bot reply, false for an agent's. */
  byBot: boolean[];
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

/** Time a human spent on an escalated conversation: from handoff to its end, never negative. */
export function humanMs(c: Conversation): number {
  return c.handoffAt === undefined ? 0 : Math.max(0, c.end - c.handoffAt);
}

const UNSET = Symbol('unset');

/**
 * One conversation and the facts several KPIs derive from it, each computed on first use and then
 * shared by every KPI and every group the conversation is folded into.
 */
export class ConversationFacts {
  private repliesMemo: Replies | undefined;
  private serviceMemo: ServiceFacts | undefined;
  private sentimentMemo: { mean: number | undefined; shift: number | undefined } | undefined;
  private fcrMemo: boolean | undefined | typeof UNSET = UNSET;
  private keyMemo = -2;
  private fallbacksMemo = -1;
  private costsMemo: { bot: number[]; human: number[] } | undefined;

  /**
   * `position`: where the conversation is in the context's `all`, when the caller knows it (the
   * report's fold does), so that its customer key is read rather than looked up.
   */
  constructor(
    readonly c: Conversation,
    private readonly ctx: KpiContext,
    private readonly position?: number,
  ) {}

  /** The customer's key (see `customers`), -1 without a customer_id. */
  get customerKey(): number {
    if (this.keyMemo === -2) {
      const { c, position } = this;
      const known = this.ctx.fact(customers);
      if (position !== undefined && this.ctx.all[position] === c) this.keyMemo = known.keyOf[position] as number;
      else this.keyMemo = c.customerId === undefined ? -1 : (known.index.get(c.customerId) ?? -1);
    }
    return this.keyMemo;
  }

  /** Bot messages that were fallbacks. */
  get fallbacks(): number {
    if (this.fallbacksMemo < 0) {
      let n = 0;
      for (const m of this.c.messages) if (m.role === 'bot' && m.fallback === true) n++;
      this.fallbacksMemo = n;
    }
    return this.fallbacksMemo;
  }

  /** Every reply of the response-time walk, in order. */
  get replies(): Replies {
    if (this.repliesMemo === undefined) {
      const r: Replies = { ms: [], byBot: [] };
      forEachReply(this.c, (role, ms) => {
        r.ms.push(ms);
        r.byBot.push(role === 'bot');
      });
      this.repliesMemo = r;
    }
    return this.repliesMemo;
  }

  get service(): ServiceFacts {
    return (this.serviceMemo ??= computeServiceFacts(this.c, this.ctx));
  }

  /**
   * The mean of the scored customer messages (summed in message order) and, with two or more, the
   * last minus the first; undefined when too few are scored.
   */
  get sentiment(): { mean: number | undefined; shift: number | undefined } {
    if (this.sentimentMemo === undefined) {
      let total = 0;
      let scored = 0;
      let first = 0;
      let last = 0;
      for (const m of this.c.messages) {
        if (m.role !== 'customer' || m.sentiment === undefined) continue;
        if (scored === 0) first = m.sentiment;
        last = m.sentiment;
        total += m.sentiment;
        scored++;
      }
      this.sentimentMemo = { mean: scored > 0 ? total / scored : undefined, shift: scored > 1 ? last - first : undefined };
    }
    return this.sentimentMemo;
  }

  /**
   * Whether the conversation counts for FCR (bot-engaged, with a customer) and, if so, whether it
   * passes: not marked unresolved, and no conversation of the customer starts in (start, end + W].
   */
  get fcr(): boolean | undefined {
    if (this.fcrMemo === UNSET) {
      const c = this.c;
      const key = c.botEngaged ? this.customerKey : -1;
      if (key < 0) this.fcrMemo = undefined;
      else {
        const starts = this.ctx.fact(customers).starts[key] as readonly number[];
        this.fcrMemo = c.resolved !== false && !hasFollowUp(c, starts, this.ctx.options.fcrWindowMs);
      }
    }
    return this.fcrMemo;
  }

  /** Orders credited to the conversation (with `--orders`); undefined when none. */
  get credit(): Credit | undefined {
    return this.ctx.orders === undefined ? undefined : this.ctx.fact(attribution).get(this.c.id);
  }

  /**
   * The conversation's bot and human cost, as the addends a running sum takes in turn (the cost on
   * its rows, then the cost model's parts); shared by every cost KPI and group.
   */
  get costAddends(): { bot: number[]; human: number[] } {
    if (this.costsMemo === undefined) {
      const c = this.c;
      const model = this.ctx.options.cost;
      const bot = [c.otherCost];
      const human = [c.agentCost];
      if (model !== undefined) {
        if (c.botEngaged && model.botPerConversation !== undefined) bot.push(model.botPerConversation);
        if (isContained(c) && c.resolved !== false && model.botPerResolution !== undefined) bot.push(model.botPerResolution);
        if (c.escalated) {
          if (model.humanPerConversation !== undefined) human.push(model.humanPerConversation);
          else if (model.agentHourlyRate !== undefined) human.push((humanMs(c) / HOUR_MS) * model.agentHourlyRate);
        }
      }
      this.costsMemo = { bot, human };
    }
    return this.costsMemo;
  }
}
