/**
 * The worker thread of ./ranged.ts: reads the byte ranges it is given (one at a time), normalises
 * their rows, works out what their text gives (reply keys, customer text flags, sentiment scores)
 * and posts the rows in compact batches (./prepared.ts) with the rejections among them. The text
 * of a message stays here unless assembly needs it. A batch waits for the main thread once too
 * many are unread there, so memory stays bounded however far ahead this thread is.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { TextFacts } from '../conversations/assemble.js';
import type { RawRow } from '../model.js';
import { csvRows } from '../read/csv.js';
import { jsonlRows } from '../read/jsonl.js';
import { inputError, InputError } from '../read/source.js';
import { RowNormaliser } from '../schema/normalise.js';
import { customerTextFlags, replyKey } from '../text/flags.js';
import type { ScoreText } from '../text/pool.js';
import { PreparedWriter } from './prepared.js';
import type { RangeJob, RangedWorkerData, ToMain, ToWorker } from './ranged.js';
import { rejectionOf, type Rejection } from './rejection.js';

if (parentPort === null) throw new Error('range-worker.js runs as a worker thread started by ranged.js');
const port = parentPort;
const config = (workerData as RangedWorkerData).config;

/** Rows per batch: large enough to amortise a message, small enough to keep the main thread fed. */
const BATCH_ROWS = 2048;
/** Batches posted and not yet read by the main thread, at most, before this thread waits. */
const MAX_UNREAD = 64;
/** Read size, as the sequential reader's. */
const CHUNK_SIZE = 64 * 1024;

const normaliser = new RowNormaliser(config.normalise);
let scorer: ScoreText | undefined;
let unread = 0;
let wake: (() => void) | undefined;
const jobs: RangeJob[] = [];
let running = false;

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    unread -= message.batches;
    if (unread < MAX_UNREAD && wake !== undefined) {
      const w = wake;
      wake = undefined;
      w();
    }
  } else if (message.type === 'range') {
    jobs.push(message.job);
    void run();
  } else {
    const done: ToMain = { type: 'summary', summary: normaliser.summary() };
    port.postMessage(done);
  }
});

async function run(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) await readRange(job);
  } catch (err) {
    const input = err instanceof InputError;
    const error: ToMain = { type: 'error', message: err instanceof Error ? err.message : String(err), input };
    port.postMessage(error);
  } finally {
    running = false;
  }
}

/**
 * The bytes of the range, counting its line ends (as the reader counts lines). Read synchronously:
 * this thread has nothing else to do meanwhile, and a read stream's asynchronous reads cost more
 * here than the copying itself.
 */
async function* rangeBytes(job: RangeJob, count: { newlines: number; bytes: number }): AsyncGenerator<Buffer> {
  const { path, format } = job.plan;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw inputError(path, err);
  }
  let afterCR = false;
  try {
    for (let position = job.start; position < job.end; ) {
      const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK_SIZE, job.end - position));
      let n = 0;
      try {
        n = readSync(fd, chunk, 0, chunk.length, position);
      } catch (err) {
        throw inputError(path, err);
      }
      if (n === 0) break; // the file shrank
      position += n;
      const bytes = n === chunk.length ? chunk : chunk.subarray(0, n);
      let lines = 0;
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
      if (format === 'csv') {
        // CSV reads a lone CR as a line end too (CRLF is one).
        for (let i = bytes.indexOf(13); i !== -1; i = bytes.indexOf(13, i + 1)) {
          if (i + 1 < bytes.length ? bytes[i + 1] !== 10 : true) lines++;
        }
        if (afterCR && bytes[0] === 10) lines--; // the LF of a CRLF split across chunks, counted as a lone CR
        afterCR = bytes[bytes.length - 1] === 13;
      }
      count.newlines += lines;
      count.bytes += n;
      yield bytes;
    }
  } finally {
    closeSync(fd);
  }
}

function rowsOf(job: RangeJob, count: { newlines: number; bytes: number }): AsyncIterable<RawRow[]> {
  const { plan } = job;
  const bytes = rangeBytes(job, count);
  if (plan.format === 'jsonl') return jsonlRows(bytes, plan.path, true, job.start === 0);
  return csvRows(bytes, plan.path, {
    delimiter: plan.delimiter ?? ',',
    validateUtf8: true,
    ...(job.start === 0 || plan.header === undefined ? {} : { header: plan.header }),
  });
}

async function loadScorer(): Promise<ScoreText> {
  const [{ memoiseScores }, { scoreSentiment }] = await Promise.all([import('../text/pool.js'), import('../text/sentiment.js')]);
  return memoiseScores(scoreSentiment);
}

async function readRange(job: RangeJob): Promise<void> {
  const count = { newlines: 0, bytes: 0 };
  let sentBytes = 0;
  const writer = new PreparedWriter(BATCH_ROWS);
  let rejections: Rejection[] = [];
  const flush = async (): Promise<void> => {
    const { batch, transfer } = writer.take();
    const message: ToMain = { type: 'batch', range: job.index, events: batch, rejections, bytes: count.bytes - sentBytes };
    sentBytes = count.bytes;
    rejections = [];
    port.postMessage(message, transfer);
    unread++;
    if (unread >= MAX_UNREAD) await new Promise<void>((resolve) => (wake = resolve));
  };
  for await (const batch of rowsOf(job, count)) {
    for (const raw of batch) {
      if (!raw.ok) {
        rejections.push(rejectionOf(raw, raw.reason, raw.raw, raw.value));
        continue;
      }
      const result = normaliser.normalise(raw.fields);
      if (!result.ok) {
        rejections.push(rejectionOf(raw, result.reason, raw.fields, result.value));
        continue;
      }
      const e = result.event;
      const text = e.text;
      if (text === undefined || e.kind !== 'message' || config.allText) {
        writer.add(e, config.allText ? text : undefined, undefined);
        continue;
      }
      if (e.role === 'bot') {
        writer.add(e, undefined, { replyKey: replyKey(text), flags: 0, scored: false, score: undefined });
      } else if (e.role === 'customer') {
        const language = e.language;
        const scored = config.scoreText && language !== undefined && e.sentiment === undefined;
        if (scored && scorer === undefined) scorer = await loadScorer();
        const facts: TextFacts = {
          replyKey: undefined,
          flags: language === undefined ? 0 : customerTextFlags(text, language),
          scored,
          score: scored ? (scorer as ScoreText)(text, language) : undefined,
        };
        // Assembly still needs the text: for the gap report, to find the conversation's language, or to count it unscored.
        const needed = config.keepQuestions || language === undefined || (e.sentiment === undefined && !scored);
        writer.add(e, needed ? text : undefined, facts);
      } else {
        writer.add(e, undefined, undefined);
      }
    }
    if (writer.length >= BATCH_ROWS || rejections.length >= BATCH_ROWS) await flush();
  }
  if (writer.length > 0 || rejections.length > 0) await flush();
  const end: ToMain = { type: 'end', range: job.index, newlines: count.newlines };
  port.postMessage(end);
}
