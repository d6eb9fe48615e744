/**
 * Sentiment scoring on a worker thread. scoreSentiment costs ~17 µs per distinct text (mostly
 * Intl.Segmenter), and a large input has hundreds of thousands of customer messages; on the
 * thread that also reads and assembles the input that time adds straight to the run. Texts
 * go to one worker in batches (texts and languages as string arrays; scores come back as a
 * transferred Float64Array, NaN for undefined), several batches in flight so the worker does
 * not idle while the calling thread produces more.
 *
 * The worker answers on a port of its own, which submit() reads without waiting each time it
 * closes a batch: a producer that never yields to the event loop (a synchronous loop over
 * assembled conversations) still sees its answers, and their callbacks run as it goes.
 *
 * Where texts are scored:
 *   - until `workerFrom` texts have been submitted, nowhere: they are held. If drain() comes
 *     first (fixtures, tests, small files) they are scored on the calling thread, with no
 *     worker start-up; otherwise they are the worker's first batches;
 *   - beyond `maxInFlight` texts sent and not yet answered, a batch is scored on the calling
 *     thread instead of waiting, which bounds memory and shares the work when the worker
 *     falls behind;
 *   - when ./score-worker.js is not next to this module (vitest runs the TypeScript sources,
 *     where only pool.ts exists), everything is scored on the calling thread.
 * The calling thread imports the lexicons (~300 ms) only the first time it must score a text,
 * so a run the worker keeps up with never loads them twice. The import completes on a later
 * turn of the event loop; until then the batches that need it are held (texts the caller
 * holds anyway), so a producer that never yields and outruns the worker holds them all.
 * Both threads memoise repeated texts, and the same pure function runs on both, so where a
 * text is scored never changes its score.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** scoreSentiment's signature. */
export type ScoreText = (text: string, language: string | undefined) => number | undefined;

/** Receives one text's score: undefined when the text has no letter or the language no lexicon. */
export type ScoreDone = (score: number | undefined) => void;

export interface SentimentScorer {
  /**
   * Queues one text. `done` gets its score on the calling thread, in submission order: when
   * the worker answers, in drain(), or in a later submit() (never in the submit of its own text).
   */
  submit(text: string, language: string | undefined, done: ScoreDone): void;
  /**
   * Resolves once every text submitted so far has been scored and its callback has run.
   * Rejects when the worker fails, a callback throws, or the scorer is closed first.
   */
  drain(): Promise<void>;
  /** Stops the worker (idempotent). Callbacks of texts not yet drained do not run. */
  close(): Promise<void>;
  /** How many texts were scored on the worker and on the calling thread so far. */
  stats(): ScorerStats;
}

export interface ScorerStats {
  readonly submitted: number;
  readonly onWorker: number;
  readonly onCallingThread: number;
}

export interface SentimentScorerOptions {
  /** Texts per message to the worker. */
  batchSize?: number;
  /** Texts submitted before the worker starts; drain() below this scores on the calling thread. */
  workerFrom?: number;
  /** Texts sent to the worker and not yet answered, at most; further batches are scored here. */
  maxInFlight?: number;
  /** The worker script; ./score-worker.js next to this module by default. */
  workerUrl?: URL;
}

/** What the worker is started with. */
export interface ScoreWorkerData {
  /** Where the worker posts its ScoreReplies. */
  readonly answers: MessagePort;
}

/** One message to the worker. */
export interface ScoreRequest {
  readonly texts: readonly string[];
  readonly languages: readonly (string | undefined)[];
}

/** The worker's answer to a request (in request order): one score per text, NaN for undefined. */
export interface ScoreReply {
  readonly scores: Float64Array<ArrayBuffer>;
}

/** Large enough to amortise a message, small enough that the last partial batch is not a long wait. */
const BATCH_SIZE = 2048;
/** Below this many texts the worker's start-up (a thread plus ~300 ms of lexicon import) is not worth it. */
const WORKER_FROM = 4096;
/**
 * Several times what a producer makes while the worker imports its lexicons (~20k texts/s for
 * 0.3–0.6 s), so start-up alone does not make the calling thread score; a few MB of strings.
 */
const MAX_IN_FLIGHT = 65_536;
/** How many distinct (language, text) scores are remembered; support chats repeat short messages a lot. */
const SCORE_CACHE_SIZE = 200_000;

/** Remembers the scores of repeated texts (a pure function, so the cache changes no result). */
export function memoiseScores(score: ScoreText): ScoreText {
  const cache = new Map<string, number | undefined>();
  return (text, language) => {
    const key = `${language ?? ''}\u0000${text}`;
    if (cache.has(key)) return cache.get(key);
    const s = score(text, language);
    if (cache.size < SCORE_CACHE_SIZE) cache.set(key, s);
    return s;
  };
}

