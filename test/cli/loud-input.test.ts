/**
 * Broken input never looks like a result: input without a usable row, an empty scope, too many
 * rejections, invalid filters and mappings are exit 2 with one line saying why.
 */
import { describe, expect, it } from 'vitest';
import { botkpi, fixture } from './run.js';
import { jsonl, tempDir } from './tmp.js';

const { file } = tempDir();

const HEADER = 'conversation_id,timestamp,role,text\n';
// Nine rows, every timestamp unreadable: 0 of 9 usable, 9 rejected for one reason.
const ALL_BAD = file('logs.csv', HEADER + Array.from({ length: 9 }, (_, i) => `c${i},yesterday,customer,hi\n`).join(''));
const EMPTY = file('empty.csv', '');
const XLSX = file('export.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
const BINARY = file('blob.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x0a]));
// Only events, no message: rows are usable but there is no conversation to report on.
const EVENTS = file('events.jsonl', jsonl([{ conversation_id: 'c1', timestamp: '2025-01-06T10:00:00Z', event: 'csat', csat: 4 }]));
const BASIC = fixture('hand/basic.jsonl');

const ZERO_OF_NINE = `${ALL_BAD}: 0 of 9 rows usable: 9 rejected (invalid timestamp 9); see --rejects FILE`;

/** The stderr line that is not a per-row warning. */
const errorLine = (stderr: string): string => stderr.split('\n').filter((l) => l !== '' && !l.includes(': warning: ') && !l.startsWith('botkpi: … ')).join('\n');

describe('input that yields no usable row is exit 2 with one line saying why', () => {
  it.each([
    ['report', [ALL_BAD]],
    ['conversations', [ALL_BAD]],
    ['check', [ALL_BAD, '--fail-if', 'containment_rate<0.5']],
    ['check', [ALL_BAD, '--fail-if', 'containment_rate<0.5', '--allow-missing']],
    ['compare', [ALL_BAD, '--period', 'week']],
  ])('%s %j', async (command, args) => {
    const r = await botkpi([command, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errorLine(r.stderr)).toBe(`botkpi: ${ZERO_OF_NINE}`);
  });

  it('names the --rejects file when there is one', async () => {
    const rejects = file('rejects.jsonl');
    const r = await botkpi(['report', ALL_BAD, '--rejects', rejects]);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toBe(`botkpi: ${ALL_BAD}: 0 of 9 rows usable: 9 rejected (invalid timestamp 9); see ${rejects}`);
  });

  it.each([
    [EMPTY, `botkpi: ${EMPTY}: no rows (the input is empty)`],
    [XLSX, `botkpi: cannot read ${XLSX}: a zip archive (an Excel .xlsx workbook?), not text: export the sheet as CSV`],
    [BINARY, `botkpi: cannot read ${BINARY}: binary data, not text (JSONL, CSV or TSV)`],
    [EVENTS, `botkpi: ${EVENTS}: 1 of 1 rows usable, but none is a message: no conversation to report on`],
  ])('%s', async (path, line) => {
    for (const command of [['report'], ['check', '--fail-if', 'containment_rate<0.5', '--allow-missing']]) {
      const r = await botkpi([command[0] as string, path, ...command.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(line);
    }
  });

  it('a scope with no conversation is exit 2, in every command', async () => {
    // basic.jsonl: 7 conversations starting 2025-03-03 … 2025-03-11.
    const line = 'botkpi: no conversation in scope: 7 read (starting 2025-03-03 to 2025-03-11), none matches --since 2026-01-01T00:00:00.000Z';
    for (const command of [['report'], ['conversations'], ['check', '--fail-if', 'containment_rate<0.5', '--allow-missing']]) {
      const r = await botkpi([command[0] as string, BASIC, '--since', '2026-01-01', ...command.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(line);
    }
  });
});

describe('--max-rejected', () => {
  // fixtures/bad/bad.jsonl: 54 rows read, 34 rejected (fixtures/bad/README.md).
  const BAD = fixture('bad/bad.jsonl');

  it('more rejected rows than the count or share allowed is exit 2; at the limit it passes', async () => {
    const over = await botkpi(['report', BAD, '--max-rejected', '33', '-f', 'json']);
    expect(over.code).toBe(2);
    expect(over.stdout).toBe('');
    expect(errorLine(over.stderr)).toMatch(/^botkpi: 34 of 54 rows rejected, more than --max-rejected 33 \(.+\); see --rejects FILE$/);
    expect((await botkpi(['report', BAD, '--max-rejected', '34', '-f', 'json'])).code).toBe(0);
    // 34 / 54 = 62.96 %: more than 62 %, not more than 63 %.
    expect((await botkpi(['report', BAD, '--max-rejected', '62%', '-f', 'json'])).code).toBe(2);
    expect((await botkpi(['report', BAD, '--max-rejected', '63%', '-f', 'json'])).code).toBe(0);
  }, 120_000);

  it('check never exits 1 on bad input', async () => {
    const r = await botkpi(['check', BAD, '--max-rejected', '0', '--fail-if', 'containment_rate<0.99']);
    expect(r.code).toBe(2);
    expect(errorLine(r.stderr)).toMatch(/^botkpi: 34 of 54 rows rejected, more than --max-rejected 0 /);
  });

  it.each(['ten', '-1', '150%', '1.5'])('rejects --max-rejected %s', async (value) => {
    const r = await botkpi(['report', BASIC, '--max-rejected', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--max-rejected "${value}": expected a number of rows (10) or a percentage (2%)`);
  });
});

describe('--where, --since/--until and --map are checked', () => {
  it.each([
    ['escalated=yes', '--where "escalated=yes": escalated is true or false, not "yes"'],
    ['escalated=maybe', '--where "escalated=maybe": escalated is true or false, not "maybe"'],
    ['contained=', '--where "contained=": contained is never missing; give a value'],
    ['channel=web,whatsapp', '--where "channel=web,whatsapp": one value per --where; for either value repeat it: --where channel=web --where channel=whatsapp'],
    ['hour=25', '--where "hour=25": hour is an hour from 00 to 23, not "25"'],
    ['weekday=Funday', '--where "weekday=Funday": weekday is one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, not "Funday"'],
    ['week=2025-7', '--where "week=2025-7": week is an ISO week like 2025-W05, not "2025-7"'],
  ])('--where %s is exit 2 naming the allowed values', async (where, message) => {
    const r = await botkpi(['report', BASIC, '--where', where]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: ${message}`);
  });

  it('normalises values written another way: hour=9, weekday=tuesday, ESCALATED=FALSE', async () => {
    // basic.jsonl starts at 09:00 in b5 (Wed) and b6 (Tue); neither is escalated.
    const ids = async (...where: string[]): Promise<string[]> => {
      const r = await botkpi(['conversations', BASIC, ...where.flatMap((w) => ['--where', w])]);
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\r\n').slice(1).map((line) => line.split(',')[0] as string);
    };
    expect(await ids('hour=9', 'escalated=FALSE')).toEqual(['b5', 'b6']);
    expect(await ids('hour=9', 'weekday=tuesday')).toEqual(['b6']);
  });

  it('--since after --until is exit 2', async () => {
    const r = await botkpi(['report', BASIC, '--since', '2025-03-10', '--until', '2025-03-01']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('botkpi: --since 2025-03-10 is not before --until 2025-03-01: no conversation can start in between');
  });

  it('a --where value no conversation has is a warning listing the values seen, with the nearest', async () => {
    // basic.jsonl has channels web and whatsapp; WEB matches nothing (values are case-sensitive).
    const r = await botkpi(['report', BASIC, '--where', 'channel=WEB', '--where', 'channel=whatsapp', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      'botkpi: warning: --where channel=WEB: no conversation has channel "WEB" (did you mean web? values are case-sensitive); values seen: web, whatsapp',
    );
  });

  it('a --map column missing from the CSV header is exit 2 listing the columns', async () => {
    const csv = file('map.csv', `${HEADER}c1,2025-01-06T10:00:00Z,customer,hi\n`);
    const r = await botkpi(['report', csv, '--map', 'text=body']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: --map text=body: ${csv} has no column "body" (its columns: conversation_id, timestamp, role, text)`);
  });

  it('a --map field no JSON line has is exit 2', async () => {
    const r = await botkpi(['report', BASIC, '--map', 'text=body']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`botkpi: --map text=body: no row of ${BASIC} has a field "body"`);
  });
});
