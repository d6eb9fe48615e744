/**
 * Normalised rows in a compact form for the trip from a reading thread to the one that assembles
 * them: columns of numbers in typed arrays (transferred, not copied) and every string once per
 * batch in a table. Structured cloning of one object per row would cost the receiving thread
 * about as much as normalising the row itself.
 *
 * Besides the event, a row can carry the facts its text gives (see `TextFacts`), worked out on the
 * reading thread so that the text itself need not travel.
 */
import type { TextFacts } from '../conversations/assemble.js';
import { EVENT_KINDS, ROLES, type Event, type Rating } from '../model.js';
import type { NormalisedRow } from '../schema/normalise.js';

/** What crosses the thread boundary for one batch of events (all typed arrays transferable). */
export interface PreparedEvents {
  readonly n: number;
  readonly strings: string[];
  /** Per row: conversationId, messageId, text, customerId, channel, market, language, intent, expectedIntent (string index, −1 = absent). */
  readonly refs: Int32Array<ArrayBuffer>;
  /** Per row: ts, intentConfidence, sentiment, cost, csat value, score (NaN = absent). */
  readonly numbers: Float64Array<ArrayBuffer>;
  /** Per row: kind, role (ROLES index, 255 = absent), csat kind, score state. */
  readonly codes: Uint8Array<ArrayBuffer>;
  /** Per row: the seven booleans, two bits each (0 absent, 1 false, 2 true). */
  readonly bools: Uint16Array<ArrayBuffer>;
  /** Per row: customer text flags, reply key (−2 = no facts, −1 = no key). */
  readonly facts: Int32Array<ArrayBuffer>;
}

const REFS = 9;
const NUMBERS = 6;
const CODES = 4;
const FACTS = 2;

const NO_ROLE = 255;
/** csat kind codes. */
const CSAT_NONE = 0;
const CSAT_NUMERIC = 1;
const CSAT_UP = 2;
const CSAT_DOWN = 3;
/** Score states. */
const NOT_SCORED = 0;
const SCORED_NONE = 1;
const SCORED = 2;
/** Reply-key codes. */
const NO_FACTS = -2;
const NO_KEY = -1;

const KIND_INDEX = new Map<string, number>(EVENT_KINDS.map((k, i) => [k, i]));
const ROLE_INDEX = new Map<string, number>(ROLES.map((r, i) => [r, i]));

const bool = (v: boolean | undefined): number => (v === undefined ? 0 : v ? 2 : 1);
const unbool = (bits: number, shift: number): boolean | undefined => {
  const v = (bits >> shift) & 3;
  return v === 0 ? undefined : v === 2;
};

