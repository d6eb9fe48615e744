import { describe, expect, it } from 'vitest';
import { adaptBatches, detectShape, emptyTally } from '../../src/adapt/index.js';
import { flat } from '../../src/adapt/flat.js';
import type { Adapter } from '../../src/adapt/types.js';
import type { RawRow } from '../../src/model.js';

const fake = (id: string, key: string, adapt: Adapter['start'] = () => ({ adapt: () => [] })): Adapter => ({
  id,
  title: `${id} documents`,
  docs: '',
  granularity: 'document',
  detect: (r) => key in r,
  start: adapt,
});
const a = fake('a', 'alpha');
const b = fake('b', 'beta');

describe('detectShape', () => {
  it('picks the platform adapter that recognises most samples, flat only when none does', () => {
    expect(detectShape([{ alpha: [{}] }, { alpha: [] }, { beta: 1 }], [flat, a, b])).toEqual({ kind: 'one', adapter: a });
    expect(detectShape([{ conversation_id: 'c', alpha: [] }], [flat, a])).toEqual({ kind: 'one', adapter: a });
    expect(detectShape([{ conversation_id: 'c', timestamp: 1 }], [flat, a])).toEqual({ kind: 'one', adapter: flat });
  });
  it('calls a tie ambiguous and a nested record nobody claims unknown', () => {
    expect(detectShape([{ alpha: 1, beta: 1 }], [flat, a, b])).toEqual({ kind: 'ambiguous', adapters: [a, b] });
    expect(detectShape([{ nested: { x: 1 } }], [flat, a, b])).toEqual({ kind: 'none' });
  });
  it('reads a flat row with wrong fields as flat (the schema rejects it), and no record as flat', () => {
    expect(detectShape([{ foo: 1, bar: 'x' }], [flat, a])).toEqual({ kind: 'one', adapter: flat });
    expect(detectShape([], [flat, a])).toEqual({ kind: 'one', adapter: flat });
  });
});

async function collect(rows: RawRow[], adapter: Adapter): Promise<{ out: RawRow[]; tally: ReturnType<typeof emptyTally> }> {
  const tally = emptyTally();
  const out: RawRow[] = [];
  async function* source(): AsyncGenerator<RawRow[]> {
    yield rows;
  }
  for await (const batch of adaptBatches(source(), adapter, { bots: [], agents: [] }, tally)) out.push(...batch);
  return { out, tally };
}

describe('adaptBatches', () => {
  it('keeps file, line and path on derived rows and rejections, and counts documents and rows', async () => {
    const adapter = fake('a', 'alpha', () => ({
      adapt: (r) => [
        { path: 'parts[0]', fields: { conversation_id: r['id'] }, documentTime: true },
        { path: 'parts[1]', reason: 'unknown author type', value: 'robot' },
      ],
    }));
    const { out, tally } = await collect(
      [
        { file: 'x.jsonl', line: 1, ok: true, fields: { id: 'c1' } },
        { file: 'x.jsonl', line: 2, ok: false, reason: 'malformed JSON', raw: '{' },
      ],
      adapter,
    );
    expect(out).toEqual([
      { file: 'x.jsonl', line: 1, path: 'parts[0]', ok: true, fields: { conversation_id: 'c1' } },
      { file: 'x.jsonl', line: 1, path: 'parts[1]', ok: false, reason: 'unknown author type', raw: 'robot', value: 'robot' },
      { file: 'x.jsonl', line: 2, ok: false, reason: 'malformed JSON', raw: '{' },
    ]);
    expect(tally).toEqual({ documents: 2, rows: 3, documentTimeRows: 1 });
  });
  it('turns a document that yields nothing, or that the adapter cannot read, into one rejection naming it', async () => {
    const empty = await collect(
      [
        { file: 'x', line: 3, ok: true, fields: {} },
        { file: 'x', line: 4, ok: true, fields: { ticket: { id: 35431 } } },
      ],
      fake('a', 'alpha'),
    );
    expect(empty.out).toEqual([
      { file: 'x', line: 3, path: '', ok: false, reason: 'document without events', raw: null },
      { file: 'x', line: 4, path: '', ok: false, reason: 'document without events', raw: '35431', value: '35431' },
    ]);
    const throwing = fake('t', 'alpha', () => ({
      adapt: () => {
        throw new Error('boom');
      },
    }));
    const bad = await collect([{ file: 'x', line: 4, ok: true, fields: {} }], throwing);
    expect(bad.out).toEqual([{ file: 'x', line: 4, path: '', ok: false, reason: 'unreadable document', raw: 'boom', value: 'boom' }]);
  });
});

describe('rows derived with nested values', () => {
  it('an id or text field holding an object or array is rejected as invalid, not a crash', async () => {
    const { RowNormaliser } = await import('../../src/schema/normalise.js');
    const n = new RowNormaliser({ tz: 'UTC', csatScale: 5 });
    const base = { conversation_id: 'c', timestamp: 1717491600, role: 'user' };
    expect(n.normalise({ ...base, text: [1] })).toEqual({ ok: false, reason: 'invalid text', value: [1] });
    expect(n.normalise({ ...base, intent: { name: 'x' } })).toEqual({ ok: false, reason: 'invalid intent', value: { name: 'x' } });
    expect(n.normalise({ ...base, conversation_id: ['c'] })).toEqual({ ok: false, reason: 'invalid conversation_id', value: ['c'] });
    expect(n.normalise({ ...base, text: 'fine' }).ok).toBe(true);
  });
});

describe('detection on every platform fixture', () => {
  it('each fixture is recognised as its own shape and claimed by no other registered adapter', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { ADAPTERS } = await import('../../src/adapt/registry.js');
    const { fixture } = await import('../cli/run.js');
    const root = fixture('adapters');
    const checked: string[] = [];
    for (const id of readdirSync(root)) {
      if (!ADAPTERS.some((a) => a.id === id)) continue;
      for (const file of readdirSync(`${root}/${id}`).filter((f) => f.endsWith('.jsonl'))) {
        const docs = readFileSync(`${root}/${id}/${file}`, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        const found = detectShape(docs.slice(0, 5));
        expect(found.kind === 'one' ? found.adapter.id : found, `${id}/${file}`).toBe(id);
        for (const doc of docs) {
          const claims = ADAPTERS.filter((a) => a.id !== 'flat' && a.detect(doc)).map((a) => a.id);
          expect(claims, `${id}/${file}`).toEqual([id]);
        }
        checked.push(`${id}/${file}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['chatwoot/conversations.jsonl', 'intercom/conversations.jsonl', 'messages/no-times.jsonl', 'zendesk/tickets.jsonl']));
  });
});
