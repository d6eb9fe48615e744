import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { botkpi, fixture, type ReportJson } from './run.js';

/** fixtures/onboarding/README.md works out every number used here. */
const ZENDESK = fixture('onboarding/zendesk.csv');
const UNKNOWN = fixture('onboarding/unknown-columns.csv');
const MAP_ROLES = ['--map-value', 'role:End-user=customer', '--map-value', 'role:agentbot=bot'];

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'botkpi-onboarding-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const json = (stdout: string): ReportJson => JSON.parse(stdout) as ReportJson;

describe('missing required fields are named all at once', () => {
  it('exit 2 before reading, with every missing field, the columns and a --map line', async () => {
    const r = await botkpi(['report', UNKNOWN]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `botkpi: ${UNKNOWN}: no column for the required fields conversation_id, timestamp, role`,
        'botkpi: its columns: Ticket, When, Who, Body',
        `botkpi: map them, e.g.: --map conversation_id=Ticket --map timestamp=COLUMN --map role=COLUMN  (or write a config with: botkpi init --from ${UNKNOWN})`,
        '',
      ].join('\n'),
    );
  });

  it('the --map line works when pasted with the right columns', async () => {
    const r = await botkpi(['report', UNKNOWN, '--map', 'conversation_id=Ticket', '--map', 'timestamp=When', '--map', 'role=Who', ...MAP_ROLES, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).dataQuality).toMatchObject({ rowsRead: 1, rowsUsed: 1 });
  });

  it('Ticket ID, Created at, Author type match their aliases case- and space-insensitively', async () => {
    const r = await botkpi(['report', ZENDESK, ...MAP_ROLES, '-f', 'json']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.dataQuality).toMatchObject({ rowsRead: 7, rowsUsed: 7, rowsRejected: 0, conversations: 3 });
    expect(report.kpis.containment_rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(report.kpis.first_response_time).toMatchObject({ p50: 4, count: 3 });
    expect(report.kpis.first_response_time.mean).toBeCloseTo(16 / 3, 12);
  });
});

describe('value mapping', () => {
  it('an unknown value is rejected with the --map-value that would fix it', async () => {
    const r = await botkpi(['report', ZENDESK, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).dataQuality).toMatchObject({ rowsRead: 7, rowsUsed: 1, rowsRejected: 6, rejectedByReason: { 'unknown role': 6 } });
    expect(r.stderr).toContain(`${ZENDESK} line 2: unknown role "End-user" (map it: --map-value role:End-user=customer)`);
    expect(r.stderr).toContain(`${ZENDESK} line 3: unknown role "AgentBot" (map it: --map-value role:AgentBot=bot)`);
  });

  it('a mistyped field in --map-value is exit 2 with the nearest field', async () => {
    const r = await botkpi(['report', ZENDESK, '--map-value', 'rol:End-user=customer']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field "rol" (did you mean role?)');
  });
});

describe('botkpi init --from', () => {
  it('writes a config with the mapping it inferred, and the report then uses every row', async () => {
    const dir = tempDir();
    copyFileSync(ZENDESK, join(dir, 'export.csv'));
    const init = await botkpi(['init', '--from', 'export.csv'], { cwd: dir });
    expect(init.code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'botkpi.config.json'), 'utf8')) as ReportJson;
    expect(config.map).toEqual({ conversation_id: 'Ticket ID', timestamp: 'Created at', role: 'Author type', text: 'Body' });
    expect(config.map_values).toEqual({ role: { 'End-user': 'customer', AgentBot: 'bot' } });
    expect(init.stderr).toContain('role values mapped: End-user → customer, AgentBot → bot');

    const r = await botkpi(['report', 'export.csv', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.options.config).toBe('botkpi.config.json');
    expect(report.dataQuality).toMatchObject({ rowsUsed: 7, rowsRejected: 0 });
    expect(report.kpis.containment_rate).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('names what it could not find', async () => {
    const dir = tempDir();
    const r = await botkpi(['init', '--from', UNKNOWN], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('guessed conversation_id ← Ticket');
    expect(r.stderr).toContain('no column found for timestamp, role (columns: Ticket, When, Who, Body)');
  });
});
