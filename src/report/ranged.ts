/**
 * Reading one large file on several threads: its byte ranges (../read/ranges.ts) are read,
 * normalised and text-analysed on worker threads (./range-worker.ts), and their rows come back
 * here range after range, in input order, for accounting and assembly on this thread. Duplicates,
 * ties and every count therefore resolve exactly as when the file is read in one piece; a
 * rejection's line is its line in the file (the lines of the earlier ranges are added).
 *
 * Workers take the next range as they finish one, so a slow range does not hold the others up; the
 * ranges beyond the one being assembled wait here, and a worker stops once too many of its batches
 * are unread (memory stays bounded whatever the file's size).
 *
 * When it is used (see `planFile`): a plain JSON Lines or CSV file (not stdin, not gzip: zlib
 * already inflates on a thread of its own; see ../read/ranges.ts) of at least SPLIT_FROM bytes, on
 * a machine with at least two cores, and only when the worker script is there (the compiled
 * package; tests of the TypeScript sources read in one piece).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawRow } from '../model.js';
import { planRanges, type RangePlan } from '../read/ranges.js';
import { InputError, type Encoding, type InputFormat } from '../read/source.js';
import type { NormaliseOptions, NormaliserSummary } from '../schema/normalise.js';
import type { PreparedEvents } from './prepared.js';
import type { Rejection } from './rejection.js';

/** Files smaller than this are read in one piece: a worker's start-up (≈ 0.1 s) would eat the gain. */
export const SPLIT_FROM = 16 * 1024 * 1024;
/**
 * About this many bytes per range (at least one range per worker): small enough that a worker one
 * range ahead of the main thread stays within its allowance of unread batches (see
 * ./range-worker.ts), so it does not wait for the main thread to catch up.
 */
const RANGE_BYTES = 8 * 1024 * 1024;
/** Reading threads at most. */
const MAX_WORKERS = 4;

/** What every worker is told. */
export interface RangedConfig {
  normalise: NormaliseOptions;
  /** Score customer text (with a language of its own) on the worker. */
  scoreText: boolean;
  /** Keep customer text for the gap report. */
  keepQuestions: boolean;
  /** Send every text, analyse none (rows kept whole for episodes). */
  allText: boolean;
}

export interface RangedWorkerData {
  config: RangedConfig;
}

export interface RangeJob {
  index: number;
  plan: RangePlan;
  start: number;
  end: number;
}

export type ToWorker = { type: 'range'; job: RangeJob } | { type: 'ack'; batches: number } | { type: 'finish' };

export type ToMain =
  | { type: 'batch'; range: number; events: PreparedEvents; rejections: Rejection[]; bytes: number }
  | { type: 'end'; range: number; newlines: number }
  | { type: 'summary'; summary: NormaliserSummary }
  | { type: 'error'; message: string; input: boolean };

/** A batch in input order: rejections (a worker counts their lines from its range's start; here, from the file's), then the events (in order among themselves). */
export interface RangedBatch {
  rejections: Rejection[];
  events: PreparedEvents;
  /** Bytes of the file read for this batch. */
  bytes: number;
}

const WORKER_URL = new URL('./range-worker.js', import.meta.url);

