import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/types.js';
import { botkpi, fixture, type ReportJson } from './run.js';

/**
 * Same arguments as scripts/update-golden.mjs, which rewrites the golden file on purpose. Paths are
 * relative to the project (the working directory of the run), as the report records them.
 */
const ARGS = [
  'report',
  'fixtures/demo/transcripts.jsonl',
  '--orders',
  'fixtures/demo/orders.csv',
  '--config',
  'fixtures/demo/botkpi.config.json',
  '--by',
  'channel',
  '--format',
  'json',
];

describe('golden report of the demo data', () => {
  it('botkpi report fixtures/demo/transcripts.jsonl --orders … --by channel --format json is unchanged', async () => {
    const r = await botkpi(ARGS);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    // The published schema (`botkpi schema report`) holds every part of it, and nothing undeclared.
    expect(reportSchema.parse(report)).toEqual(report);
    delete report.tool.version;
    const golden = JSON.parse(readFileSync(fixture('demo/report.golden.json'), 'utf8')) as ReportJson;
    // A difference here is a changed number: if it is intended, run scripts/update-golden.mjs.
    expect(report).toEqual(golden);
  });
});
