/**
 * Helpers that make the common KPI kinds as short as their definitions: a rate over conversations,
 * named counters, samples for exact percentiles, and sums that do not depend on the order in which
 * conversations are folded.
 */
import type { Conversation } from '../model.js';
import type { ConversationFacts } from './facts.js';
import { rate, rateSchema, type Rate } from './result.js';
import type { Kpi, KpiContext, KpiMeta } from './types.js';

type Described = Omit<KpiMeta, 'unit' | 'result'> & { applicable?: Kpi['applicable'] };

export interface RateCounts {
  num: number;
  den: number;
}

/**
 * A rate over conversations: those matching `inDenominator`, of which those matching `inNumerator`;
 * null with `empty` when none is in the denominator.
 */
export function rateKpi(
  spec: Described & {
    inDenominator: (c: Conversation, f: ConversationFacts, ctx: KpiContext) => boolean;
    inNumerator: (c: Conversation, f: ConversationFacts, ctx: KpiContext) => boolean;
    empty: string;
  },
): Kpi<RateCounts, Rate> {
  const { inDenominator, inNumerator, empty, ...meta } = spec;
  return {
    ...meta,
    unit: 'ratio',
    result: rateSchema,
    init: () => ({ num: 0, den: 0 }),
    add(t, f, ctx) {
      if (!inDenominator(f.c, f, ctx)) return;
      t.den++;
      if (inNumerator(f.c, f, ctx)) t.num++;
    },
    merge: mergeCounts,
    finish: (t) => rate(t.num, t.den, empty),
  };
}

/** Adds every counter of `other` into `into` (the merge of counter states). */
export function mergeCounts<T extends object>(into: T, other: T): void {
  const a = into as Record<string, number>;
  for (const [k, v] of Object.entries(other as Record<string, number>)) a[k] = (a[k] ?? 0) + v;
}

/**
 * A KPI whose state is a fixed set of named counters (integers): `add` increments them, `merge`
 * sums them, `finish` turns them into the result.
 */
export function countsKpi<K extends string, R>(
  spec: KpiMeta & {
    applicable?: Kpi['applicable'];
    counters: readonly K[];
    add: (t: Record<K, number>, f: ConversationFacts, ctx: KpiContext) => void;
    finish: (t: Record<K, number>, ctx: KpiContext) => R;
  },
): Kpi<Record<K, number>, R> {
  const { counters, add, finish, ...meta } = spec;
  return {
    ...meta,
    init: () => Object.fromEntries(counters.map((k) => [k, 0])) as Record<K, number>,
    add,
    merge: mergeCounts,
    finish,
  };
}

/** Adds the counts of `other` into `into`, key by key (the merge of keyed counters). */
export function mergeCountMaps<K>(into: Map<K, number>, other: ReadonlyMap<K, number>): void {
  for (const [k, n] of other) into.set(k, (into.get(k) ?? 0) + n);
}

/**
 * Named samples (milliseconds) kept whole, so percentiles stay exact: `add` pushes, `merge`
 * concatenates, `finish` sorts (in `distribution`) and reads the percentiles.
 */
export function samplesKpi<K extends string, R>(
  spec: KpiMeta & {
    applicable?: Kpi['applicable'];
    samples: readonly K[];
    add: (s: Record<K, number[]>, f: ConversationFacts, ctx: KpiContext) => void;
    finish: (s: Record<K, number[]>, ctx: KpiContext) => R;
  },
): Kpi<Record<K, number[]>, R> {
  const { samples, add, finish, ...meta } = spec;
  return {
    ...meta,
    init: () => Object.fromEntries(samples.map((k) => [k, []])) as unknown as Record<K, number[]>,
    add,
    merge(into, other) {
      for (const k of samples) for (const x of other[k]) into[k].push(x);
    },
    finish,
  };
}

/** The canonical order of conversations (the report's): by start, then by id in code-unit order. */
function before(startA: number, idA: string, startB: number, idB: string): boolean {
  return startA < startB || (startA === startB && idA < idB);
}

