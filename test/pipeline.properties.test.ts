import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRowsFromString } from '../src/read/index.js';
import { buildReport } from '../src/report/build.js';
import { ingest } from '../src/report/ingest.js';
import type { Report } from '../src/report/types.js';
import { DEFAULT_OPTIONS } from './kpis/helpers.js';

type Row = Record<string, string | number | boolean>;

const T0 = Date.parse('2025-01-06T00:00:00Z');
const COLUMNS = [
  'conversation_id', 'timestamp', 'role', 'event', 'message_id', 'customer_id', 'channel', 'intent',
  'expected_intent', 'fallback', 'csat', 'resolved', 'handoff', 'sentiment', 'cost',
];

/** A conversation: distinct timestamps (ties would make input order matter), optional extras. */
const conversation = (id: number) =>
  fc
    .record({
      customer: fc.constantFrom('k1', 'k2', 'k3', ''),
      channel: fc.constantFrom('web', 'whatsapp', ''),
      startMinute: fc.integer({ min: 0, max: 60 * 24 * 20 }),
      rows: fc.array(
        fc.record({
          gap: fc.integer({ min: 1, max: 600 }),
          role: fc.constantFrom('customer', 'customer', 'bot', 'bot', 'agent', 'system'),
          event: fc.constantFrom('message', 'message', 'message', 'handoff', 'resolved', 'csat'),
          intent: fc.constantFrom('order_status', 'refund', 'nlu_fallback', ''),
          expected: fc.constantFrom('order_status', 'refund', ''),
          fallback: fc.constantFrom(true, false, ''),
          csat: fc.constantFrom(1, 3, 4, 5, 'up', 'down', ''),
          resolved: fc.constantFrom(true, false, ''),
          handoff: fc.constantFrom(true, false, false, ''),
          sentiment: fc.constantFrom(-0.8, -0.05, 0, 0.3, ''),
          cost: fc.constantFrom(0, 0.01, ''),
        }),
        { minLength: 1, maxLength: 7 },
      ),
    })
    .map(({ customer, channel, startMinute, rows }) => {
      let t = T0 + startMinute * 60_000;
      return rows.map((r, i): Row => {
        t += r.gap * 1000;
        const row: Row = { conversation_id: `c${id}`, timestamp: new Date(t).toISOString(), role: r.role, event: r.event, message_id: `m${i}` };
        const extras: Row = {
          customer_id: customer, channel, intent: r.role === 'customer' ? r.intent : '', expected_intent: r.expected,
          fallback: r.role === 'bot' ? r.fallback : '', csat: r.event === 'csat' ? r.csat : '', resolved: r.resolved,
          handoff: r.handoff, sentiment: r.role === 'customer' ? r.sentiment : '', cost: r.cost,
        };
        for (const [k, v] of Object.entries(extras)) if (v !== '') row[k] = v;
        return row;
      });
    });

const dataset = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => conversation(i))))
  .map((convs) => convs.flat());

const toJsonl = (rows: readonly Row[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
const toCsv = (rows: readonly Row[]): string =>
  [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','))].join('\r\n');

async function report(texts: { text: string; format: 'jsonl' | 'csv' }[], by: ('channel' | 'week')[] = [], splitAfterMs?: number): Promise<Report> {
  const data = await ingest(
    texts.map((t, i) => readRowsFromString(t.text, t.format, `part${i}`)),
    { tz: 'UTC', csatScale: 5, map: {}, ...(splitAfterMs === undefined ? {} : { splitAfterMs }) },
  );
  return buildReport(data, {
    scope: { tz: 'UTC', where: [] },
    by,
    kpi: { ...DEFAULT_OPTIONS, cost: { margin: 1, humanPerConversation: 2 } },
    baseCurrency: 'USD',
    version: 'test',
  });
}

