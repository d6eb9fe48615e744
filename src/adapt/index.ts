/**
 * The adapt stage: records as read → canonical event rows, through the adapter of the records'
 * shape (chosen by `--input-format` or detected from the first records). Each derived row keeps
 * the file and line of its record and its path inside it; a document, or a part of one, that
 * cannot be used becomes a rejection there, so the accounting of derived rows stays whole.
 */
import { UsageError } from '../errors.js';
import type { RawRow } from '../model.js';
import { ADAPTERS } from './registry.js';
import { isRejection, type AdaptOptions, type Adapter } from './types.js';
import { docAt, first, idOf, type Doc } from './util.js';

export { ADAPTERS, adapterById } from './registry.js';
export type { Adapter, AdaptOptions } from './types.js';

/** How many records detection looks at. */
const SAMPLE = 5;

export type Detection =
  | { kind: 'one'; adapter: Adapter }
  | { kind: 'none' }
  | { kind: 'ambiguous'; adapters: Adapter[] };

/**
 * The shape of sample records: the platform adapter that recognises most of them (a tie is
 * ambiguous); else `flat` when it takes the first; else none. No sample (an empty file, or only
 * malformed lines) reads as flat rows, which the schema then accounts for.
 */
export function detectShape(samples: readonly Doc[], adapters: readonly Adapter[] = ADAPTERS): Detection {
  const flatAdapter = adapters.find((a) => a.id === 'flat');
  if (samples.length === 0 && flatAdapter !== undefined) return { kind: 'one', adapter: flatAdapter };
  const scored = adapters
    .filter((a) => a.id !== 'flat')
    .map((adapter) => ({ adapter, hits: samples.filter((s) => safeDetect(adapter, s)).length }))
    .filter((s) => s.hits > 0);
  const best = Math.max(0, ...scored.map((s) => s.hits));
  const top = scored.filter((s) => s.hits === best).map((s) => s.adapter);
  if (top.length === 1 && top[0] !== undefined) return { kind: 'one', adapter: top[0] };
  if (top.length > 1) return { kind: 'ambiguous', adapters: top };
  const head = samples[0];
  if (flatAdapter !== undefined && head !== undefined && safeDetect(flatAdapter, head)) return { kind: 'one', adapter: flatAdapter };
  return { kind: 'none' };
}

function safeDetect(adapter: Adapter, record: Doc): boolean {
  try {
    return adapter.detect(record);
  } catch {
    return false;
  }
}

/** The input-format names `--input-format` accepts: the adapter ids and the reader formats. */
export function formatChoices(adapters: readonly Adapter[] = ADAPTERS): string {
  return `${adapters.map((a) => a.id).join(', ')} (or the reader formats jsonl, json, csv, tsv, parquet)`;
}

/** What a record looks like, for an error message: its keys, the first few. */
function keysOf(record: Doc | undefined): string {
  if (record === undefined) return 'no readable record';
  const keys = Object.keys(record);
  const shown = keys.slice(0, 8).join(', ');
  return keys.length === 0 ? 'an empty object' : `keys ${shown}${keys.length > 8 ? `, … (${keys.length} in all)` : ''}`;
}

export interface Chosen {
  adapter: Adapter;
  /** True when the shape was detected rather than pinned. */
  detected: boolean;
  /** The same records, the sampled ones included. */
  batches: AsyncIterable<RawRow[]>;
}

/**
 * Picks the adapter for one file: the pinned one, or the one its first records show. An unknown
 * or ambiguous shape is a usage error naming the file, what was seen and the choices.
 */
export async function chooseAdapter(file: string, batches: AsyncIterable<RawRow[]>, pinned: Adapter | undefined): Promise<Chosen> {
  if (pinned !== undefined) return { adapter: pinned, detected: false, batches };
  const { samples, line, replay } = await sampleRecords(batches, SAMPLE);
  const found = detectShape(samples);
  if (found.kind === 'one') return { adapter: found.adapter, detected: true, batches: replay };
  const seen = `the first record (line ${line}) has ${keysOf(samples[0])}`;
  if (found.kind === 'ambiguous') {
    throw new UsageError(
      `cannot tell the shape of ${file}: ${seen}, which fits ${found.adapters.map((a) => `${a.title} (${a.id})`).join(' and ')}; pin one with --input-format ${found.adapters.map((a) => a.id).join('|')}`,
    );
  }
  throw new UsageError(`cannot tell the shape of ${file}: ${seen}, which no known shape fits; choose one with --input-format: ${formatChoices()}`);
}

