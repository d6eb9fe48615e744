/**
 * Outputs never destroy data: -o and --rejects are checked before anything is read, written
 * atomically, never over an input; a closed pipe ends the run quietly; data text cannot drive a
 * terminal or add links and images to Markdown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, botkpi, fixture, ROOT } from './run.js';
import { jsonl, tempDir } from './tmp.js';

const { dir, file } = tempDir();
const BASIC = fixture('hand/basic.jsonl');
const ORDERS = fixture('money/orders.csv');

/** Runs a shell command line (bash) with the binary as $BOTKPI; its stdout and status. */
function shell(line: string, options: { env?: Record<string, string> } = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('bash', ['-c', line], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', BOTKPI: `${process.execPath} ${BIN}`, ...options.env },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('-o and --rejects', () => {
  it('-o into a missing directory is exit 2 before any input is read', async () => {
    // The input does not exist either: the output path is the first thing checked.
    const r = await botkpi(['report', 'no-such-input.jsonl', '-o', join(dir, 'missing', 'kpis.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: -o ${join(dir, 'missing', 'kpis.json')}: no such directory ${join(dir, 'missing')}`);
  });

  it.each([
    [['report', '{in}', '-f', 'json', '-o', '{in}'], '-o'],
    [['conversations', '{in}', '-o', '{in}', '-f', 'jsonl'], '-o'],
    [['report', '{in}', '--rejects', '{in}'], '--rejects'],
    [['compare', '{in}', '{in}', '-f', 'json', '-o', '{in}'], '-o'],
    [['report', '{in}', '--orders', '{orders}', '--rejects', '{orders}'], '--rejects'],
  ])('%j refuses to write over an input file, which stays as it was', async (args, flag) => {
    const input = file('input.jsonl', readFileSync(BASIC));
    const orders = file('orders.csv', readFileSync(ORDERS));
    const target = args[args.indexOf(flag) + 1] === '{in}' ? input : orders;
    const r = await botkpi(args.map((a) => (a === '{in}' ? input : a === '{orders}' ? orders : a)));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^botkpi: ${flag} .+: is an input file \\(.+\\); refusing to overwrite it$`));
    expect(readFileSync(target)).toEqual(readFileSync(target === input ? BASIC : ORDERS));
  });

  it.each([
    [['report', BASIC, '-o', 'x.tsv'], '-o x.tsv: cannot tell the format from the file name; use .json, .md, .markdown, .csv, .txt or give --format table|json|md|csv'],
    [['report', BASIC, '-o', 'kpis'], '-o kpis: cannot tell the format from the file name; use .json, .md, .markdown, .csv, .txt or give --format table|json|md|csv'],
    [['conversations', BASIC, '-o', 'x.tsv'], '-o x.tsv: cannot tell the format from the file name; use .csv, .jsonl or .ndjson, or give --format csv|jsonl'],
  ])('%j: an extension that names no format is exit 2 with the supported ones', async (args, message) => {
    const r = await botkpi(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: ${message}`);
    expect(existsSync(join(ROOT, args[3] as string))).toBe(false);
  });

  it('a failed write leaves the previous report whole and no temporary file (file-size limit as a full disk)', async () => {
    const out = file('kpis.json');
    const good = await botkpi(['report', BASIC, '-o', out]);
    expect(good.code).toBe(0);
    const before = readFileSync(out, 'utf8');
    expect(before.length).toBeGreaterThan(4096);
    // A 2 KiB file-size limit (with SIGXFSZ ignored, a write past it fails with EFBIG, as on a full disk).
    const r = shell(`trap '' XFSZ; ulimit -f 2; $BOTKPI report ${BASIC} -o ${out} --by day`);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: cannot write ${out}: file too large`);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a full device (/dev/full) is exit 2 with the reason', async () => {
    const r = await botkpi(['report', BASIC, '-f', 'json', '-o', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('botkpi: cannot write /dev/full: no space left on device');
  });

  it('--rejects is written whole even when the run then fails for its rejections', async () => {
    const rejects = file('rejects.jsonl');
    const r = await botkpi(['report', fixture('bad/bad.jsonl'), '--strict', '--rejects', rejects]);
    expect(r.code).toBe(2);
    // fixtures/bad: 34 rejected rows in bad.jsonl.
    expect(readFileSync(rejects, 'utf8').trim().split('\n')).toHaveLength(34);
  });
});

describe('a closed pipe ends the program quietly with status 0', () => {
  // 3000 conversations, one an hour (125 days): every output is far larger than a pipe's buffer.
  const many = file(
    'many.jsonl',
    jsonl(Array.from({ length: 3000 }, (_, i) => ({ conversation_id: `conversation-${i}`, timestamp: 1736157600 + i * 3600, role: 'customer', sentiment: 0 }))),
  );

  it.each([
    [`$BOTKPI conversations ${many} --no-text-sentiment`],
    [`$BOTKPI conversations ${many} --format jsonl`],
    ['$BOTKPI schema report'],
    [`$BOTKPI report ${many} --by day -f csv`],
  ])('%s | head -c 100', (command) => {
    const r = shell(`${command} | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}"`);
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe('data text cannot drive a terminal or render in Markdown', () => {
  const hostile = file(
    'hostile.jsonl',
    jsonl([
      { conversation_id: 'c1\u001b]0;pwned\u0007', timestamp: '2025-01-06T10:00:00Z', role: 'customer', intent: '![img](https://example.com/x.png)', channel: '[click](https://example.com)' },
      { conversation_id: 'c1\u001b]0;pwned\u0007', timestamp: '2025-01-06T10:00:05Z', role: 'bot' },
    ]),
  );

  it('conversations as CSV on a terminal shows escape sequences as text', () => {
    // stdout is a terminal; stderr (progress) goes elsewhere.
    const r = shell(`script -qec "$BOTKPI conversations ${hostile} 2>/dev/null" /dev/null`);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('c1\\x1b]0;pwned\\x07');
  });

  it('conversations into a pipe or a file keeps the data exact', async () => {
    const r = await botkpi(['conversations', hostile]);
    expect(r.stdout).toContain('c1\u001b]0;pwned\u0007');
  });

  it('Markdown escapes links, images and control characters from the data', async () => {
    const r = await botkpi(['report', hostile, '-f', 'md', '--by', 'channel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('!\\[img\\](https://example.com/x.png)');
    expect(r.stdout).toContain('\\[click\\](https://example.com)');
    expect(r.stdout).not.toMatch(/(^|[^\\])\[(img|click)\]/);
    expect(r.stdout).not.toContain('\u001b');
  });
});
