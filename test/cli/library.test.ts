import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, ROOT } from './run.js';

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

const ADAPT_SCRIPT = `
const botkpi = await import('botkpi');
const file = process.argv[1];
const chosen = await botkpi.chooseAdapter(file, botkpi.readBatches(file), undefined);
const tally = botkpi.emptyTally();
const rows = botkpi.adaptBatches(chosen.batches, chosen.adapter, { bots: [], agents: [] }, tally);
const data = await botkpi.ingest([rows], { tz: 'UTC', csatScale: 5 });
process.stdout.write(JSON.stringify({ adapter: chosen.adapter.id, tally, conversations: data.conversations.length, ids: botkpi.ADAPTERS.map((a) => a.id) }));
`;

describe('library entry: the adapt stage', () => {
  it('detects and adapts a platform export by package name', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', ADAPT_SCRIPT, fixture('adapters/intercom/conversations.jsonl')], { cwd: ROOT });
    const out = JSON.parse(stdout) as { adapter: string; tally: unknown; conversations: number; ids: string[] };
    // 5 documents → 16 rows (fixtures/adapters/intercom/conversations.md), 5 conversations.
    expect(out).toMatchObject({ adapter: 'intercom', tally: { documents: 5, rows: 16, documentTimeRows: 0 }, conversations: 5 });
    expect(out.ids).toEqual(expect.arrayContaining(['flat', 'messages', 'intercom', 'zendesk', 'chatwoot']));
  });
});

/**
 * The app layer through the library entry: `runReport` takes the files and the CLI's flags (as
 * commander names them) and makes the report `botkpi report` makes, through the same wiring
 * (config file, settings, scope, adapters, orders).
 */
const RUN_SCRIPT = `
const botkpi = await import('botkpi');
const [files, flags] = JSON.parse(process.argv[1]);
const warnings = [];
const report = await botkpi.runReport({ files, flags, cwd: process.cwd(), by: flags.by ?? [], warn: (m) => warnings.push(m) });
process.stdout.write(JSON.stringify({ json: botkpi.render(report, 'json', { color: false }), warnings }));
`;

async function viaLibrary(files: string[], flags: Record<string, unknown>): Promise<{ json: string; warnings: string[] }> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', RUN_SCRIPT, JSON.stringify([files, flags])], { cwd: ROOT, maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as { json: string; warnings: string[] };
}

describe('library entry: runReport, the app layer', () => {
  it('makes the JSON report the CLI makes for the hand fixture', async () => {
    const file = fixture('hand/basic.jsonl');
    const cli = await botkpi(['report', file, '--format', 'json']);
    expect(cli.code).toBe(0);
    const lib = await viaLibrary([file], {});
    expect(lib.json).toBe(cli.stdout);
    expect(JSON.parse(lib.json).kpis.containment_rate).toMatchObject({ numerator: 4, denominator: 6 });
  });

  it('with a config file, orders, a breakdown and a scope, as the CLI does', async () => {
    const args = { config: 'fixtures/demo/botkpi.config.json', orders: 'fixtures/demo/orders.csv', where: ['channel!=email'], since: '2025-01-20' };
    const file = 'fixtures/demo/transcripts.jsonl';
    const cli = await botkpi(['report', file, '--config', args.config, '--orders', args.orders, '--where', args.where[0] as string, '--since', args.since, '--by', 'channel', '--format', 'json']);
    expect(cli.code).toBe(0);
    const lib = await viaLibrary([file], { ...args, by: ['channel'] });
    expect(lib.json).toBe(cli.stdout);
    const report = JSON.parse(lib.json);
    expect(report.options).toMatchObject({ config: 'fixtures/demo/botkpi.config.json', orders: 'fixtures/demo/orders.csv', inputs: [file] });
    expect(report.groups.length).toBeGreaterThan(1);
  });

  it('tells the caller what the CLI writes to stderr (a detected export shape)', async () => {
    const file = fixture('adapters/intercom/conversations.jsonl');
    const cli = await botkpi(['report', file, '--format', 'json']);
    expect(cli.code).toBe(0);
    const lib = await viaLibrary([file], {});
    expect(lib.json).toBe(cli.stdout);
    expect(lib.warnings).toEqual(cli.stderr.trimEnd().split('\n').map((line) => line.replace(/^botkpi: /, '')));
    expect(lib.warnings).toEqual([expect.stringMatching(/as Intercom conversations \(auto-detected/)]);
  });
});