/**
 * A floating-point sum whose result does not depend on the order conversations are folded or
 * merged in: addends are kept with their conversation's (start, id) and summed in that canonical
 * order (a conversation's own addends in the order it added them) — the order the report's
 * conversations come in, so a fold in that order sums as it goes.
 */
export class OrderedSum {
  private starts: number[] = [];
  private ids: string[] = [];
  private values: number[] = [];
  private inOrder = true;
  /** Addends added, zeros included. */
  private n = 0;

  get count(): number {
    return this.n;
  }

  /** Adds `x` for conversation `c` (a 0 is left out: adding it never changes a sum that starts at +0). */
  add(c: Conversation, x: number): void {
    this.n++;
    if (x === 0) return;
    const n = this.values.length;
    if (n > 0 && this.inOrder && before(c.start, c.id, this.starts[n - 1] as number, this.ids[n - 1] as string)) this.inOrder = false;
    this.starts.push(c.start);
    this.ids.push(c.id);
    this.values.push(x);
  }

  merge(other: OrderedSum): void {
    this.n += other.n;
    const n = this.values.length;
    if (!other.inOrder) this.inOrder = false;
    else if (n > 0 && other.values.length > 0 && before(other.starts[0] as number, other.ids[0] as string, this.starts[n - 1] as number, this.ids[n - 1] as string)) {
      this.inOrder = false;
    }
    for (let i = 0; i < other.values.length; i++) {
      this.starts.push(other.starts[i] as number);
      this.ids.push(other.ids[i] as string);
      this.values.push(other.values[i] as number);
    }
  }

  /** The sum in canonical order (0 without addends). */
  total(): number {
    const { starts, ids, values } = this;
    let sum = 0;
    if (this.inOrder) {
      for (const x of values) sum += x;
      return sum;
    }
    // A stable sort keeps each conversation's addends in the order it added them.
    const order = values.map((_, i) => i);
    order.sort((i, j) => (starts[i] as number) - (starts[j] as number) || ((ids[i] as string) < (ids[j] as string) ? -1 : (ids[i] as string) > (ids[j] as string) ? 1 : 0));
    for (const i of order) sum += values[i] as number;
    return sum;
  }
}


/**
 * A rate whose numerator and denominator count things inside conversations (messages, reviewed
 * answers): `add` adds a conversation's counts to `t.num` and `t.den`.
 */
export function messageRateKpi(
  spec: Described & { add: (t: RateCounts, c: Conversation, f: ConversationFacts, ctx: KpiContext) => void; empty: string },
): Kpi<RateCounts, Rate> {
  const { add, empty, ...meta } = spec;
  return {
    ...meta,
    unit: 'ratio',
    result: rateSchema,
    init: () => ({ num: 0, den: 0 }),
    add: (t, f, ctx) => add(t, f.c, f, ctx),
    merge: mergeCounts,
    finish: (t) => rate(t.num, t.den, empty),
  };
}

/**
 * Whole numbers kept in a typed array that grows as needed (customer keys of the conversations
 * folded): four bytes each, merged by concatenation.
 */
export class IntList {
  private items = new Int32Array(16);
  length = 0;

  /** Room for `n` more numbers. */
  private reserve(n: number): void {
    if (this.length + n <= this.items.length) return;
    const grown = new Int32Array(Math.max(this.items.length * 2, this.length + n));
    grown.set(this.items.subarray(0, this.length));
    this.items = grown;
  }

  push(x: number): void {
    this.reserve(1);
    this.items[this.length++] = x;
  }

  append(other: IntList): void {
    this.reserve(other.length);
    this.items.set(other.items.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  /** The numbers in ascending order (a copy). */
  sorted(): Int32Array {
    return this.items.slice(0, this.length).sort();
  }
}

/** How many distinct numbers an ascending array holds, and how many of them occur at least twice. */
export function distinctAndRepeated(sorted: Int32Array): { distinct: number; repeated: number } {
  let distinct = 0;
  let repeated = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    else if (i === 1 || sorted[i - 1] !== sorted[i - 2]) repeated++;
  }
  return { distinct, repeated };
}
