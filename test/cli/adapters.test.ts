import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botkpi, fixture, subsetDiff, type ReportJson } from './run.js';

/**
 * Platform exports read without any flag: the shape is detected and announced, and every KPI is
 * the one worked out by hand in fixtures/adapters/<id>/*.md. Text scoring is off (the working uses
 * no sentiment). The Zendesk fixture runs in its folder, whose botkpi.config.json names the bot.
 */
const CASES = [
  { id: 'intercom', dir: 'adapters/intercom', file: 'conversations.jsonl', title: 'Intercom conversations' },
  { id: 'zendesk', dir: 'adapters/zendesk', file: 'tickets.jsonl', title: 'Zendesk tickets and messaging conversations', inDir: true },
  { id: 'zendesk', dir: 'adapters/zendesk', file: 'messaging.jsonl', title: 'Zendesk tickets and messaging conversations', inDir: true },
  { id: 'chatwoot', dir: 'adapters/chatwoot', file: 'conversations.jsonl', title: 'Chatwoot conversations' },
  { id: 'messages', dir: 'adapters/messages', file: 'conversations.jsonl', title: 'chat message logs (OpenAI messages shape)' },
  { id: 'messages', dir: 'adapters/messages', file: 'no-times.jsonl', title: 'chat message logs (OpenAI messages shape)' },
];

async function run(c: (typeof CASES)[number], extra: string[]): Promise<{ report: ReportJson; stderr: string; file: string }> {
  const file = c.inDir === true ? c.file : `fixtures/${c.dir}/${c.file}`;
  const result = await botkpi(['report', file, '--no-text-sentiment', '--format', 'json', ...extra], c.inDir === true ? { cwd: fixture(c.dir) } : {});
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout) as ReportJson, stderr: result.stderr, file };
}

describe.each(CASES)('botkpi report fixtures/$dir/$file', (c) => {
  const expected = JSON.parse(readFileSync(join(fixture(c.dir), c.file.replace('.jsonl', '.expected.json')), 'utf8')) as ReportJson;

  it('detects the shape without flags, says so on stderr, and gives the hand-computed KPIs', async () => {
    const { report, stderr, file } = await run(c, []);
    expect(stderr).toBe(`botkpi: reading ${file} as ${c.title} (auto-detected; --input-format ${c.id} to pin it)\n`);
    expect(subsetDiff(expected.dataQuality, report.dataQuality, 'dataQuality')).toEqual([]);
    expect(subsetDiff(expected.kpis, report.kpis, 'kpis')).toEqual([]);
  });

  it(`--input-format ${c.id} pins the shape: same report, no announcement`, async () => {
    const { report, stderr } = await run(c, ['--input-format', c.id]);
    expect(stderr).toBe('');
    expect(subsetDiff(expected.kpis, report.kpis, 'kpis')).toEqual([]);
  });
});

