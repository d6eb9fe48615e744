import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type * as PoolModule from '../../src/text/pool.js';
import { createSentimentScorer, type SentimentScorer, type SentimentScorerOptions } from '../../src/text/pool.js';
import type * as SentimentModule from '../../src/text/sentiment.js';
import { SENTIMENT_LANGUAGES, scoreSentiment } from '../../src/text/sentiment.js';
import { readTextFixture } from './fixtures.js';

type Item = readonly [text: string, language: string | undefined];

/**
 * A few thousand (text, language) pairs: the fixture texts in their own language, in another
 * supported one, with a region subtag, with no language and with unsupported ones, plus texts
 * with no letter or only emoji; repeated, as support chats are.
 */
function mixedItems(count: number): Item[] {
  const rows = [...readTextFixture('labelled'), ...readTextFixture('heldout')];
  const odd: Item[] = [['', 'en'], ['12345 !!!', 'de'], ['#34590', 'ja'], ['   ', undefined], ['👍', 'en'], ['😡😡', 'zh'], ['…', 'fr']];
  const items: Item[] = [];
  for (let i = 0; items.length < count; i += 1) {
    const row = rows[(i * 7) % rows.length];
    if (row === undefined) throw new Error('no fixture rows');
    const languages = [row.language, undefined, 'xx', `${row.language}-XX`, SENTIMENT_LANGUAGES[i % SENTIMENT_LANGUAGES.length], 'ko'];
    items.push([row.text, languages[i % languages.length]]);
    if (i % 13 === 0) items.push(odd[i % odd.length] as Item);
  }
  return items.slice(0, count);
}

type Score = (text: string, language: string | undefined) => number | undefined;

/** Submits every item (checking no text's callback runs in its own submit), drains, returns the scores in callback order. */
async function scoreAll(scorer: SentimentScorer, items: readonly Item[]): Promise<{ index: number; score: number | undefined }[]> {
  const got: { index: number; score: number | undefined }[] = [];
  items.forEach(([text, language], index) => {
    scorer.submit(text, language, (score) => got.push({ index, score }));
    expect(got.at(-1)?.index ?? -1).toBeLessThan(index);
  });
  await scorer.drain();
  return got;
}

function expectIdentical(got: readonly { index: number; score: number | undefined }[], items: readonly Item[], score: Score): void {
  expect(got.map((g) => g.index)).toStrictEqual(items.map((_, i) => i));
  // toStrictEqual compares numbers with Object.is: the same doubles, not merely close ones.
  expect(got.map((g) => g.score)).toStrictEqual(items.map(([text, language]) => score(text, language)));
}

const ITEMS = mixedItems(6000);

describe('createSentimentScorer on the calling thread', () => {
  // Under vitest pool.ts runs from src/, where ./score-worker.js does not exist, so every text is
  // scored on the calling thread; the worker itself is tested against dist/ below.
  it('the test items cover what scoreSentiment treats specially', () => {
    const scores = ITEMS.map(([text, language]) => scoreSentiment(text, language));
    expect(ITEMS.some(([, language]) => language === undefined)).toBe(true);
    expect(scores.filter((s) => s === undefined).length).toBeGreaterThan(1000);
    expect(scores.filter((s) => s !== undefined && s > 0).length).toBeGreaterThan(500);
    expect(scores.filter((s) => s !== undefined && s < 0).length).toBeGreaterThan(500);
    expect(scores.filter((s) => s === 0).length).toBeGreaterThan(100);
    expect(new Set(ITEMS.map(([text, language]) => `${language}\u0000${text}`)).size).toBeLessThan(ITEMS.length / 2);
  });

  for (const options of [{}, { batchSize: 97, workerFrom: 0 }, { workerFrom: 1_000_000 }] satisfies SentimentScorerOptions[]) {
    it(`gives scoreSentiment's scores in submission order (${JSON.stringify(options)})`, async () => {
      const scorer = createSentimentScorer(options);
      expectIdentical(await scoreAll(scorer, ITEMS), ITEMS, scoreSentiment);
      expect(scorer.stats()).toStrictEqual({ submitted: ITEMS.length, onWorker: 0, onCallingThread: ITEMS.length });
      await scorer.close();
    });
  }

  it('drains with nothing submitted, and again after draining', async () => {
    const scorer = createSentimentScorer();
    await scorer.drain();
    await scorer.drain();
    const got = await scoreAll(scorer, ITEMS.slice(0, 10));
    expect(got).toHaveLength(10);
    await scorer.drain();
    await scorer.close();
  });

  it('runs callbacks in order across batches and successive drains', async () => {
    const scorer = createSentimentScorer({ batchSize: 7, workerFrom: 0 });
    const first = ITEMS.slice(0, 50);
    const second = ITEMS.slice(50, 123);
    expectIdentical(await scoreAll(scorer, first), first, scoreSentiment);
    expectIdentical(await scoreAll(scorer, second), second, scoreSentiment);
    await scorer.close();
  });

  it('runs the callbacks of earlier batches during later submits', async () => {
    const scorer = createSentimentScorer({ batchSize: 10, workerFrom: 0 });
    await scoreAll(scorer, ITEMS.slice(0, 1)); // the lexicons are loaded on this thread from here on
    let called = 0;
    for (const [text, language] of ITEMS.slice(0, 35)) scorer.submit(text, language, () => (called += 1));
    expect(called).toBe(20);
    await scorer.drain();
    expect(called).toBe(35);
    await scorer.close();
  });

  it('close is idempotent, rejects a pending drain and refuses later texts', async () => {
    const scorer = createSentimentScorer({ workerFrom: 0 });
    scorer.submit('great service', 'en', () => undefined);
    const drained = scorer.drain();
    await Promise.all([scorer.close(), scorer.close()]);
    await scorer.close();
    await expect(drained).rejects.toThrow(/closed/);
    expect(() => scorer.submit('thanks', 'en', () => undefined)).toThrow(/closed/);
    await expect(scorer.drain()).rejects.toThrow(/closed/);
  });

  it('a throwing callback rejects drain', async () => {
    const scorer = createSentimentScorer();
    scorer.submit('great service', 'en', () => {
      throw new Error('callback failed');
    });
    await expect(scorer.drain()).rejects.toThrow('callback failed');
    await scorer.close();
  });

  it('rejects bad options', () => {
    expect(() => createSentimentScorer({ batchSize: 0 })).toThrow(RangeError);
    expect(() => createSentimentScorer({ batchSize: 100, maxInFlight: 50 })).toThrow(RangeError);
    expect(() => createSentimentScorer({ workerFrom: -1 })).toThrow(RangeError);
  });
});

