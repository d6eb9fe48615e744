import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRows, writeJsonl } from '../../scripts/generate.js';
import { readBatches } from '../../src/read/index.js';
import { ingest } from '../../src/report/ingest.js';
import { scoreSentiment } from '../../src/text/sentiment.js';
import { createContext, computeKpi } from '../../src/kpis/runner.js';
import { sentiment } from '../../src/kpis/sentiment.js';
import { sentimentShift } from '../../src/kpis/sentiment-shift.js';
import type { KpiOptions } from '../../src/kpis/types.js';
import { reportJson } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'botkpi-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sentiment scored on a worker thread', () => {
  it('gives the same scores as scoring on the main thread', async () => {
    // Enough texts to score (well over the few thousand from which the worker starts).
    const file = join(dir, 'many.jsonl');
    await writeJsonl(generateRows({ conversations: 4000, seed: 7, text: true }), file);
    const { report } = await reportJson([file]);

    const data = await ingest([readBatches(file)], {
      tz: 'UTC',
      csatScale: 5,
      textAnalysis: async () => ({ scoreText: scoreSentiment }),
    });
    expect(data.sentiment.computed).toBeGreaterThan(5000);
    expect(report.dataQuality.sentiment).toEqual(data.sentiment);
    // Every sentiment KPI matches the one computed from the main-thread scores, to the last digit.
    const context = createContext(data.conversations, {} as KpiOptions, data.fields);
    expect(report.kpis.sentiment).toEqual(JSON.parse(JSON.stringify(computeKpi(sentiment, data.conversations, context))));
    expect(report.kpis.sentiment_shift).toEqual(JSON.parse(JSON.stringify(computeKpi(sentimentShift, data.conversations, context))));
  }, 60_000);
});
