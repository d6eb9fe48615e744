import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from './run.js';

const run = promisify(execFile);

/**
 * The library entry as a dependent would use it: `import('botkpi')` resolves through package.json
 * `exports` to the built files (a package may import itself by name), then runs the pipeline on the
 * hand-computed fixture.
 */
const SCRIPT = `
const botkpi = await import('botkpi');
const data = await botkpi.ingest([botkpi.readBatches(process.argv[1])], { tz: 'UTC', csatScale: 5 });
const report = botkpi.buildReport(data, {
  scope: { tz: 'UTC', where: [] }, by: [], baseCurrency: 'USD', version: 'smoke',
  kpi: { fallbackIntents: new Set(['fallback']), fcrWindowMs: 7 * 864e5, csatScale: 5, csatSatisfiedFrom: 4, attributionWindowMs: 72 * 36e5 },
});
process.stdout.write(JSON.stringify({ kpis: botkpi.KPIS.length, containment: report.kpis.containment_rate, json: botkpi.render(report, 'json').length > 0 }));
`;

describe('library entry (package.json exports)', () => {
  it('imports by package name and computes the hand fixture', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCRIPT, fixture('hand/basic.jsonl')], { cwd: ROOT });
    const out = JSON.parse(stdout) as { kpis: number; containment: { numerator: number; denominator: number }; json: boolean };
    expect(out.kpis).toBeGreaterThan(20);
    expect(out.containment).toMatchObject({ numerator: 4, denominator: 6 });
    expect(out.json).toBe(true);
  });
});