/** Settings from the environment (for tests and measurements): BOTKPI_THREADS, BOTKPI_SPLIT_FROM, BOTKPI_RANGE_BYTES. */
function setting(name: string, fallback: number): number {
  const text = process.env[name];
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Reading threads for a file: the cores (at most MAX_WORKERS); 1 or fewer means none. */
export function readingThreads(): number {
  return setting('BOTKPI_THREADS', Math.min(MAX_WORKERS, availableParallelism()));
}

/** A marker batch standing for all the rows of a file read in ranges (see ingest). */
const RANGED = Symbol('botkpi.rangedFile');

export interface RangedFile {
  plan: RangePlan;
  /** Told the rows of each batch as it is accounted for, and the bytes they were read from (progress, tallies). */
  onRows?: (rows: number, bytes: number) => void;
}

/** An empty batch that tells ingest to read `file` in ranges here; it is never given to anything else. */
export function rangedBatch(file: RangedFile): RawRow[] {
  return Object.assign([] as RawRow[], { [RANGED]: file });
}

export function rangedFileOf(batch: unknown): RangedFile | undefined {
  return Array.isArray(batch) ? ((batch as unknown as Record<symbol, RangedFile | undefined>)[RANGED] ?? undefined) : undefined;
}

/** How to read `path` on several threads, or undefined to read it in one piece (see the module comment). */
export async function planFile(path: string, options: { format?: InputFormat; encoding?: Encoding }): Promise<RangePlan | undefined> {
  const threads = readingThreads();
  if (threads < 2) return undefined;
  if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return undefined;
  const from = setting('BOTKPI_SPLIT_FROM', SPLIT_FROM);
  const rangeBytes = Math.max(1, setting('BOTKPI_RANGE_BYTES', RANGE_BYTES));
  const { size } = await stat(path).catch(() => ({ size: 0 }));
  return planRanges(path, {
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    minBytes: Math.max(1, from),
    ranges: Math.max(threads, Math.ceil(size / rangeBytes)),
  });
}

interface RangeQueue {
  batches: { batch: RangedBatch; worker: number }[];
  done: boolean;
  newlines: number;
}

/**
 * The batches of a planned file in input order, rejections' lines in the file; returns what the
 * workers' normalisers saw, to be merged into the caller's.
 */
export async function* readRanged(plan: RangePlan, config: RangedConfig): AsyncGenerator<RangedBatch, NormaliserSummary[]> {
  const count = Math.max(1, Math.min(readingThreads(), plan.ranges.length));
  const queues: RangeQueue[] = plan.ranges.map(() => ({ batches: [], done: false, newlines: 0 }));
  const summaries: NormaliserSummary[] = [];
  let failure: Error | undefined;
  let signal: (() => void) | undefined;
  const notify = (): void => {
    const s = signal;
    signal = undefined;
    s?.();
  };
  let nextRange = 0;
  const workers: Worker[] = [];
  const assign = (w: number): void => {
    const worker = workers[w] as Worker;
    const index = nextRange;
    const range = plan.ranges[index];
    if (range === undefined) {
      const finish: ToWorker = { type: 'finish' };
      worker.postMessage(finish);
      return;
    }
    nextRange++;
    const job: RangeJob = { index, plan, start: range.start, end: range.end };
    const message: ToWorker = { type: 'range', job };
    worker.postMessage(message);
  };
  const fail = (error: Error): void => {
    failure ??= error;
    notify();
  };
  const data: RangedWorkerData = { config };
  for (let w = 0; w < count; w++) {
    // None of the parent's Node flags (see ../text/pool.ts).
    const worker = new Worker(WORKER_URL, { execArgv: [], workerData: data });
    workers.push(worker);
    worker.on('message', (message: ToMain) => {
      if (message.type === 'batch') {
        (queues[message.range] as RangeQueue).batches.push({ batch: { rejections: message.rejections, events: message.events, bytes: message.bytes }, worker: w });
      } else if (message.type === 'end') {
        const q = queues[message.range] as RangeQueue;
        q.done = true;
        q.newlines = message.newlines;
        assign(w);
      } else if (message.type === 'summary') {
        summaries.push(message.summary);
      } else {
        fail(message.input ? new InputError(message.message) : new Error(message.message));
      }
      notify();
    });
    worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (summaries.length < count) fail(new Error(`a reading thread exited unexpectedly (code ${code})`));
    });
    assign(w);
  }
  const wait = (): Promise<void> => new Promise<void>((resolve) => (signal = resolve));
  try {
    let offset = 0;
    for (const queue of queues) {
      for (;;) {
        if (failure !== undefined) throw failure;
        const next = queue.batches.shift();
        if (next !== undefined) {
          const ack: ToWorker = { type: 'ack', batches: 1 };
          (workers[next.worker] as Worker).postMessage(ack);
          if (offset > 0) for (const r of next.batch.rejections) r.line += offset;
          yield next.batch;
          continue;
        }
        if (queue.done) break;
        await wait();
      }
      offset += queue.newlines;
    }
    while (summaries.length < count) {
      if (failure !== undefined) throw failure;
      await wait();
    }
    return summaries;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
