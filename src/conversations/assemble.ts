import { FLAG, type Conversation, type Event, type Message, type Rating, type Role } from '../model.js';
import { customerTextFlags, replyKey } from '../text/flags.js';
import { markGaps } from './gaps.js';
import { qualityFacts, reviewFlags } from './quality.js';

/** Text analysis used by assembly (pure functions; absent = not done). */
export interface AssembleOptions {
  /** Scores a customer message's text in [−1, 1]; undefined when its language is not supported. */
  scoreText?: (text: string, language: string | undefined) => number | undefined;
  /**
   * The same score, delivered later to `done` (e.g. computed on another thread); used instead of
   * `scoreText` when given. Messages get their score, and the sentiment counts their tally, when
   * `done` runs: the caller waits for every score before it uses the conversations or the counts.
   */
  scoreTextLater?: (text: string, language: string | undefined, done: (score: number | undefined) => void) => void;
  /** Detects the language of a conversation's customer text when no row gives one. */
  detectLanguage?: (text: string) => string | undefined;
  /**
   * Keep customer message text for the knowledge-gap report (`gapText`): held while the
   * conversation is collected, then only on the messages that are gaps.
   */
  keepQuestions?: boolean;
}

/**
 * What a message's text gives, worked out where the row was read (on another thread), so that its
 * text need not be held or sent: the reply key of a bot message, the flags of a customer message
 * with a language of its own, and the sentiment score of such a message when it was to be scored.
 * A message given these keeps its text only where assembly still needs it (no language of its
 * own, a text kept for the gap report, or unscored text to be counted).
 */
export interface TextFacts {
  replyKey: number | undefined;
  flags: number;
  /** True when `score` is the scorer's answer for this message (undefined: it could not score it). */
  scored: boolean;
  score: number | undefined;
}

/** How rows become conversations. */
export interface AssembleSettings {
  /** Split a conversation_id into episodes at message gaps longer than this (ms); undefined = never. */
  splitAfterMs?: number;
}

export interface SentimentCounts {
  /** Customer messages with a given sentiment value. */
  given: number;
  /** Customer messages scored from their text. */
  computed: number;
  /** Customer messages with text that could not be scored (unsupported or unknown language). */
  unscored: number;
}

/**
 * A message while its conversation is being collected: its input position breaks time ties and its
 * id finds duplicates. Both stay on the message afterwards (deleting them would slow every later
 * property access).
 */
type PendingMessage = Message & { seq: number; id: string | undefined };

/** Up to this many ids, a conversation's duplicate check scans its messages; beyond, it keeps a Set. */
const SCAN_LIMIT = 32;

/** True when the row (ts, seq) comes before the one stamped (ts0, seq0): time order, ties in input order. */
const before = (ts: number, seq: number, ts0: number, seq0: number): boolean => ts < ts0 || (ts === ts0 && seq < seq0);

/**
 * The compact state of one conversation while rows arrive in any order: conversation-level facts
 * are folded in as they come (first/last value by time, each with the time and input position of
 * its row), only messages are kept, and message text only while sentiment scoring or language
 * detection may still need it.
 */
class ConversationState {
  readonly messages: PendingMessage[] = [];
  /** Every row, kept as it came when the conversation is to be split into episodes at the end. */
  readonly events: Event[] | undefined;
  /** Time and input position of every row carrying resolved = true. */
  private resolvedTrue: number[] | undefined = undefined;
  /** Message ids of rows that are not messages (events), for the duplicate check. */
  private eventIds: string[] | undefined = undefined;
  /** Every message id, once there are too many to scan. */
  private idSet: Set<string> | undefined = undefined;
  customerId: string | undefined = undefined;
  customerIdTs = 0;
  customerIdSeq = 0;
  channel: string | undefined = undefined;
  channelTs = 0;
  channelSeq = 0;
  market: string | undefined = undefined;
  marketTs = 0;
  marketSeq = 0;
  language: string | undefined = undefined;
  languageTs = 0;
  languageSeq = 0;
  resolved: boolean | undefined = undefined;
  resolvedTs = 0;
  resolvedSeq = 0;
  csat: Rating | undefined = undefined;
  csatTs = 0;
  csatSeq = 0;
  explicitHandoffAt: number | undefined = undefined;
  agentCost = 0;
  otherCost = 0;

