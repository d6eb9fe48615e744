/**
 * Hostile input: every finding is a visible rejection (or a documented reading), never a wrong
 * number, a crash or a hang. Each input is small and its numbers are worked out in the comments.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { botkpi, type ReportJson } from './run.js';
import { jsonl, tempDir } from './tmp.js';

const { file } = tempDir();
const T0 = '2025-01-06T10:00:00Z';

async function report(args: readonly string[]): Promise<{ report: ReportJson; stderr: string }> {
  const r = await botkpi(['report', ...args, '--format', 'json']);
  if (r.code !== 0) throw new Error(`botkpi exited ${r.code}: ${r.stderr}`);
  return { report: JSON.parse(r.stdout) as ReportJson, stderr: r.stderr };
}

async function conversations(args: readonly string[]): Promise<Record<string, string>[]> {
  const r = await botkpi(['conversations', ...args, '--format', 'jsonl']);
  if (r.code !== 0) throw new Error(`botkpi exited ${r.code}: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
}

describe('encodings', () => {
  // Three Latin-1 ids c\xe9 c\xe8 c\xe7 (cé, cè, cç) and one ASCII row.
  const latin1Rows = (sep: string, header: string, row: (id: Buffer) => Buffer[]): Buffer =>
    Buffer.concat([Buffer.from(header), ...[0xe9, 0xe8, 0xe7].flatMap((b) => row(Buffer.from([0x63, b]))), Buffer.from(sep)]);
  const latin1Jsonl = file(
    'latin1.jsonl',
    latin1Rows(`{"conversation_id":"ok","timestamp":"${T0}","role":"bot"}\n`, '', (id) => [
      Buffer.from('{"conversation_id":"'),
      id,
      Buffer.from(`","timestamp":"${T0}","role":"customer"}\n`),
    ]),
  );
  const latin1Csv = file(
    'latin1.csv',
    latin1Rows(`ok,${T0},bot\n`, 'conversation_id,timestamp,role\n', (id) => [id, Buffer.from(`,${T0},customer\n`)]),
  );

  it.each([latin1Jsonl, latin1Csv])('invalid UTF-8 is a rejection, not three ids merged into one (%s)', async (path) => {
    const { report: r, stderr } = await report([path]);
    // Before: the three ids decoded to "c\uFFFD" and merged into one conversation.
    expect(r.dataQuality).toMatchObject({ rowsRead: 4, rowsUsed: 1, rowsRejected: 3, rejectedByReason: { 'invalid UTF-8': 3 }, conversations: 1 });
    expect(stderr).toContain('--encoding latin1 reads them as Latin-1');
  });

  it.each([latin1Jsonl, latin1Csv])('--encoding latin1 reads them as the three conversations they are (%s)', async (path) => {
    const rows = await conversations([path, '--encoding', 'latin1']);
    expect(rows.map((r) => r.conversation_id).sort()).toEqual(['cç', 'cè', 'cé', 'ok']);
  });

  it('UTF-16 with a byte-order mark is decoded (LE and BE)', async () => {
    const text = `conversation_id,timestamp,role,channel\nçà,${T0},customer,wéb\nçà,2025-01-06T10:00:05Z,bot,wéb\n`;
    const le = file('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le').swap16();
    const bePath = file('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    for (const path of [le, bePath]) {
      const rows = await conversations([path]);
      expect(rows.map((r) => [r.conversation_id, r.channel, r.messages_customer, r.messages_bot])).toEqual([['çà', 'wéb', 1, 1]]);
    }
  });
});

describe('values that must not pass', () => {
  const rows = [
    // 1, 2: ids beyond 2^53, which JSON.parse has already rounded to the same number.
    { conversation_id: 2 ** 53, timestamp: T0, role: 'customer' }, // 9007199254740993 reads as this too
    { conversation_id: 2 ** 53 + 2, timestamp: T0, role: 'customer' },
    // 3–5: prototype names are no role and no rating.
    { conversation_id: 'p', timestamp: T0, role: '__proto__' },
    { conversation_id: 'p', timestamp: T0, role: 'constructor' },
    { conversation_id: 'p', timestamp: T0, role: 'bot', csat: 'constructor' },
    // 6, 7: years outside 1970–9999.
    { conversation_id: 'q', timestamp: '0000-01-01T10:00:00Z', role: 'bot' },
    { conversation_id: 'q', timestamp: 1e20, role: 'bot' },
    // 8–11: objects and arrays where text belongs.
    { conversation_id: { a: 1 }, timestamp: T0, role: 'bot' },
    { conversation_id: 'r', timestamp: T0, role: 'bot', text: ['x'] },
    { conversation_id: 'r', timestamp: T0, role: 'bot', customer_id: { id: 7 } },
    { conversation_id: 'r', timestamp: T0, role: 'bot', message_id: [1] },
    // 12: a cost that overflows to Infinity.
    { conversation_id: 'r', timestamp: T0, role: 'bot', cost: '1e309' },
    // 13, 14: used (2 rows, conversation r).
    { conversation_id: 'r', timestamp: T0, role: 'customer', customer_id: 9007199254740991 },
    { conversation_id: 'r', timestamp: '2025-01-06T10:00:05Z', role: 'bot' },
  ];
  const path = file('values.jsonl', jsonl(rows));

  it('each is a rejection with its reason; the run goes on', async () => {
    const { report: r } = await report([path]);
    expect(r.dataQuality).toMatchObject({
      rowsRead: 14,
      rowsUsed: 2,
      rowsRejected: 12,
      rejectedByReason: {
        'invalid conversation_id': 3,
        'unknown role': 2,
        'invalid csat': 1,
        'invalid timestamp': 2,
        'invalid text': 1,
        'invalid customer_id': 1,
        'invalid message_id': 1,
        'invalid cost': 1,
      },
      conversations: 1,
    });
  });

  it('costs that sum past the largest number give null with a reason', async () => {
    // Two bot rows of 1e308: the sum is Infinity, which JSON would show as a bare null.
    const costly = file('costly.jsonl', jsonl([
      { conversation_id: 'k', timestamp: T0, role: 'customer' },
      { conversation_id: 'k', timestamp: '2025-01-06T10:00:01Z', role: 'bot', cost: 1e308 },
      { conversation_id: 'k', timestamp: '2025-01-06T10:00:02Z', role: 'bot', cost: 1e308 },
    ]));
    const { report: r } = await report([costly]);
    expect(r.kpis.bot_cost).toEqual({ value: null, count: 1, reason: 'cost sum overflows (beyond 1.8e308)' });
    expect(r.kpis.cost_per_conversation).toMatchObject({ value: null, bot_cost: null, human_cost: 0, reason: 'cost sum overflows (beyond 1.8e308)' });
  });

  it('a sentiment mean of exactly 0.05 is neutral, whatever the float rounding', async () => {
    // (0.1 + 0.2 − 0.15) / 3 = 0.05 on paper, 0.05000000000000002 in floating point: neutral.
    // (0.1 + 0.2 − 0.14) / 3 = 0.0533…: positive.
    const sentiments = file('sentiment.jsonl', jsonl([
      ...[0.1, 0.2, -0.15].map((s, i) => ({ conversation_id: 'edge', timestamp: 1736157600 + i, role: 'customer', sentiment: s })),
      ...[0.1, 0.2, -0.14].map((s, i) => ({ conversation_id: 'above', timestamp: 1736157600 + i, role: 'customer', sentiment: s })),
    ]));
    const { report: r } = await report([sentiments]);
    expect(r.kpis.sentiment.positive).toMatchObject({ numerator: 1, denominator: 2 });
    expect(r.kpis.sentiment.neutral).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('timestamps outside 1970–9999 never reach --by, compare --period or conversations', async () => {
    const dates = file('dates.jsonl', jsonl([
      { conversation_id: 'old', timestamp: '0000-01-01T10:00:00Z', role: 'customer' },
      { conversation_id: 'far', timestamp: 1e20, role: 'customer' },
      { conversation_id: 'neg', timestamp: -5, role: 'customer' },
      { conversation_id: 'ok', timestamp: T0, role: 'customer' },
    ]));
    const { report: r } = await report([dates, '--by', 'week']);
    expect(r.dataQuality).toMatchObject({ rowsUsed: 1, rejectedByReason: { 'invalid timestamp': 3 } });
    expect(r.groups.map((g: ReportJson) => g.by.week)).toEqual(['2025-W02']);
    expect((await botkpi(['compare', dates, '--period', 'week', '-f', 'json'])).code).toBe(0);
    expect((await conversations([dates])).map((c) => c.start)).toEqual(['2025-01-06T10:00:00.000Z']);
  });

  it('a CSAT threshold above the scale is a config error', async () => {
    const r = await botkpi(['report', path, '--csat-threshold', '6']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('botkpi: --csat-threshold 6 is above the CSAT scale (5): no rating could be satisfied');
    const config = file('scale.config.json', JSON.stringify({ csat: { scale: 10, satisfied_from: 11 } }));
    const c = await botkpi(['report', path, '--config', config]);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe('botkpi: csat.satisfied_from 11 is above the CSAT scale (10): no rating could be satisfied');
  });

  it('a config file with a UTF-8 byte-order mark is read', async () => {
    const config = file('bom.config.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"timezone":"Europe/Berlin"}')]));
    const { report: r } = await report([path, '--config', config]);
    expect(r.options.tz).toBe('Europe/Berlin');
  });

  it('a repeated key in a row: the last wins, in JSONL and CSV alike', async () => {
    const j = file('dup.jsonl', `{"conversation_id":"d","timestamp":"${T0}","role":"customer","channel":"web","Channel":"whatsapp"}\n`);
    const c = file('dup.csv', `conversation_id,timestamp,role,channel,channel\nd,${T0},customer,web,whatsapp\n`);
    expect((await conversations([j]))[0]?.channel).toBe('whatsapp');
    expect((await conversations([c]))[0]?.channel).toBe('whatsapp');
  });
});

describe('lines that cannot be read are rejections of that line; the run goes on', () => {
  const ok = (role: string, ts: string): string => `${JSON.stringify({ conversation_id: 'c1', timestamp: ts, role, text: 'hi' })}\n`;

  it('100 000 levels of nesting', async () => {
    const deep = `{"conversation_id":"c1","timestamp":"${T0}","role":"customer","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`;
    const path = file('deep.jsonl', deep + ok('bot', '2025-01-06T10:00:01Z') + deep.replace('"x"', '"text":"é","x"'));
    const { report: r } = await report([path, '--rejects', file('deep-rejects.jsonl')]);
    expect(r.dataQuality).toMatchObject({ rowsRead: 3, rowsUsed: 1, rejectedByReason: { 'too deeply nested': 2 } });
  });

  it('a line of 70 MB (from a small gzip) is rejected as too long', async () => {
    const path = file(
      'long.jsonl.gz',
      gzipSync(Buffer.concat([Buffer.from(ok('customer', T0)), Buffer.from('{"text":"'), Buffer.alloc(70 * 1024 * 1024, 0x61), Buffer.from('"}\n'), Buffer.from(ok('bot', '2025-01-06T10:00:01Z'))])),
    );
    const { report: r } = await report([path, '--no-detect-language', '--no-text-sentiment']);
    expect(r.dataQuality).toMatchObject({ rowsRead: 3, rowsUsed: 2, rejectedByReason: { 'line too long': 1 } });
  }, 120_000);
});

describe('long texts are analysed up to a cap', () => {
  it('only the first 10 000 characters of a message are scored', async () => {
    // Positive words first, then 200 000 characters without a space, then negative words that
    // lie beyond the cap: the message scores positive.
    const text = `thank you so much, great help! ${'x'.repeat(200_000)} terrible awful horrible useless`;
    const path = file('long-text.jsonl', jsonl([
      { conversation_id: 'c1', timestamp: T0, role: 'customer', language: 'en', text },
      { conversation_id: 'c1', timestamp: '2025-01-06T10:00:01Z', role: 'bot' },
    ]));
    const { report: r } = await report([path]);
    expect(r.kpis.sentiment.positive).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('format sniffing', () => {
  it('one junk first line in a .json file does not turn it into CSV; the warning names the format', async () => {
    const path = file('junk.json', `garbage line\n${JSON.stringify({ conversation_id: 'c1', timestamp: T0, role: 'customer' })}\n${JSON.stringify({ conversation_id: 'c1', timestamp: '2025-01-06T10:00:01Z', role: 'bot' })}\n`);
    const { report: r, stderr } = await report([path]);
    expect(r.dataQuality).toMatchObject({ rowsRead: 3, rowsUsed: 2, rejectedByReason: { 'malformed JSON': 1 } });
    expect(stderr).toContain(`botkpi: reading ${path} as JSONL (from its first lines; --input-format sets it)`);
  });
});

describe('timestamps and delimiters that real exports write', () => {
  it('`… UTC`, PostgreSQL `+00`, and `;` as the CSV delimiter', async () => {
    const path = file('semicolon.csv', 'conversation_id;timestamp;role;channel\nc1;2025-01-06 10:00:00 UTC;customer;web, mobile\nc1;2025-01-06 10:00:05+00;bot;web, mobile\nc1;2025-01-06 11:00:05-01;agent;\n');
    const [row] = await conversations([path]);
    expect(row).toMatchObject({ conversation_id: 'c1', channel: 'web, mobile', start: '2025-01-06T10:00:00.000Z', end: '2025-01-06T12:00:05.000Z', messages_agent: 1 });
  });

  it('a naive time in the fall-back hour is its first occurrence; one in the gap takes the offset before it', async () => {
    // Europe/Berlin: 2025-10-26 02:30 occurs at +02:00 (00:30Z) and +01:00 (01:30Z): the first.
    // 2025-03-30 02:30 does not exist; the offset before the gap is +01:00: 01:30Z, which Berlin
    // calls 03:30+02:00. The export writes times in --tz.
    const path = file('dst.csv', 'conversation_id,timestamp,role\nfall,2025-10-26 02:30:00,customer\nfall,2025-10-26 02:45:00,bot\ngap,2025-03-30 02:30:00,customer\n');
    const rows = await conversations([path, '--tz', 'Europe/Berlin']);
    expect(rows.map((r) => [r.conversation_id, r.start, r.end])).toEqual([
      ['gap', '2025-03-30T03:30:00.000+02:00', '2025-03-30T03:30:00.000+02:00'],
      ['fall', '2025-10-26T02:30:00.000+02:00', '2025-10-26T02:45:00.000+02:00'],
    ]);
  });
});
