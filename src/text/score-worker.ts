/**
 * The worker thread of ./pool.ts: scores each batch it is sent and answers in the same order,
 * on the port it was started with, with the scores in a transferred Float64Array. Its own
 * cache of repeated texts lives here, where the scoring happens.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { memoiseScores, scoreBatch, type ScoreReply, type ScoreRequest, type ScoreWorkerData } from './pool.js';
import { scoreSentiment } from './sentiment.js';

if (parentPort === null) throw new Error('score-worker.js runs as a worker thread started by pool.js');
const { answers } = workerData as ScoreWorkerData;
const score = memoiseScores(scoreSentiment);

parentPort.on('message', (request: ScoreRequest) => {
  const reply: ScoreReply = { scores: scoreBatch(score, request.texts, request.languages) };
  answers.postMessage(reply, [reply.scores.buffer]);
});
