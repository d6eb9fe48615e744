import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, botkpi, fixture, ROOT } from './run.js';

describe('botkpi conversations: --tz and the per-conversation KPI facts', () => {
  it('times in --tz; contained, abandoned, fcr and sentiment as worked out in fixtures/hand/basic.md', async () => {
    const r = await botkpi(['conversations', fixture('hand/basic.jsonl'), '--tz', 'Europe/Berlin', '--no-text-sentiment', '-f', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const pick = (id: string) => {
      const row = rows.find((x) => x.conversation_id === id) ?? {};
      return [row.start, row.contained, row.abandoned, row.fcr, row.sentiment];
    };
    // basic.md, "Per-conversation summary" (b1 starts 10:00 UTC = 11:00 in Berlin in March, UTC+1).
    expect(pick('b1')).toEqual(['2025-03-03T11:00:00.000+01:00', true, false, false, 0.125]);
    expect(pick('b2')).toEqual(['2025-03-03T12:00:00.000+01:00', false, false, true, -0.25]);
    expect(pick('b3')).toEqual(['2025-03-03T13:00:00.000+01:00', false, false, false, -0.25]);
    expect(pick('b4')).toEqual(['2025-03-04T09:00:00.000+01:00', false, null, null, null]); // not bot-engaged
    expect(pick('b5')).toEqual(['2025-03-05T10:00:00.000+01:00', true, false, true, 0]);
    expect(pick('b6')).toEqual(['2025-03-11T10:00:00.000+01:00', true, true, true, null]);
    expect(pick('b7')).toEqual(['2025-03-06T16:00:00.000+01:00', true, false, null, 0.5]); // no customer_id: no FCR
    const csv = await botkpi(['conversations', fixture('hand/basic.jsonl')]);
    expect(csv.stdout.split('\r\n')[0]).toContain(',escalated,contained,abandoned,handoff_at,resolved,csat,fcr,sentiment,');
  });
});

describe('one error style and the version', () => {
  it('-V prints the version like -v and --version', async () => {
    const [a, b] = await Promise.all([botkpi(['-V']), botkpi(['--version'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(a.stdout).toBe(b.stdout);
  });

  it.each([
    [['report', 'x.jsonl', '--bogus'], "botkpi: unknown option '--bogus'"],
    [['reprot', 'x.jsonl'], "botkpi: unknown command 'reprot'"],
    [['report', 'x.jsonl', '--by', 'wek'], 'botkpi: option \'--by <dimension>\' argument \'wek\' is invalid. unknown breakdown "wek" (did you mean week?'],
    [['report', 'x.jsonl', '-f', 'jsn'], 'botkpi: --format "jsn": expected table, json, md or csv (did you mean json?)'],
    [['compare', 'x.jsonl', '--period', 'weak'], 'botkpi: --period "weak": expected week or month (did you mean week?)'],
  ])('%j: exit 2, botkpi: …, with "did you mean" for values', async (args, message) => {
    const r = await botkpi(args);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).not.toMatch(/^error:/m);
  });
});

describe('text sentiment agrees on contractions', () => {
  it('"doesn\'t" scores like "does not" (and isn\'t, don\'t, wasn\'t, a curly apostrophe)', async () => {
    const pairs = [
      ["This doesn't work", 'This does not work'],
      ["I don't like it", 'I do not like it'],
      ["It isn't good", 'It is not good'],
      ['That wasn’t helpful', 'That was not helpful'],
    ];
    const rows = pairs.flatMap(([a, b], i) => [
      { conversation_id: `c${i}a`, timestamp: '2025-01-06T10:00:00Z', role: 'customer', language: 'en', text: a },
      { conversation_id: `c${i}b`, timestamp: '2025-01-06T10:00:00Z', role: 'customer', language: 'en', text: b },
    ]);
    const r = await botkpi(['conversations', '-', '--input-format', 'jsonl', '-f', 'jsonl'], { stdin: rows.map((x) => JSON.stringify(x)).join('\n') });
    expect(r.code).toBe(0);
    const sentiment = new Map(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { conversation_id: string; sentiment: number }).map((x) => [x.conversation_id, x.sentiment]));
    // "does not work" is a −3 phrase of the lexicon: −3/√(9 + 15) = −0.6124.
    expect(sentiment.get('c0a')).toBeCloseTo(-3 / Math.sqrt(24), 12);
    for (let i = 0; i < pairs.length; i++) {
      expect(sentiment.get(`c${i}a`), pairs[i]?.[0]).toBe(sentiment.get(`c${i}b`));
      expect(sentiment.get(`c${i}a`)).toBeLessThan(0);
    }
  });
});

describe('progress on a terminal', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;

  /** Runs botkpi with stdout and stderr on a pseudo-terminal (util-linux `script`); the terminal's text. */
  const onTerminal = (args: string[]): string => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qc', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } });
    return r.stdout.replace(/\r/g, '\n').split('\u001b[K').join('');
  };

  it.skipIf(!hasScript)('shows reading, then computing, then a summary; nothing for a tiny input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'botkpi-progress-'));
    const big = join(dir, 'big.jsonl');
    const made = spawnSync(process.execPath, [join(ROOT, 'scripts/generate.js'), '--conversations', '30000', '--seed', '3', '--out', big], { encoding: 'utf8' });
    // The generator says how many rows it wrote: `wrote 176,553 rows (…)`.
    const rows = Number(/wrote (\d+) rows/.exec(made.stderr + made.stdout)?.[1]).toLocaleString('en-US');
    const out = onTerminal(['report', big, '-f', 'json', '-o', join(dir, 'r.json')]);
    const reading = out.indexOf(`reading ${big}: `);
    const computing = out.indexOf(`computing KPIs over ${rows} rows…`);
    expect(reading).toBeGreaterThanOrEqual(0);
    expect(computing).toBeGreaterThan(reading);
    expect(out).toMatch(new RegExp(`botkpi: read ${rows} rows from 1 file in \\d+\\.\\d s; done in \\d+\\.\\d s\\n`));
    expect(out.indexOf(`botkpi: read ${rows}`)).toBeGreaterThan(computing);
    const tiny = onTerminal(['report', fixture('hand/basic.jsonl'), '-f', 'json', '-o', join(dir, 'tiny.json')]);
    expect(tiny).toBe('');
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