  constructor(keepEvents = false) {
    this.events = keepEvents ? [] : undefined;
  }

  /**
   * The first row carrying resolved = true at or after `start` (time order, ties in input order),
   * as [ts, seq]; undefined when there is none.
   */
  firstResolvedFrom(start: number): [number, number] | undefined {
    const r = this.resolvedTrue;
    if (r === undefined) return undefined;
    let best: [number, number] | undefined;
    for (let i = 0; i < r.length; i += 2) {
      const ts = r[i] as number;
      const seq = r[i + 1] as number;
      if (ts >= start && (best === undefined || before(ts, seq, best[0], best[1]))) best = [ts, seq];
    }
    return best;
  }

  /** True when an earlier row of this conversation had the same message id. */
  has(id: string): boolean {
    if (this.idSet !== undefined) return this.idSet.has(id);
    for (const m of this.messages) if (m.id === id) return true;
    return this.eventIds !== undefined && this.eventIds.includes(id);
  }

  private remember(id: string, message: boolean): void {
    if (this.idSet !== undefined) {
      this.idSet.add(id);
      return;
    }
    if (!message) (this.eventIds ??= []).push(id);
    if (this.messages.length + (this.eventIds?.length ?? 0) > SCAN_LIMIT) {
      this.idSet = new Set(this.eventIds);
      for (const m of this.messages) if (m.id !== undefined) this.idSet.add(m.id);
      this.idSet.add(id);
    }
  }

  add(e: Event, analysis: AssembleOptions, counts: SentimentCounts, facts?: TextFacts): void {
    if (this.events !== undefined) {
      // Split later into episodes, each assembled from its own rows; only the id is needed now.
      if (e.messageId !== undefined) this.remember(e.messageId, false);
      this.events.push(e);
      return;
    }
    const { ts, seq } = e;
    if (e.customerId !== undefined && (this.customerId === undefined || before(ts, seq, this.customerIdTs, this.customerIdSeq))) {
      this.customerId = e.customerId;
      this.customerIdTs = ts;
      this.customerIdSeq = seq;
    }
    if (e.channel !== undefined && (this.channel === undefined || before(ts, seq, this.channelTs, this.channelSeq))) {
      this.channel = e.channel;
      this.channelTs = ts;
      this.channelSeq = seq;
    }
    if (e.market !== undefined && (this.market === undefined || before(ts, seq, this.marketTs, this.marketSeq))) {
      this.market = e.market;
      this.marketTs = ts;
      this.marketSeq = seq;
    }
    if (e.language !== undefined && (this.language === undefined || before(ts, seq, this.languageTs, this.languageSeq))) {
      this.language = e.language;
      this.languageTs = ts;
      this.languageSeq = seq;
    }
    // The latest rating and resolution win.
    if (e.csat !== undefined && (this.csat === undefined || !before(ts, seq, this.csatTs, this.csatSeq))) {
      this.csat = e.csat;
      this.csatTs = ts;
      this.csatSeq = seq;
    }
    const resolved = e.resolved ?? (e.kind === 'resolved' ? true : undefined);
    if (resolved === true) (this.resolvedTrue ??= []).push(ts, seq);
    if (resolved !== undefined && (this.resolved === undefined || !before(ts, seq, this.resolvedTs, this.resolvedSeq))) {
      this.resolved = resolved;
      this.resolvedTs = ts;
      this.resolvedSeq = seq;
    }
    if ((e.kind === 'handoff' || e.handoff === true) && !(ts >= (this.explicitHandoffAt ?? Infinity))) {
      this.explicitHandoffAt = ts;
    }
    const role = e.kind === 'message' ? e.role : undefined;
    if (e.cost !== undefined) {
      if (role === 'agent') this.agentCost += e.cost;
      else this.otherCost += e.cost;
    }
    if (e.messageId !== undefined) this.remember(e.messageId, role !== undefined);
    if (role === undefined) return;
    if (role !== 'customer') {
      // Two message shapes (customer, other), each with all its properties from the start.
      // Review fields count on bot messages only.
      const bot = role === 'bot';
      this.messages.push({
        ts,
        seq,
        id: e.messageId,
        role,
        fallback: bot ? e.fallback : undefined,
        flags: bot ? reviewFlags(e.answerCorrect, e.hallucination, e.guardrail, e.judgeCorrect) : 0,
        replyKey: !bot ? undefined : facts !== undefined ? facts.replyKey : e.text !== undefined ? replyKey(e.text) : undefined,
      });
      return;
    }
    const m: PendingMessage = {
      ts,
      seq,
      id: e.messageId,
      role,
      language: e.language,
      intent: e.intent,
      intentConfidence: e.intentConfidence,
      expectedIntent: e.expectedIntent,
      sentiment: e.sentiment,
      text: undefined,
      // Flags from text need a language: now when the row has one, else once the conversation's is known.
      flags: facts !== undefined ? facts.flags : e.text !== undefined && e.language !== undefined ? customerTextFlags(e.text, e.language) : 0,
      gapText: analysis.keepQuestions === true ? e.text : undefined,
    };
    if (e.sentiment !== undefined) counts.given++;
    if (facts?.scored === true) {
      if (facts.score === undefined) counts.unscored++;
      else {
        m.sentiment = facts.score;
        counts.computed++;
      }
    } else if (e.text !== undefined) {
      // With its own language a message is scored now; otherwise its text waits for the
      // conversation's language (given on a later row, or detected from this very text).
      if (e.language !== undefined && e.sentiment === undefined && canScore(analysis)) {
        score(m, e.text, e.language, analysis, counts);
      } else if (e.language === undefined || e.sentiment === undefined) m.text = e.text;
    }
    this.messages.push(m);
  }
}