/** The first `n` readable records and the line of the first, with the batches replayed from the start. */
async function sampleRecords(
  batches: AsyncIterable<RawRow[]>,
  n: number,
): Promise<{ samples: Doc[]; line: number; replay: AsyncIterable<RawRow[]> }> {
  const it = batches[Symbol.asyncIterator]();
  const head: RawRow[][] = [];
  const samples: Doc[] = [];
  let line = 0;
  let done = false;
  while (samples.length < n) {
    const next = await it.next();
    if (next.done === true) {
      done = true;
      break;
    }
    head.push(next.value);
    for (const raw of next.value) {
      if (!raw.ok || samples.length >= n) continue;
      if (samples.length === 0) line = raw.line;
      samples.push(raw.fields);
    }
  }
  async function* replay(): AsyncGenerator<RawRow[]> {
    yield* head;
    if (!done) for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value;
  }
  return { samples, line, replay: replay() };
}

/** The id a document gives itself, to name it in a rejection. */
function documentId(doc: Doc): string | undefined {
  return idOf(first(doc['id'], doc['conversation_id'], docAt(doc['ticket'])?.['id'], docAt(doc['conversation'])?.['id']));
}

/** What the adapt stage saw, for data quality and `inspect`. */
export interface AdaptTally {
  /** Records read (documents, or rows for a row adapter), malformed ones included. */
  documents: number;
  /** Canonical rows and rejections derived from them (what the schema then counts as rows read). */
  rows: number;
  /** Derived rows whose timestamp is their document's, not their own. */
  documentTimeRows: number;
}

export const emptyTally = (): AdaptTally => ({ documents: 0, rows: 0, documentTimeRows: 0 });

/**
 * Derives canonical rows from records, batch by batch. A document that yields nothing, or a
 * record the adapter cannot read, becomes one rejection naming it (path ''); a table row that
 * yields nothing (a row adapter's record that is no event of botkpi's, like a Rasa action) is
 * not one. A derived row's path is the record's own path in its file (`conversations[3]`, from
 * a JSON document) followed by the path inside the record.
 */
export async function* adaptBatches(
  batches: AsyncIterable<RawRow[]>,
  adapter: Adapter,
  options: AdaptOptions,
  tally: AdaptTally,
): AsyncGenerator<RawRow[]> {
  const session = adapter.start(options);
  for await (const batch of batches) {
    const out: RawRow[] = [];
    for (const raw of batch) {
      tally.documents++;
      if (!raw.ok) {
        out.push(raw);
        continue;
      }
      const { file, line } = raw;
      const at = (path: string): string => joinPath(raw.path, path);
      let derived;
      try {
        derived = session.adapt(raw.fields);
      } catch (err) {
        derived = [{ path: '', reason: 'unreadable document', value: err instanceof Error ? err.message : String(err) }];
      }
      if (derived.length === 0 && adapter.granularity === 'document') {
        const id = documentId(raw.fields);
        derived = [id === undefined ? { path: '', reason: 'document without events' } : { path: '', reason: 'document without events', value: id }];
      }
      for (const d of derived) {
        if (isRejection(d)) {
          const rejected: RawRow = { file, line, path: at(d.path), ok: false, reason: d.reason, raw: d.value ?? null };
          if (d.value !== undefined) rejected.value = d.value;
          out.push(rejected);
        } else {
          if (d.documentTime === true) tally.documentTimeRows++;
          out.push({ file, line, path: at(d.path), ok: true, fields: d.fields });
        }
      }
    }
    tally.rows += out.length;
    if (out.length > 0) yield out;
  }
}

/** `conversations[3]` + `conversation_parts[0]` → `conversations[3].conversation_parts[0]`; either may be absent or ''. */
export function joinPath(outer: string | undefined, inner: string): string {
  if (outer === undefined || outer === '') return inner;
  if (inner === '') return outer;
  return inner.startsWith('[') ? `${outer}${inner}` : `${outer}.${inner}`;
}
