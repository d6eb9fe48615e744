import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, reportJson, subsetDiff, type ReportJson } from './run.js';

const expected = JSON.parse(readFileSync(fixture('bad/expected.json'), 'utf8')) as Record<string, ReportJson>;

describe.each(['bad.jsonl', 'bad.csv'])('botkpi report fixtures/bad/%s', (file) => {
  const want = expected[file];

  it('counts every row: read = used + rejected + duplicates, by reason as worked out by hand', async () => {
    const { report } = await reportJson([fixture(`bad/${file}`)]);
    const dq = report.dataQuality;
    expect(subsetDiff(
      {
        rowsRead: want.rowsRead,
        rowsUsed: want.rowsUsed,
        rowsRejected: want.rowsRejected,
        duplicates: want.duplicates,
        conversations: want.conversations,
        conversationsWithoutMessages: want.conversationsWithoutMessages,
      },
      dq,
    )).toEqual([]);
    expect(dq.rejectedByReason).toEqual(want.rejectedByReason);
    expect(dq.rowsRead).toBe(dq.rowsUsed + dq.rowsRejected + dq.duplicates);
  });

  it('--rejects writes every rejected row with file, line and reason', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'botkpi-')), 'rejects.jsonl');
    const r = await botkpi(['report', fixture(`bad/${file}`), '--format', 'json', '--rejects', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ReportJson);
    expect(lines.map((l) => ({ line: l.line, reason: l.reason }))).toEqual(want.rejects);
    expect(lines.every((l) => l.file === fixture(`bad/${file}`) && l.row !== undefined)).toBe(true);
  });

  it('warns on stderr naming file, line and reason, and keeps stdout clean', async () => {
    const r = await botkpi(['report', fixture(`bad/${file}`), '--format', 'json']);
    const first = want.rejects[0];
    expect(r.stderr).toContain(`${fixture(`bad/${file}`)} line ${first.line}: ${first.reason}`);
    expect(r.stderr).toMatch(/more rejected rows/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('--strict exits 2 and prints no report', async () => {
    const r = await botkpi(['report', fixture(`bad/${file}`), '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${want.rowsRejected} rows rejected (--strict)`);
  });
});

describe('botkpi report: inputs and exit codes', () => {
  it('reads stdin (-) and gzip, sniffing the format', async () => {
    const text = readFileSync(fixture('hand/basic.jsonl'));
    const direct = await reportJson([fixture('hand/basic.jsonl')]);
    const piped = await botkpi(['report', '-', '--format', 'json'], { stdin: gzipSync(text) });
    expect(piped.code).toBe(0);
    expect((JSON.parse(piped.stdout) as ReportJson).kpis).toEqual(direct.report.kpis);
  });

  it('a missing file exits 2 with one line naming it', async () => {
    const r = await botkpi(['report', 'no-such-logs.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('botkpi: cannot read no-such-logs.jsonl: no such file or directory');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['report', fixture('hand/basic.jsonl'), '--by', 'planet'], /unknown breakdown "planet"/],
    [['report', fixture('hand/basic.jsonl'), '--format', 'xml'], /--format "xml"/],
    [['report', fixture('hand/basic.jsonl'), '--tz', 'Mars/Base'], /unknown time zone "Mars\/Base"/],
    [['report', fixture('hand/basic.jsonl'), '--since', 'last week'], /--since "last week"/],
    [['report', fixture('hand/basic.jsonl'), '--where', 'planet=mars'], /unknown field "planet"/],
    [['report', fixture('hand/basic.jsonl'), '--map', 'nonsense'], /expected field=column/],
    [['report', fixture('hand/basic.jsonl'), '--bogus'], /unknown option '--bogus'/],
    [['reprot', fixture('hand/basic.jsonl')], /Did you mean report\?/],
  ])('bad usage %j exits 2', async (args, message) => {
    const r = await botkpi(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help exits 0 and shows examples', async () => {
    const r = await botkpi(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--by <dimension>');
  });
});