const canScore = (analysis: AssembleOptions): boolean => analysis.scoreText !== undefined || analysis.scoreTextLater !== undefined;

function score(m: Message, text: string, language: string | undefined, analysis: AssembleOptions, counts: SentimentCounts): void {
  const done = (s: number | undefined): void => {
    if (s === undefined) counts.unscored++;
    else {
      m.sentiment = s;
      counts.computed++;
    }
  };
  if (analysis.scoreTextLater !== undefined) analysis.scoreTextLater(text, language, done);
  else done(analysis.scoreText?.(text, language));
}

/** What text analysis the collected conversations still need. */
export interface TextNeeds {
  /** Customer messages with text but no sentiment and no language of their own. */
  score: boolean;
  /** Conversations with customer text and no language on any row. */
  detect: boolean;
}

/**
 * Collects events by conversation_id (across all inputs, in any order) and builds conversations
 * (docs/definitions.md §2) once every row has been seen.
 */
export class ConversationAssembler {
  private readonly byId = new Map<string, ConversationState>();
  private lastId: string | undefined;
  private last: ConversationState | undefined;
  private readonly counts: SentimentCounts = { given: 0, computed: 0, unscored: 0 };
  private analysis: AssembleOptions;
  private readonly splitAfterMs: number | undefined;

  constructor(analysis: AssembleOptions = {}, settings: AssembleSettings = {}) {
    this.analysis = analysis;
    this.splitAfterMs = settings.splitAfterMs;
  }

  /** Customer messages by how their sentiment was obtained, so far. */
  get sentimentCounts(): SentimentCounts {
    return { ...this.counts };
  }

  /** Text analysis for rows added from now on and for finish(). */
  useAnalysis(analysis: AssembleOptions): void {
    this.analysis = analysis;
  }

  private state(id: string): ConversationState {
    // Rows of a conversation usually come together.
    if (id === this.lastId && this.last !== undefined) return this.last;
    let state = this.byId.get(id);
    if (state === undefined) this.byId.set(id, (state = new ConversationState(this.splitAfterMs !== undefined)));
    this.lastId = id;
    this.last = state;
    return state;
  }

  /** True when an earlier row had the same conversation_id and message_id: a duplicate, not to be added. */
  isDuplicate(event: Pick<Event, 'conversationId' | 'messageId'>): boolean {
    return event.messageId !== undefined && this.state(event.conversationId).has(event.messageId);
  }