describe('createSentimentScorer when the worker fails', () => {
  // data: URL workers run without any file, so these need no build.
  const worker = (source: string): URL => new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  const cases: [string, URL, RegExp][] = [
    ['throws while loading', worker('throw new Error("lexicons missing")'), /sentiment scoring worker failed: lexicons missing/],
    [
      'throws on a batch',
      worker('import { parentPort } from "node:worker_threads"; parentPort.on("message", () => { throw new Error("boom"); });'),
      /sentiment scoring worker failed: boom/,
    ],
    ['exits', worker('import { parentPort } from "node:worker_threads"; parentPort.on("message", () => process.exit(3));'), /exited unexpectedly \(code 3\)/],
    [
      'answers out of step',
      worker('import { parentPort, workerData } from "node:worker_threads"; parentPort.on("message", () => workerData.answers.postMessage({ scores: new Float64Array(1) }));'),
      /answered a batch that was not sent/,
    ],
    [
      'answers on the wrong port',
      worker('import { parentPort } from "node:worker_threads"; parentPort.on("message", (m) => parentPort.postMessage({ scores: new Float64Array(m.texts.length) }));'),
      /wrong port/,
    ],
  ];
  for (const [name, workerUrl, message] of cases) {
    it(`rejects drain when the worker ${name}`, async () => {
      const scorer = createSentimentScorer({ workerFrom: 0, workerUrl });
      for (const [text, language] of ITEMS.slice(0, 10)) scorer.submit(text, language, () => undefined);
      await expect(scorer.drain()).rejects.toThrow(message);
      expect(() => scorer.submit('thanks', 'en', () => undefined)).toThrow(message);
      await scorer.close();
      await scorer.close();
    });
  }
});

// The worker runs compiled JavaScript: these tests use dist/ (`npm test` builds it first).
const DIST_POOL = new URL('../../dist/text/pool.js', import.meta.url);
const DIST_SENTIMENT = new URL('../../dist/text/sentiment.js', import.meta.url);
const hasDist = existsSync(DIST_POOL) && existsSync(new URL('../../dist/text/score-worker.js', import.meta.url));

describe.skipIf(!hasDist)('createSentimentScorer with its worker (dist/; skipped without `npm run build`)', () => {
  const load = async () => ({
    pool: (await import(DIST_POOL.href)) as typeof PoolModule,
    sentiment: (await import(DIST_SENTIMENT.href)) as typeof SentimentModule,
  });

  it('scores on the worker with scoreSentiment results, in submission order', async () => {
    const { pool, sentiment } = await load();
    const scorer = pool.createSentimentScorer({ batchSize: 500, workerFrom: 1000, maxInFlight: ITEMS.length });
    expectIdentical(await scoreAll(scorer, ITEMS), ITEMS, sentiment.scoreSentiment);
    expect(scorer.stats()).toStrictEqual({ submitted: ITEMS.length, onWorker: ITEMS.length, onCallingThread: 0 });
    await scorer.close();
    await scorer.close();
  });

  it('beyond maxInFlight scores on the calling thread too, with the same results and order', async () => {
    const { pool, sentiment } = await load();
    const scorer = pool.createSentimentScorer({ batchSize: 64, workerFrom: 0, maxInFlight: 256 });
    expectIdentical(await scoreAll(scorer, ITEMS), ITEMS, sentiment.scoreSentiment);
    const stats = scorer.stats();
    expect(stats.onWorker).toBeGreaterThan(0);
    expect(stats.onCallingThread).toBeGreaterThan(0);
    expect(stats.onWorker + stats.onCallingThread).toBe(ITEMS.length);
    await scorer.close();
  });

  it('does not keep the process alive when nobody closes it', async () => {
    const script = `
      import { createSentimentScorer } from ${JSON.stringify(DIST_POOL.href)};
      const scorer = createSentimentScorer({ workerFrom: 0 });
      let n = 0;
      for (let i = 0; i < 5000; i += 1) scorer.submit('great service, thanks ' + (i % 50), 'en', () => (n += 1));
      await scorer.drain();
      console.log(n, scorer.stats().onWorker);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe('5000 5000');
  });
});