/** Every object with numerator and denominator anywhere in a result. */
function rates(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (node === null || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  if (typeof o.numerator === 'number' && typeof o.denominator === 'number') out.push(o);
  for (const v of Object.values(o)) rates(v, out);
  return out;
}

const shuffle = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items.map((item, i) => ({ item, k: keys[i % keys.length] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.item);

describe('pipeline properties', () => {
  it('shuffling rows changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(fc.integer(), { minLength: 1 }), async (rows, keys) => {
        const a = await report([{ text: toJsonl(rows), format: 'jsonl' }], ['channel']);
        const b = await report([{ text: toJsonl(shuffle(rows, keys)), format: 'jsonl' }], ['channel']);
        expect(b.kpis).toEqual(a.kpis);
        expect(b.groups).toEqual(a.groups);
      }),
      { numRuns: 60 },
    );
  });

  it('splitting the input across files changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat(), async (rows, cut) => {
        const at = rows.length === 0 ? 0 : cut % rows.length;
        const whole = await report([{ text: toJsonl(rows), format: 'jsonl' }]);
        const split = await report([
          { text: toJsonl(rows.slice(0, at)), format: 'jsonl' },
          { text: toCsv(rows.slice(at)), format: 'csv' },
        ]);
        expect(split.kpis).toEqual(whole.kpis);
        expect(split.dataQuality.rowsUsed).toBe(whole.dataQuality.rowsUsed);
      }),
      { numRuns: 60 },
    );
  });

  it('episodes split at a duration no shorter than every gap between messages change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.nat({ max: 5000 }), async (rows, extra) => {
        // The longest gap between consecutive messages of a conversation; a gap must be strictly longer to split.
        const times = new Map<string, number[]>();
        for (const r of rows) {
          if (r.event !== 'message') continue;
          times.set(r.conversation_id as string, [...(times.get(r.conversation_id as string) ?? []), Date.parse(r.timestamp as string)]);
        }
        let longest = 0;
        for (const ts of times.values()) {
          ts.sort((a, b) => a - b);
          for (let i = 1; i < ts.length; i++) longest = Math.max(longest, (ts[i] as number) - (ts[i - 1] as number));
        }
        const whole = await report([{ text: toJsonl(rows), format: 'jsonl' }], ['channel']);
        const split = await report([{ text: toJsonl(rows), format: 'jsonl' }], ['channel'], longest + extra);
        expect(split.kpis).toEqual(whole.kpis);
        expect(split.groups).toEqual(whole.groups);
        expect(split.dataQuality).toEqual(whole.dataQuality);
        if (longest > 0) {
          // Just below the longest gap, that conversation splits in two at least.
          const finer = await report([{ text: toJsonl(rows), format: 'jsonl' }], [], longest - 1);
          expect(finer.dataQuality.episodesSplit).toBeGreaterThan(0);
          expect(finer.dataQuality.conversations).toBe(whole.dataQuality.conversations + finer.dataQuality.episodesSplit);
          expect(finer.dataQuality.rowsUsed).toBe(whole.dataQuality.rowsUsed);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('CSV and JSONL of the same rows agree', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (rows) => {
        const a = await report([{ text: toJsonl(rows), format: 'jsonl' }], ['week']);
        const b = await report([{ text: toCsv(rows), format: 'csv' }], ['week']);
        expect(b.kpis).toEqual(a.kpis);
        expect(b.groups).toEqual(a.groups);
      }),
      { numRuns: 60 },
    );
  });

  it('rates lie in [0,1] with their interval around them; containment + escalation = 1; accounting holds', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(fc.constantFrom('{broken', '{"conversation_id":"x"}', '[]'), { maxLength: 3 }), async (rows, junk) => {
        const text = toJsonl(rows) + junk.join('\n') + '\n' + (rows[0] ? JSON.stringify(rows[0]) + '\n' : '');
        const r = await report([{ text, format: 'jsonl' }], ['channel']);
        const dq = r.dataQuality;
        expect(dq.rowsRead).toBe(dq.rowsUsed + dq.rowsRejected + dq.duplicates);
        expect(dq.rowsRejected).toBe(junk.length);
        expect(dq.duplicates).toBe(rows.length > 0 ? 1 : 0);
        for (const kpis of [r.kpis, ...r.groups.map((g) => g.kpis)]) {
          for (const rate of rates(kpis)) {
            const { value, numerator, denominator, ci95 } = rate as { value: number | null; numerator: number; denominator: number; ci95: [number, number] | null };
            expect(numerator).toBeGreaterThanOrEqual(0);
            expect(numerator).toBeLessThanOrEqual(denominator);
            if (denominator === 0) expect(value).toBeNull();
            else {
              expect(value).toBeCloseTo(numerator / denominator, 12);
              const [lo, hi] = ci95 as [number, number];
              expect(0 <= lo && lo <= (value as number) + 1e-12 && (value as number) <= hi + 1e-12 && hi <= 1).toBe(true);
            }
          }
          const c = kpis.containment_rate as { value: number | null };
          const e = kpis.escalation_rate as { value: number | null };
          if (c.value !== null) expect(c.value + (e.value as number)).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 60 },
    );
  });
});