describe('choosing the input format', () => {
  it('a nested record no shape fits is exit 2 with what was seen and the choices', async () => {
    const r = await botkpi(['report', '-'], { stdin: '{"ticket_export": {"rows": [1]}, "version": 2}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('botkpi: cannot tell the shape of -: the first record (line 1) has keys ticket_export, version');
    expect(r.stderr).toContain('flat, messages, intercom, zendesk, chatwoot');
  });

  it('a record two platform shapes claim is ambiguous: exit 2 naming both', async () => {
    const both = { type: 'conversation', source: { body: 'x' }, payload: [{ message_type: 0 }] };
    const r = await botkpi(['report', '-'], { stdin: `${JSON.stringify(both)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fits Intercom conversations \(intercom\) and Chatwoot conversations \(chatwoot\); pin one with --input-format intercom\|chatwoot/);
  });

  it('an unknown --input-format is exit 2 listing adapter ids and reader formats', async () => {
    const r = await botkpi(['report', fixture('hand/basic.jsonl'), '--input-format', 'freshchat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input-format "freshchat": expected one of flat, messages, intercom, zendesk, chatwoot, rasa, rasa-sql, dialogflow-cx, langfuse (or the reader formats jsonl, json, csv, tsv, parquet)');
  });

  it('input.format in the config pins the shape like the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botkpi-adapters-'));
    const config = join(dir, 'botkpi.config.json');
    writeFileSync(config, JSON.stringify({ input: { format: 'flat' } }));
    const pinned = await botkpi(['report', fixture('adapters/intercom/conversations.jsonl'), '--config', config, '--format', 'json']);
    expect(pinned.stderr).not.toContain('auto-detected');
    // Read as flat rows, an Intercom document has no conversation_id: every record is rejected,
    // and input with no usable row is exit 2.
    expect(pinned.code).toBe(2);
    expect(pinned.stderr).toContain('0 of 5 rows usable: 5 rejected (missing conversation_id 5)');
  });

  it('a reader format (jsonl) still detects the shape; stdin works too', async () => {
    const text = readFileSync(fixture('adapters/chatwoot/conversations.jsonl'), 'utf8');
    const r = await botkpi(['report', '-', '--input-format', 'jsonl', '--format', 'json'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('botkpi: reading - as Chatwoot conversations (auto-detected; --input-format chatwoot to pin it)');
    expect(JSON.parse(r.stdout).dataQuality.documentsRead).toBe(5);
  });

  it('flat event rows are read as before, without an announcement or document counts', async () => {
    const r = await botkpi(['report', fixture('hand/basic.jsonl'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).dataQuality.documentsRead).toBeUndefined();
  });
});

describe('a message log without per-message times', () => {
  it('leaves every time between messages unknown: per-intent handling time and the conversation rows too', async () => {
    const file = fixture('adapters/messages/no-times.jsonl');
    const r = await botkpi(['report', file, '--format', 'json', '--no-text-sentiment']);
    const rows = JSON.parse(r.stdout).kpis.intents.rows as { intent: string | null; handling_time_mean: number | null }[];
    expect(rows.map((x) => x.handling_time_mean)).toEqual([null, null, null, null]);
    const c = await botkpi(['conversations', file, '--format', 'jsonl', '--no-text-sentiment']);
    const convs = c.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(convs.map((x) => [x['conversation_id'], x['first_response_time'], x['handling_time']])).toEqual([
      ['conv_1', null, null], ['conv_2', null, null], ['conv_3', null, null], ['conv_4', null, null], ['conv_5', null, null],
    ]);
    // The timed log gives them: conv_2's bot replied after 5 s, and it lasted 130 s.
    const timed = await botkpi(['conversations', fixture('adapters/messages/conversations.jsonl'), '--format', 'jsonl', '--no-text-sentiment']);
    const conv2 = JSON.parse(timed.stdout.trim().split('\n')[1] as string) as Record<string, unknown>;
    expect([conv2['first_response_time'], conv2['handling_time']]).toEqual([5, 130]);
  });
});

describe('provenance of derived rows', () => {
  it('a rejected part names file, line and path inside the document, on stderr and in --rejects', async () => {
    const doc = {
      type: 'conversation',
      id: '9',
      created_at: 1717491600,
      source: { id: 's', body: '<p>Hi</p>', author: { type: 'user', id: 'u' } },
      conversation_parts: {
        type: 'conversation_part.list',
        conversation_parts: [
          { id: 'p1', part_type: 'comment', created_at: 'yesterday', body: 'x', author: { type: 'bot', id: '1' } },
          { id: 'p2', part_type: 'comment', created_at: 1717491700, body: 'y', author: { type: 'robot', id: '2' } },
        ],
      },
    };
    const rejects = join(mkdtempSync(join(tmpdir(), 'botkpi-adapters-')), 'rejects.jsonl');
    const r = await botkpi(['report', '-', '--format', 'json', '--rejects', rejects], { stdin: `${JSON.stringify(doc)}\n` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('botkpi: warning: - line 1 conversation_parts.conversation_parts[0]: invalid timestamp "yesterday"');
    expect(r.stderr).toContain('botkpi: warning: - line 1 conversation_parts.conversation_parts[1]: unknown author type "robot"');
    const dq = JSON.parse(r.stdout).dataQuality;
    expect(dq).toMatchObject({ documentsRead: 1, rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    const lines = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['line'], l['path'], l['reason']])).toEqual([
      [1, 'conversation_parts.conversation_parts[0]', 'invalid timestamp'],
      [1, 'conversation_parts.conversation_parts[1]', 'unknown author type'],
    ]);
  });
});