/** Scores a batch into a Float64Array, NaN standing for undefined (scoreSentiment never returns NaN). */
export function scoreBatch(score: ScoreText, texts: readonly string[], languages: readonly (string | undefined)[]): Float64Array<ArrayBuffer> {
  const scores = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i += 1) scores[i] = score(texts[i] as string, languages[i]) ?? NaN;
  return scores;
}

export function createSentimentScorer(options: SentimentScorerOptions = {}): SentimentScorer {
  return new ThreadedScorer(options);
}

interface Batch {
  /** Emptied once sent or scored, so the scorer holds no text it no longer needs. */
  texts: string[];
  languages: (string | undefined)[];
  readonly dones: ScoreDone[];
  scores: Float64Array | undefined;
  /** Scored on the calling thread whatever the worker does (drained before the worker started). */
  here: boolean;
}

interface Waiter {
  /** Resolved once this many callbacks have run. */
  readonly delivered: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const newBatch = (): Batch => ({ texts: [], languages: [], dones: [], scores: undefined, here: false });

function positiveInteger(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

class ThreadedScorer implements SentimentScorer {
  private readonly batchSize: number;
  private readonly workerFrom: number;
  private readonly maxInFlight: number;
  private readonly workerUrl: URL;
  /** waiting: fewer than workerFrom texts so far; worker: started; local: no worker script. */
  private mode: 'waiting' | 'worker' | 'local' = 'waiting';
  private worker: Worker | undefined;
  private answers: MessagePort | undefined;
  private filling: Batch = newBatch();
  /** Batches whose callbacks have not run, in submission order. */
  private readonly pending: Batch[] = [];
  /** Batches neither sent nor scored, in submission order. */
  private readonly held: Batch[] = [];
  /** Batches sent to the worker, in the order it answers them. */
  private readonly sent: Batch[] = [];
  private inFlight = 0;
  private submitted = 0;
  private delivered = 0;
  private onWorker = 0;
  private onCallingThread = 0;
  private local: ScoreText | undefined;
  private localLoading = false;
  private readonly waiters: Waiter[] = [];
  /** Set by a failure or by close(): what later calls throw. */
  private stopped: Error | undefined;
  private closing: Promise<void> | undefined;

  constructor(options: SentimentScorerOptions) {
    this.batchSize = positiveInteger('batchSize', options.batchSize, BATCH_SIZE, 1);
    this.workerFrom = positiveInteger('workerFrom', options.workerFrom, WORKER_FROM, 0);
    this.maxInFlight = positiveInteger('maxInFlight', options.maxInFlight, Math.max(MAX_IN_FLIGHT, this.batchSize), this.batchSize);
    this.workerUrl = options.workerUrl ?? new URL('./score-worker.js', import.meta.url);
  }

  submit(text: string, language: string | undefined, done: ScoreDone): void {
    if (this.stopped !== undefined) throw this.stopped;
    const batch = this.filling;
    batch.texts.push(text);
    batch.languages.push(language);
    batch.dones.push(done);
    this.submitted += 1;
    if (batch.dones.length >= this.batchSize) this.closeBatch();
  }

  async drain(): Promise<void> {
    if (this.stopped !== undefined) throw this.stopped;
    if (this.filling.dones.length > 0) this.closeBatch();
    if (this.mode === 'waiting') for (const batch of this.held) batch.here = true;
    this.takeAnswers();
    this.pump();
    this.deliver();
    if (this.stopped !== undefined) throw this.stopped;
    if (this.delivered >= this.submitted) return;
    const delivered = this.submitted;
    await new Promise<void>((resolve, reject) => this.waiters.push({ delivered, resolve, reject }));
  }

  close(): Promise<void> {
    if (this.closing === undefined) {
      this.stop(new Error('the sentiment scorer is closed'));
      const worker = this.worker;
      this.worker = undefined;
      this.answers?.close();
      this.closing = worker === undefined ? Promise.resolve() : worker.terminate().then(() => undefined);
    }
    return this.closing;
  }

  stats(): ScorerStats {
    return { submitted: this.submitted, onWorker: this.onWorker, onCallingThread: this.onCallingThread };
  }

  private closeBatch(): void {
    const batch = this.filling;
    this.filling = newBatch();
    this.pending.push(batch);
    this.held.push(batch);
    if (this.mode === 'waiting' && this.submitted >= this.workerFrom) this.start();
    this.takeAnswers();
    this.pump();
    this.deliver(batch);
  }

  private start(): void {
    const url = this.workerUrl;
    if (url.protocol === 'file:' && !existsSync(fileURLToPath(url))) {
      this.mode = 'local';
      return;
    }
    const { port1: answers, port2 } = new MessageChannel();
    const workerData: ScoreWorkerData = { answers: port2 };
    let worker: Worker;
    try {
      // None of the parent's Node flags: --input-type or --eval would stop the worker from
      // loading, and --import hooks (bench/rss-hook.mjs) would run a second time in it.
      worker = new Worker(url, { execArgv: [], workerData, transferList: [port2] });
    } catch (error) {
      answers.close();
      this.fail(workerError(error));
      return;
    }
    answers.on('message', (reply: ScoreReply) => {
      this.accept(reply);
      this.pump();
      this.deliver();
    });
    answers.on('messageerror', (error) => this.fail(workerError(error)));
    worker.on('message', () => this.fail(new Error('the sentiment scoring worker answered on the wrong port')));
    worker.on('error', (error) => this.fail(workerError(error)));
    worker.on('messageerror', (error) => this.fail(workerError(error)));
    worker.on('exit', (code) => this.fail(new Error(`the sentiment scoring worker exited unexpectedly (code ${code})`)));
    // Referenced only while they hold work, so a scorer nobody closes does not keep Node alive.
    answers.unref();
    worker.unref();
    this.worker = worker;
    this.answers = answers;
    this.mode = 'worker';
  }

  /** Sends or scores held batches, in order, as far as the worker's state allows. */
  private pump(): void {
    while (this.stopped === undefined) {
      const batch = this.held[0];
      if (batch === undefined) return;
      const toWorker = this.mode === 'worker' && !batch.here;
      if (toWorker && this.inFlight + batch.dones.length <= this.maxInFlight) {
        this.send(batch);
      } else if (toWorker || batch.here || this.mode === 'local') {
        if (this.local === undefined) {
          this.loadLocal();
          return;
        }
        batch.scores = scoreBatch(this.local, batch.texts, batch.languages);
        this.onCallingThread += batch.dones.length;
        release(batch);
      } else {
        return;
      }
      this.held.shift();
    }
  }

  private send(batch: Batch): void {
    const worker = this.worker as Worker;
    const request: ScoreRequest = { texts: batch.texts, languages: batch.languages };
    worker.postMessage(request);
    if (this.inFlight === 0) this.ref(true);
    this.inFlight += batch.dones.length;
    this.sent.push(batch);
    release(batch);
  }

  /** Reads the answers already posted, without waiting for the event loop. */
  private takeAnswers(): void {
    const answers = this.answers;
    if (answers === undefined) return;
    for (let m = receiveMessageOnPort(answers); m !== undefined && this.stopped === undefined; m = receiveMessageOnPort(answers)) {
      this.accept(m.message as ScoreReply);
    }
  }

  private accept(reply: ScoreReply): void {
    if (this.stopped !== undefined) return;
    const batch = this.sent.shift();
    if (batch === undefined || !(reply.scores instanceof Float64Array) || reply.scores.length !== batch.dones.length) {
      this.fail(new Error('the sentiment scoring worker answered a batch that was not sent'));
      return;
    }
    batch.scores = reply.scores;
    this.inFlight -= batch.dones.length;
    this.onWorker += batch.dones.length;
    if (this.inFlight === 0) this.ref(false);
  }

  /** Keeps Node alive while the worker holds texts, and only then. */
  private ref(busy: boolean): void {
    for (const handle of [this.worker, this.answers]) {
      if (busy) handle?.ref();
      else handle?.unref();
    }
  }

  /** Imports the lexicons on this thread, the first time a batch must be scored here. */
  private loadLocal(): void {
    if (this.localLoading) return;
    this.localLoading = true;
    import('./sentiment.js').then(
      ({ scoreSentiment }) => {
        this.local = memoiseScores(scoreSentiment);
        this.pump();
        this.deliver();
      },
      (error: unknown) => this.fail(asError(error)),
    );
  }

  /** Runs the callbacks of the leading scored batches (up to `until`, excluded), then settles the drains they complete. */
  private deliver(until?: Batch): void {
    if (this.stopped !== undefined) return;
    try {
      for (let batch = this.pending[0]; batch?.scores !== undefined && batch !== until; batch = this.pending[0]) {
        this.pending.shift();
        const { scores, dones } = batch;
        for (let i = 0; i < dones.length; i += 1) {
          const s = scores[i] as number;
          (dones[i] as ScoreDone)(Number.isNaN(s) ? undefined : s);
        }
        this.delivered += dones.length;
      }
    } catch (error) {
      this.fail(asError(error));
      return;
    }
    while (this.waiters[0] !== undefined && this.waiters[0].delivered <= this.delivered) this.waiters.shift()?.resolve();
  }

  private fail(error: Error): void {
    this.stop(error);
    this.answers?.close();
    void this.worker?.terminate();
  }

  private stop(error: Error): void {
    if (this.stopped !== undefined) return;
    this.stopped = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.pending.length = 0;
    this.held.length = 0;
    this.sent.length = 0;
  }
}

function release(batch: Batch): void {
  batch.texts = [];
  batch.languages = [];
}

function workerError(error: unknown): Error {
  const cause = asError(error);
  return new Error(`sentiment scoring worker failed: ${cause.message}`, { cause });
}
