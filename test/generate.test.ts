import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIELDS,
  ORDER_FIELDS,
  csvCell,
  generateOrders,
  generateRows,
  mulberry32,
  writeCsv,
  writeJsonl,
} from '../scripts/generate.js';
import type { TranscriptRow } from '../scripts/generate.js';
import { EVENT_KINDS, ROLES } from '../src/model.js';
import { SENTIMENT_LANGUAGES, scoreSentiment } from '../src/text/sentiment.js';
import { botkpi } from './cli/run.js';

const DEMO = { conversations: 400, seed: 42, text: true } as const;
const demoDir = new URL('../fixtures/demo/', import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'botkpi-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const rowsOf = (opts: Parameters<typeof generateRows>[0]): TranscriptRow[] => [...generateRows(opts)];
const demoRows = rowsOf(DEMO);

describe('mulberry32', () => {
  it('is deterministic and uniform-ish in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 10_000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('generateRows', () => {
  it('gives the same rows for the same seed and different rows for another seed', () => {
    const opts = { conversations: 150, seed: 7, text: true };
    expect(rowsOf(opts)).toEqual(rowsOf(opts));
    expect(rowsOf({ ...opts, seed: 8 })).not.toEqual(rowsOf(opts));
  });

  it('is lazy: the first rows of a huge run come out at once', () => {
    const it = generateRows({ conversations: 10_000_000, seed: 1 });
    const first = it.next();
    expect(first.done).toBe(false);
    it.return();
  });

  it('gives every row the required fields, only canonical fields, in canonical order', () => {
    const allowed = new Set<string>(FIELDS);
    for (const row of demoRows) {
      expect(typeof row.conversation_id).toBe('string');
      expect(row.conversation_id.length).toBeGreaterThan(0);
      expect(row.timestamp).toMatch(ISO_Z);
      expect(Number.isNaN(Date.parse(String(row.timestamp)))).toBe(false);
      const keys = Object.keys(row);
      for (const k of keys) expect(allowed.has(k)).toBe(true);
      const positions = keys.map((k) => FIELDS.indexOf(k as keyof TranscriptRow));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      if (row.event === undefined) {
        expect(row.role).toBeDefined();
        expect(row.message_id).toBeDefined();
      }
    }
  });

  it('uses only valid roles and events', () => {
    const roles = new Set<string>(ROLES);
    const events = new Set<string>(EVENT_KINDS);
    const seenRoles = new Set<string>();
    const seenEvents = new Set<string>();
    for (const row of demoRows) {
      const event = row.event ?? 'message';
      expect(events.has(event)).toBe(true);
      seenEvents.add(event);
      if (row.role !== undefined) {
        expect(roles.has(row.role)).toBe(true);
        seenRoles.add(row.role);
      }
    }
    expect([...seenRoles].sort()).toEqual([...ROLES].sort());
    expect([...seenEvents].sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('keeps every value in its valid range (csat on the 5-point scale)', () => {
    let csats = 0;
    for (const row of demoRows) {
      if (row.csat !== undefined) {
        csats++;
        if (typeof row.csat === 'number') {
          expect(row.csat).toBeGreaterThanOrEqual(1);
          expect(row.csat).toBeLessThanOrEqual(5);
        } else expect(['up', 'down']).toContain(row.csat);
      }
      if (row.cost !== undefined) {
        expect(row.cost).toBeGreaterThanOrEqual(0.002);
        expect(row.cost).toBeLessThanOrEqual(0.02);
      }
      if (row.intent_confidence !== undefined) {
        expect(row.intent_confidence).toBeGreaterThanOrEqual(0);
        expect(row.intent_confidence).toBeLessThanOrEqual(1);
      }
      if (row.sentiment !== undefined) {
        expect(row.sentiment).toBeGreaterThanOrEqual(-1);
        expect(row.sentiment).toBeLessThanOrEqual(1);
      }
      for (const b of [row.fallback, row.resolved, row.handoff]) if (b !== undefined) expect(typeof b).toBe('boolean');
    }
    expect(csats).toBeGreaterThan(50);
  });

  it('never repeats a (conversation_id, message_id) pair and keeps ~6 weeks from the start', () => {
    const pairs = new Set<string>();
    const start = Date.parse('2025-01-06T00:00:00Z');
    for (const row of demoRows) {
      if (row.message_id !== undefined) {
        const key = `${row.conversation_id}\u0000${row.message_id}`;
        expect(pairs.has(key)).toBe(false);
        pairs.add(key);
      }
      const t = Date.parse(String(row.timestamp));
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(start + 44 * 86_400_000);
    }
  });

  it('has the variety the KPIs need', () => {
    const conversations = new Map<string, TranscriptRow[]>();
    for (const row of demoRows) {
      const list = conversations.get(row.conversation_id) ?? [];
      list.push(row);
      conversations.set(row.conversation_id, list);
    }
    expect(conversations.size).toBe(400);
    const all = [...conversations.values()];
    const explicit = all.filter((rs) => rs.some((r) => r.event === 'handoff' || r.handoff === true)).length;
    const agentOnly = all.filter((rs) => rs.some((r) => r.role === 'agent') && !rs.some((r) => r.event === 'handoff' || r.handoff === true)).length;
    expect(explicit).toBeGreaterThan(20);
    expect(agentOnly).toBeGreaterThan(10);
    const customers = new Map<string, number>();
    for (const rs of all) {
      const id = rs.find((r) => r.customer_id !== undefined)?.customer_id;
      if (id !== undefined) customers.set(id, (customers.get(id) ?? 0) + 1);
    }
    expect([...customers.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
    const languages = new Set(demoRows.map((r) => r.language).filter((l) => l !== undefined));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'pt']);
    const customerMsgs = demoRows.filter((r) => r.role === 'customer' && r.intent !== undefined);
    const gold = customerMsgs.filter((r) => r.expected_intent !== undefined).length / customerMsgs.length;
    expect(gold).toBeGreaterThan(0.1);
    expect(gold).toBeLessThan(0.3);
    expect(demoRows.some((r) => r.fallback === true)).toBe(true);
    expect(demoRows.some((r) => r.text?.includes('\n') === true)).toBe(true);
  });

  it('puts text on every message with text: true, and changes nothing but text without it', () => {
    const opts = { conversations: 200, seed: 3 };
    const withText = rowsOf({ ...opts, text: true });
    const without = rowsOf({ ...opts, text: false });
    const messages = withText.filter((r) => r.event === undefined);
    expect(messages.every((r) => typeof r.text === 'string' && r.text.length > 0)).toBe(true);
    const strip = (rows: TranscriptRow[]) => rows.map(({ text: _text, ...rest }) => rest);
    expect(strip(without)).toEqual(strip(withText));
    const withoutMessages = without.filter((r) => r.event === undefined);
    const share = withoutMessages.filter((r) => r.text !== undefined).length / withoutMessages.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(1);
  });
});

describe('realistic profile', () => {
  const REAL = { conversations: 3000, seed: 11, text: true, profile: 'realistic' } as const;
  const realRows = rowsOf(REAL);
  const byConversation = new Map<string, TranscriptRow[]>();
  for (const row of realRows) {
    const list = byConversation.get(row.conversation_id) ?? [];
    list.push(row);
    byConversation.set(row.conversation_id, list);
  }
  const conversations = [...byConversation.values()];

  /** The timestamp form of one value, as bench/README.md names them. */
  const formOf = (t: string | number): string => {
    if (typeof t === 'number') return t >= 1e11 ? 'epoch-ms' : Number.isInteger(t) ? 'epoch-s' : 'epoch-s-frac';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t)) return 'iso';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(t)) return 'iso-ms';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/.test(t)) return 'iso+08:00';
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-05:00$/.test(t)) return 'iso-05:00';
    return `unknown: ${t}`;
  };
  const toMs = (t: string | number): number => (typeof t === 'number' ? (t < 1e11 ? t * 1000 : t) : Date.parse(t));

  it('gives the same bytes for the same seed (JSONL and CSV) and other rows for another seed', async () => {
    const opts = { conversations: 300, seed: 21, text: true, profile: 'realistic' } as const;
    for (const [write, ext] of [
      [writeJsonl, 'jsonl'],
      [writeCsv, 'csv'],
    ] as const) {
      const a = join(tmp, `real-a.${ext}`);
      const b = join(tmp, `real-b.${ext}`);
      await write(generateRows(opts), a);
      await write(generateRows(opts), b);
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    }
    expect(rowsOf({ ...opts, seed: 22 })).not.toEqual(rowsOf(opts));
  });

  it('leaves the canonical profile as it was', () => {
    expect(rowsOf({ ...DEMO, profile: 'canonical' })).toEqual(demoRows);
    expect(() => rowsOf({ ...DEMO, profile: 'other' as 'canonical' })).toThrow(/profile/);
  });

  it('writes one timestamp form per conversation, each in about its stated share, in time order', () => {
    const stated: Record<string, number> = { 'iso-ms': 0.3, iso: 0.1, 'iso+08:00': 0.1, 'iso-05:00': 0.1, 'epoch-ms': 0.15, 'epoch-s': 0.15, 'epoch-s-frac': 0.1 };
    const counts = new Map<string, number>();
    for (const rows of conversations) {
      const forms = new Set(rows.map((r) => formOf(r.timestamp)));
      expect(forms.size).toBe(1);
      const form = [...forms][0] as string;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      // Sub-second parts never move a message before the previous one.
      const times = rows.filter((r) => r.event === undefined).map((r) => toMs(r.timestamp));
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    expect([...counts.keys()].sort()).toEqual(Object.keys(stated).sort());
    for (const [form, share] of Object.entries(stated)) {
      expect(Math.abs((counts.get(form) ?? 0) / conversations.length - share)).toBeLessThan(0.04);
    }
    // The same instants as the canonical profile, up to the added milliseconds, for customers
    // who stay in the canonical markets (NL and SG customers live in other time zones).
    const canonical = new Map<string, number>();
    for (const r of rowsOf({ ...REAL, profile: 'canonical' })) if (r.event === undefined) canonical.set(`${r.conversation_id}/${String(r.message_id)}`, Date.parse(String(r.timestamp)));
    let same = 0;
    let messages = 0;
    for (const r of realRows) {
      if (r.event !== undefined || r.market === 'NL' || r.market === 'SG') continue;
      messages++;
      const d = toMs(r.timestamp) - (canonical.get(`${r.conversation_id}/${String(r.message_id)}`) ?? NaN);
      if (d >= 0 && d < 1000) same++;
    }
    expect(same).toBe(messages);
  });

  it('has text in every language botkpi scores, with sentiment words the lexicon finds', () => {
    const languages = new Set(realRows.map((r) => r.language).filter((l) => l !== undefined));
    expect([...languages].sort()).toEqual([...SENTIMENT_LANGUAGES].sort());
    for (const language of SENTIMENT_LANGUAGES) {
      const texts = new Set(realRows.filter((r) => r.role === 'customer' && r.language === language && r.text !== undefined).map((r) => String(r.text)));
      const scores = [...texts].map((t) => scoreSentiment(t, language) ?? 0);
      expect(scores.filter((x) => x > 0).length, `${language} positive`).toBeGreaterThanOrEqual(3);
      expect(scores.filter((x) => x < 0).length, `${language} negative`).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps optional fields about as often as the stated shares of conversations', () => {
    const share = (has: (rows: TranscriptRow[]) => boolean, eligible: (rows: TranscriptRow[]) => boolean) => {
      const pool = conversations.filter(eligible);
      return pool.filter(has).length / pool.length;
    };
    const customerIntent = (rows: TranscriptRow[]) => rows.some((r) => r.intent !== undefined);
    expect(share((rs) => rs.some((r) => r.intent_confidence !== undefined), customerIntent)).toBeCloseTo(0.4, 1);
    const bot = (rows: TranscriptRow[]) => rows.some((r) => r.role === 'bot');
    expect(share((rs) => rs.some((r) => r.cost !== undefined), bot)).toBeCloseTo(0.25, 1);
    // expected_intent was on ~20 % of intent messages and sentiment on ~40 % of customer messages;
    // each survives in ~10 % of conversations.
    const customerMessages = realRows.filter((r) => r.role === 'customer');
    const gold = customerMessages.filter((r) => r.expected_intent !== undefined).length / customerMessages.length;
    expect(gold).toBeGreaterThan(0.005);
    expect(gold).toBeLessThan(0.04);
    const sentiment = customerMessages.filter((r) => r.sentiment !== undefined).length / customerMessages.length;
    expect(sentiment).toBeGreaterThan(0.01);
    expect(sentiment).toBeLessThan(0.08);
    const rated = conversations.filter((rs) => rs.some((r) => r.event === 'csat')).length / conversations.length;
    expect(rated).toBeGreaterThan(0.09);
    expect(rated).toBeLessThan(0.18);
    for (const r of realRows) {
      if (r.cost === undefined) expect(r.answer_correct).toBeUndefined();
    }
  });

  it('is read by botkpi without a rejection, as JSONL and as CSV (epoch values as digit strings)', async () => {
    const opts = { conversations: 1500, seed: 31, text: true, profile: 'realistic' } as const;
    const rows = rowsOf(opts).length;
    const reports = [];
    for (const [write, ext] of [
      [writeJsonl, 'jsonl'],
      [writeCsv, 'csv'],
    ] as const) {
      const file = join(tmp, `real-botkpi.${ext}`);
      expect(await write(generateRows(opts), file)).toBe(rows);
      const result = await botkpi(['report', file, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { dataQuality: { rowsRead: number; rowsUsed: number; rowsRejected: number }; kpis: unknown };
      expect(report.dataQuality.rowsRejected).toBe(0);
      expect(report.dataQuality.rowsRead).toBe(rows);
      expect(report.dataQuality.rowsUsed).toBe(rows);
      reports.push(report.kpis);
    }
    expect(reports[1]).toEqual(reports[0]);
    const csv = readFileSync(join(tmp, 'real-botkpi.csv'), 'utf8');
    expect(csv).toMatch(/^conv-\d+,\d{13},/m);
    expect(csv).toMatch(/^conv-\d+,\d{10}\.\d{1,3},/m);
  }, 60_000);
});

describe('generateOrders', () => {
  it('is deterministic and consistent with the transcripts', () => {
    const orders = [...generateOrders(DEMO)];
    expect(orders).toEqual([...generateOrders(DEMO)]);
    expect(orders.length).toBeGreaterThan(50);
    const customers = new Set(demoRows.map((r) => r.customer_id));
    for (const o of orders) {
      expect(customers.has(o.customer_id)).toBe(true);
      expect(o.timestamp).toMatch(ISO_Z);
      expect(o.value).toBeGreaterThan(0);
      expect(['USD', 'GBP', 'EUR', 'MXN', 'JPY', 'BRL']).toContain(o.currency);
      for (const k of Object.keys(o)) expect(ORDER_FIELDS).toContain(k);
    }
    const ids = orders.map((o) => o.order_id).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBeLessThan(ids.length); // a few exported twice
  });
});

describe('writers', () => {
  it('quotes CSV cells per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(0.25)).toBe('0.25');
  });

  it('writes the same bytes twice', async () => {
    const a = join(tmp, 'a.jsonl');
    const b = join(tmp, 'b.jsonl');
    expect(await writeJsonl(generateRows({ conversations: 60, seed: 9 }), a)).toBeGreaterThan(0);
    await writeJsonl(generateRows({ conversations: 60, seed: 9 }), b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});

describe('committed demo fixtures', () => {
  // If these fail, regenerate with the command in fixtures/demo/README.md.
  it('transcripts.jsonl equals a fresh generation', async () => {
    const out = join(tmp, 'transcripts.jsonl');
    await writeJsonl(generateRows(DEMO), out);
    expect(readFileSync(new URL('transcripts.jsonl', demoDir), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('transcripts.csv equals a fresh generation', async () => {
    const out = join(tmp, 'transcripts.csv');
    await writeCsv(generateRows(DEMO), out);
    expect(readFileSync(new URL('transcripts.csv', demoDir), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('orders.csv equals a fresh generation', async () => {
    const out = join(tmp, 'orders.csv');
    await writeCsv(generateOrders(DEMO), out, ORDER_FIELDS);
    expect(readFileSync(new URL('orders.csv', demoDir), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
