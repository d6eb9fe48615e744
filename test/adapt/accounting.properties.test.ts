import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptBatches, adapterById, emptyTally } from '../../src/adapt/index.js';
import { htmlToText } from '../../src/adapt/html.js';
import type { RawRow } from '../../src/model.js';
import { ingest } from '../../src/report/ingest.js';
import { fixture } from '../cli/run.js';

type Json = unknown;
const FIXTURES: Record<string, string> = {
  messages: 'adapters/messages/conversations.jsonl',
  intercom: 'adapters/intercom/conversations.jsonl',
  zendesk: 'adapters/zendesk/tickets.jsonl',
  chatwoot: 'adapters/chatwoot/conversations.jsonl',
  rasa: 'adapters/rasa/trackers.jsonl',
  langfuse: 'adapters/langfuse/traces.jsonl',
  'dialogflow-cx': 'adapters/dialogflow-cx/export.json',
};
const docsOf = (id: string): Record<string, unknown>[] =>
  readFileSync(fixture(FIXTURES[id] as string), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Every container (object or array) inside a document with the keys it holds. */
function containers(node: Json, out: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((v, i) => (out.push({ holder: node, key: i }), containers(v, out)));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      out.push({ holder: node as Record<string, unknown>, key: k });
      containers(v, out);
    }
  }
  return out;
}

const AUTHOR_KEYS = new Set(['type', 'role', 'sender_type', 'message_type', 'part_type', 'subtypes', 'event', 'matchType']);
const TIME_KEYS = new Set(['created_at', 'timestamp', 'received', 'updated_at', 'createdAt', 'request_time', 'latency']);
const TEXT_KEYS = new Set(['body', 'content', 'text', 'plain_body', 'html_body', 'input', 'output']);

const junk = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant('yesterday'),
  fc.constant('robot'),
  fc.constant({}),
  fc.constant([]),
);
const html = fc
  .array(fc.oneof(fc.string(), fc.constantFrom('<p>', '</p>', '<br>', '&amp;', '&#39;', '&#x1F600;', '<b>x</b>', '&bogus;', '<', '&')), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** One mutation: drop a key or element, or replace a value (author types, times, text as HTML, anything). */
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('drop', 'author', 'time', 'html', 'any'), value: junk, text: html });

function mutate(doc: Record<string, unknown>, ms: { at: number; op: string; value: unknown; text: string }[]): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const m of ms) {
    const all = containers(copy);
    if (all.length === 0) break;
    const wanted =
      m.op === 'author' ? all.filter((c) => AUTHOR_KEYS.has(String(c.key)))
      : m.op === 'time' ? all.filter((c) => TIME_KEYS.has(String(c.key)))
      : m.op === 'html' ? all.filter((c) => TEXT_KEYS.has(String(c.key)))
      : all;
    const target = (wanted.length > 0 ? wanted : all)[m.at % (wanted.length > 0 ? wanted.length : all.length)];
    if (target === undefined) continue;
    const { holder, key } = target;
    if (m.op === 'drop') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key as string];
    } else {
      const value = m.op === 'html' ? m.text : m.value;
      if (Array.isArray(holder)) holder[key as number] = value;
      else holder[key as string] = value;
    }
  }
  return copy;
}

describe.each(Object.keys(FIXTURES))('%s adapter: accounting under mutated documents', (id) => {
  const docs = docsOf(id);
  it('every document is read, every derived row is used, rejected with a path, or a duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(mutation, { maxLength: 6 }), { minLength: docs.length, maxLength: docs.length }), async (plans) => {
        const mutated = docs.map((d, i) => mutate(d, plans[i] ?? []));
        const raws: RawRow[] = mutated.map((fields, i) => ({ file: 'f.jsonl', line: i + 1, ok: true, fields }));
        async function* source(): AsyncGenerator<RawRow[]> {
          yield raws;
        }
        const tally = emptyTally();
        const rejections: { line: number; path?: string }[] = [];
        const perLine = new Map<number, number>();
        async function* counted(): AsyncGenerator<RawRow[]> {
          for await (const batch of adaptBatches(source(), adapterById(id)!, { bots: ['Answer Bot'], agents: [] }, tally)) {
            for (const r of batch) perLine.set(r.line, (perLine.get(r.line) ?? 0) + 1);
            yield batch;
          }
        }
        const data = await ingest([counted()], { tz: 'UTC', csatScale: 5 }, { onReject: (r) => void rejections.push(r) });
        const c = data.counts;
        expect(c.rowsRead).toBe(c.rowsUsed + c.rowsRejected + c.duplicates);
        expect(tally.documents).toBe(docs.length);
        expect(c.rowsRead).toBe(tally.rows);
        // No document vanishes: each yields at least one row or rejection, on its own line. (A
        // table row, like a Dialogflow CX turn with neither query nor response text, may yield nothing.)
        if (adapterById(id)!.granularity === 'document') {
          for (let line = 1; line <= docs.length; line++) expect(perLine.get(line) ?? 0).toBeGreaterThan(0);
        }
        for (const r of rejections) {
          expect(typeof r.path).toBe('string');
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(docs.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('htmlToText', () => {
  it('never leaves a tag, and leaves text without markup as it is', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const plain = s.replace(/[<&]/g, '');
        expect(htmlToText(plain)).toBe(plain);
        expect(htmlToText(`<p>${plain}</p><br/>`)).not.toMatch(/<\/?(p|br)\b/);
      }),
    );
    expect(htmlToText('<div><p>Hi&nbsp;Jane,</p><p>it&#39;s here &amp; <b>done</b>.<br>Bye</p></div>')).toBe("Hi Jane,\nit's here & done.\nBye");
  });
});
