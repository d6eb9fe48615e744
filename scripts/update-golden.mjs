#!/usr/bin/env node
// Rewrites the golden report of the demo data on purpose (after a deliberate change of a number):
//   npm run build && node scripts/update-golden.mjs
// test/cli/golden.test.ts diffs a fresh report against it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GOLDEN_ARGS = [
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

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = execFileSync(process.execPath, ['bin/botkpi.js', ...GOLDEN_ARGS], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(out);
  delete report.tool.version;
  writeFileSync(new URL('../fixtures/demo/report.golden.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.error('wrote fixtures/demo/report.golden.json');
}