  /** Adds a row that is not a duplicate; `facts`, when its text was looked at where it was read. */
  add(event: Event, facts?: TextFacts): void {
    this.state(event.conversationId).add(event, this.analysis, this.counts, facts);
  }

  /** What the messages still holding text need before finish(). */
  textNeeds(): TextNeeds {
    const needs: TextNeeds = { score: false, detect: false };
    for (const state of this.byId.values()) {
      if (state.events !== undefined) {
        const texts = state.events.filter((e) => e.kind === 'message' && e.role === 'customer' && e.text !== undefined);
        if (texts.some((e) => e.sentiment === undefined)) needs.score = true;
        if (texts.length > 0 && !state.events.some((e) => e.language !== undefined)) needs.detect = true;
        continue;
      }
      if (!state.messages.some((m) => m.text !== undefined)) continue;
      if (state.messages.some((m) => m.text !== undefined && m.sentiment === undefined)) needs.score = true;
      if (state.language === undefined) needs.detect = true;
      if (needs.score && needs.detect) break;
    }
    return needs;
  }

  /**
   * Conversations with at least one message, and the number with none (excluded from KPIs).
   * With `scoreTextLater`, sentiment scores and `sentimentCounts` are complete once every
   * pending score has been delivered.
   */
  finish(): { conversations: Conversation[]; withoutMessages: number; episodesSplit: number } {
    const conversations: Conversation[] = [];
    let withoutMessages = 0;
    let episodesSplit = 0;
    for (const [id, state] of this.byId) {
      if (state.events !== undefined) {
        const episodes = splitEpisodes(state.events, this.splitAfterMs ?? Infinity);
        if (episodes.length === 0) withoutMessages++;
        episodesSplit += Math.max(0, episodes.length - 1);
        episodes.forEach((rows, i) => {
          const episode = new ConversationState();
          for (const e of rows) episode.add(e, this.analysis, this.counts);
          const c = finishConversation(i === 0 ? id : `${id}#${i + 1}`, episode, this.analysis, this.counts) as Conversation;
          c.episode = i + 1;
          conversations.push(c);
        });
        continue;
      }
      const c = finishConversation(id, state, this.analysis, this.counts);
      if (c === undefined) withoutMessages++;
      else conversations.push(c);
    }
    this.byId.clear();
    this.last = undefined;
    conversations.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { conversations, withoutMessages, episodesSplit };
  }
}

/**
 * Splits one conversation_id's rows into episodes (section 7): message rows in time order (ties in
 * input order) start a new episode where the gap to the previous message is strictly longer than
 * `splitAfterMs`; every other row goes to the latest episode starting at or before its time (rows
 * before the first message: the first). No episodes when there is no message.
 */
export function splitEpisodes(events: readonly Event[], splitAfterMs: number): Event[][] {
  const messages = events.filter((e) => e.kind === 'message').sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const starts: number[] = [];
  const episodes: Event[][] = [];
  let previous: number | undefined;
  for (const m of messages) {
    if (previous === undefined || m.ts - previous > splitAfterMs) {
      starts.push(m.ts);
      episodes.push([]);
    }
    (episodes[episodes.length - 1] as Event[]).push(m);
    previous = m.ts;
  }
  if (episodes.length === 0) return [];
  for (const e of events) {
    if (e.kind === 'message') continue;
    // The last start ≤ e.ts (binary search); before the first message: the first episode.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= e.ts) lo = mid;
      else hi = mid - 1;
    }
    (episodes[lo] as Event[]).push(e);
  }
  return episodes;
}

/** Builds one conversation from its events (in input order); undefined when it has no message. */
export function buildConversation(id: string, events: readonly Event[], analysis: AssembleOptions = {}): Conversation | undefined {
  const state = new ConversationState();
  const counts: SentimentCounts = { given: 0, computed: 0, unscored: 0 };
  for (const e of events) state.add(e, analysis, counts);
  return finishConversation(id, state, analysis, counts);
}