/** Collects rows into a PreparedEvents batch, growing as needed. */
export class PreparedWriter {
  private n = 0;
  private capacity: number;
  private strings: string[] = [];
  private index = new Map<string, number>();
  private refs: Int32Array<ArrayBuffer>;
  private numbers: Float64Array<ArrayBuffer>;
  private codes: Uint8Array<ArrayBuffer>;
  private bools: Uint16Array<ArrayBuffer>;
  private facts: Int32Array<ArrayBuffer>;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.refs = new Int32Array(capacity * REFS);
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.codes = new Uint8Array(capacity * CODES);
    this.bools = new Uint16Array(capacity);
    this.facts = new Int32Array(capacity * FACTS);
  }

  get length(): number {
    return this.n;
  }

  private ref(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grow = <T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T, width: number, make: (n: number) => T): T => {
      const b = make(capacity * width);
      b.set(a as never);
      return b;
    };
    this.refs = grow(this.refs, REFS, (n) => new Int32Array(n));
    this.numbers = grow(this.numbers, NUMBERS, (n) => new Float64Array(n));
    this.codes = grow(this.codes, CODES, (n) => new Uint8Array(n));
    this.bools = grow(this.bools, 1, (n) => new Uint16Array(n));
    this.facts = grow(this.facts, FACTS, (n) => new Int32Array(n));
    this.capacity = capacity;
  }

  /** Adds a row; `text` is what travels of its text (undefined: it stays here). */
  add(e: NormalisedRow, text: string | undefined, facts: TextFacts | undefined): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    const r = i * REFS;
    const refs = this.refs;
    refs[r] = this.ref(e.conversationId);
    refs[r + 1] = this.ref(e.messageId);
    refs[r + 2] = this.ref(text);
    refs[r + 3] = this.ref(e.customerId);
    refs[r + 4] = this.ref(e.channel);
    refs[r + 5] = this.ref(e.market);
    refs[r + 6] = this.ref(e.language);
    refs[r + 7] = this.ref(e.intent);
    refs[r + 8] = this.ref(e.expectedIntent);
    const x = i * NUMBERS;
    const numbers = this.numbers;
    numbers[x] = e.ts;
    numbers[x + 1] = e.intentConfidence ?? NaN;
    numbers[x + 2] = e.sentiment ?? NaN;
    numbers[x + 3] = e.cost ?? NaN;
    const c = i * CODES;
    const codes = this.codes;
    codes[c] = KIND_INDEX.get(e.kind) as number;
    codes[c + 1] = e.role === undefined ? NO_ROLE : (ROLE_INDEX.get(e.role) as number);
    const csat = e.csat;
    if (csat === undefined) {
      codes[c + 2] = CSAT_NONE;
      numbers[x + 4] = NaN;
    } else if (csat.kind === 'numeric') {
      codes[c + 2] = CSAT_NUMERIC;
      numbers[x + 4] = csat.value;
    } else {
      codes[c + 2] = csat.up ? CSAT_UP : CSAT_DOWN;
      numbers[x + 4] = NaN;
    }
    this.bools[i] =
      bool(e.fallback) |
      (bool(e.resolved) << 2) |
      (bool(e.handoff) << 4) |
      (bool(e.answerCorrect) << 6) |
      (bool(e.hallucination) << 8) |
      (bool(e.guardrail) << 10) |
      (bool(e.judgeCorrect) << 12);
    const f = i * FACTS;
    if (facts === undefined) {
      this.facts[f] = 0;
      this.facts[f + 1] = NO_FACTS;
      codes[c + 3] = NOT_SCORED;
      numbers[x + 5] = NaN;
    } else {
      this.facts[f] = facts.flags;
      this.facts[f + 1] = facts.replyKey ?? NO_KEY;
      codes[c + 3] = !facts.scored ? NOT_SCORED : facts.score === undefined ? SCORED_NONE : SCORED;
      numbers[x + 5] = facts.score ?? NaN;
    }
  }

  /** The batch so far (its buffers are to be transferred), and a fresh start. */
  take(): { batch: PreparedEvents; transfer: ArrayBuffer[] } {
    const n = this.n;
    const batch: PreparedEvents = {
      n,
      strings: this.strings,
      refs: this.refs.slice(0, n * REFS),
      numbers: this.numbers.slice(0, n * NUMBERS),
      codes: this.codes.slice(0, n * CODES),
      bools: this.bools.slice(0, n),
      facts: this.facts.slice(0, n * FACTS),
    };
    this.n = 0;
    this.strings = [];
    this.index = new Map();
    return { batch, transfer: [batch.refs.buffer, batch.numbers.buffer, batch.codes.buffer, batch.bools.buffer, batch.facts.buffer] };
  }
}

/** Row `i` of a batch as an event, with every property, as the normaliser makes it. */
export function readEvent(batch: PreparedEvents, i: number): Event {
  const { strings, refs, numbers, codes } = batch;
  const r = i * REFS;
  const x = i * NUMBERS;
  const c = i * CODES;
  const s = (k: number): string | undefined => {
    const ref = refs[r + k] as number;
    return ref === -1 ? undefined : strings[ref];
  };
  const num = (k: number): number | undefined => {
    const v = numbers[x + k] as number;
    return Number.isNaN(v) ? undefined : v;
  };
  const csatCode = codes[c + 2] as number;
  const csat: Rating | undefined =
    csatCode === CSAT_NONE ? undefined : csatCode === CSAT_NUMERIC ? { kind: 'numeric', value: numbers[x + 4] as number } : { kind: 'thumb', up: csatCode === CSAT_UP };
  const roleCode = codes[c + 1] as number;
  const bits = batch.bools[i] as number;
  // The normaliser's property order (one object shape); `seq` is given when the row is used.
  const event = {
    conversationId: s(0) as string,
    ts: numbers[x] as number,
    kind: EVENT_KINDS[codes[c] as number] as Event['kind'],
    role: roleCode === NO_ROLE ? undefined : ROLES[roleCode],
    messageId: s(1),
    text: s(2),
    customerId: s(3),
    channel: s(4),
    market: s(5),
    language: s(6),
    intent: s(7),
    intentConfidence: num(1),
    expectedIntent: s(8),
    fallback: unbool(bits, 0),
    sentiment: num(2),
    csat,
    resolved: unbool(bits, 2),
    handoff: unbool(bits, 4),
    cost: num(3),
    answerCorrect: unbool(bits, 6),
    hallucination: unbool(bits, 8),
    guardrail: unbool(bits, 10),
    judgeCorrect: unbool(bits, 12),
  } as Event;
  return event;
}

/** The text facts of row `i`, written into `into` (read before the next row's), or undefined without any. */
export function readFacts(batch: PreparedEvents, i: number, into: TextFacts): TextFacts | undefined {
  const f = i * FACTS;
  const key = batch.facts[f + 1] as number;
  if (key === NO_FACTS) return undefined;
  const state = batch.codes[i * CODES + 3] as number;
  into.flags = batch.facts[f] as number;
  into.replyKey = key === NO_KEY ? undefined : key;
  into.scored = state !== NOT_SCORED;
  into.score = state === SCORED ? (batch.numbers[i * NUMBERS + 5] as number) : undefined;
  return into;
}