function finishConversation(
  id: string,
  state: ConversationState,
  analysis: AssembleOptions,
  counts: SentimentCounts,
): Conversation | undefined {
  // Time order; ties keep input order.
  // A copy holds exactly its messages (the array they were collected in has room for more).
  const messages = state.messages.sort((a, b) => a.ts - b.ts || a.seq - b.seq).slice() as Message[];
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const roleCounts: Record<Role, number> = { customer: 0, bot: 0, agent: 0, system: 0 };
  let customerLanguage: string | undefined;
  let primaryIntent: string | undefined;
  let firstAgent: number | undefined;
  let botAnswered = false;
  const explicit = state.explicitHandoffAt;
  let agentAfterHandoff: number | undefined;
  let firstCustomer: number | undefined;
  let firstReply: number | undefined;
  let lastCustomer: PendingMessage | undefined;
  for (const m of messages as PendingMessage[]) {
    m.id = undefined; // only needed for duplicates, which are all known by now
    roleCounts[m.role]++;
    if (m.role === 'customer') {
      customerLanguage ??= m.language;
      primaryIntent ??= m.intent;
      firstCustomer ??= m.ts;
      lastCustomer = m;
    } else if (m.role === 'bot') {
      if (m.fallback !== true) botAnswered = true;
    } else if (m.role === 'agent') {
      firstAgent ??= m.ts;
      if (explicit !== undefined && m.ts >= explicit) agentAfterHandoff ??= m.ts;
    }
    if (m.role !== 'customer' && m.role !== 'system' && firstCustomer !== undefined) firstReply ??= m.ts;
  }
  const resolvedFrom = state.firstResolvedFrom(first.ts);
  const handoffAt = explicit === undefined ? firstAgent : firstAgent === undefined ? explicit : Math.min(explicit, firstAgent);
  // Every property present (undefined when unknown): one object shape for all conversations.
  const c: Conversation = {
    id,
    customerId: state.customerId,
    channel: state.channel,
    market: state.market,
    language: customerLanguage ?? state.language,
    languageDetected: undefined,
    start: first.ts,
    end: last.ts,
    messages,
    counts: roleCounts,
    primaryIntent,
    botEngaged: roleCounts.bot > 0,
    botAnswered,
    escalated: handoffAt !== undefined,
    handoffAt,
    explicitHandoffAt: explicit,
    resolved: state.resolved,
    resolvedAt: state.resolved === undefined ? undefined : state.resolvedTs,
    reopened:
      resolvedFrom === undefined
        ? undefined
        : lastCustomer !== undefined && before(resolvedFrom[0], resolvedFrom[1], lastCustomer.ts, lastCustomer.seq),
    firstCustomerAt: firstCustomer,
    firstReplyAt: firstReply,
    agentAfterHandoffAt: agentAfterHandoff,
    episode: 1,
    csat: state.csat,
    agentCost: state.agentCost,
    otherCost: state.otherCost,
    quality: qualityFacts(messages),
  };
  analyseText(c, analysis, counts);
  if (analysis.keepQuestions === true) markGaps(c);
  return c;
}

/** Detects a missing language from the customer's text, then scores the messages still holding text. */
function analyseText(c: Conversation, analysis: AssembleOptions, counts: SentimentCounts): void {
  const waiting = c.messages.filter((m) => m.text !== undefined);
  if (waiting.length === 0) return;
  if (c.language === undefined && analysis.detectLanguage !== undefined) {
    const detected = analysis.detectLanguage(waiting.map((m) => m.text).join('\n'));
    if (detected !== undefined) {
      c.language = detected;
      c.languageDetected = true;
    }
  }
  for (const m of waiting) {
    if (m.language === undefined) {
      m.flags |= customerTextFlags(m.text as string, c.language);
      if ((m.flags & FLAG.asksForHuman) !== 0) c.quality.askedForHuman = true;
      if ((m.flags & FLAG.shouting) !== 0) c.quality.shouting = true;
    }
    if (m.sentiment === undefined) {
      if (canScore(analysis)) score(m, m.text as string, m.language ?? c.language, analysis, counts);
      else counts.unscored++;
    }
    m.text = undefined;
  }
}
