/**
 * `botkpi inspect`: what botkpi makes of an export before any KPI is trusted — the shape it was
 * read as, how many documents and rows, which canonical fields the rows fill, which columns it
 * does not know (with a `--map` suggestion where one looks like a known field), which KPIs will be
 * n/a and why, and one conversation as a transcript. Pure: rows in, a model out.
 */
import type { Event, RawRow } from '../model.js';
import type { Report } from '../report/types.js';
import { FIELD_ALIASES, FIELDS, fieldKey, type Field } from '../schema/fields.js';
import { RowNormaliser, type NormaliseOptions } from '../schema/normalise.js';

export interface InspectInput {
  file: string;
  format: string;
  title: string;
  detected: boolean;
  documents: number;
  rows: number;
}

export interface TranscriptLine {
  time: string;
  role: string | null;
  event: string;
  text: string | null;
}

export interface Inspection {
  inputs: InspectInput[];
  rows: { read: number; used: number; rejected: number; duplicates: number; rejectedByReason: Record<string, number> };
  conversations: number;
  timeSpan: { start: string; end: string } | null;
  /** Canonical field → rows (valid or not) that give it a value. */
  fields: Record<Field, number>;
  /** Raw role / event values as given → rows. */
  roles: Record<string, number>;
  events: Record<string, number>;
  unrecognised: { column: string; rows: number; suggestion: string | null }[];
  notAvailable: { kpi: string; reason: string }[];
  transcript: { conversationId: string; lines: TranscriptLine[] } | null;
}

/** Squashed name: lower case, letters and digits only (`conversationId`, `Conversation ID` → `conversationid`). */
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const SQUASHED: [string, Field][] = FIELDS.flatMap((f) => [f, ...FIELD_ALIASES[f]].map((n): [string, Field] => [squash(n), f]));

/** The field an unknown column looks like: same squashed name as a field or alias, or ending in one (`ticket_created_at`). */
export function suggestField(column: string): Field | undefined {
  const s = squash(column);
  if (s === '') return undefined;
  const exact = SQUASHED.find(([n]) => n === s);
  if (exact !== undefined) return exact[1];
  const suffix = SQUASHED.filter(([n]) => n.length >= 4 && s.endsWith(n)).sort((a, b) => b[0].length - a[0].length)[0];
  return suffix?.[1];
}

const isAbsent = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const SAMPLE_CONVERSATIONS = 20;

/** Watches derived rows as they stream by: field fill, raw role/event values, unknown columns, sample conversations. */
export class RowObserver {
  private readonly lookup = new Map<string, Field>();
  readonly fields = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  readonly roles: Record<string, number> = {};
  readonly events: Record<string, number> = {};
  private readonly unknown = new Map<string, number>();
  private readonly normaliser: RowNormaliser;
  private readonly samples = new Map<string, (Omit<Event, 'seq'> & { seq: number })[]>();
  private seq = 0;

  constructor(options: NormaliseOptions) {
    for (const f of FIELDS) for (const a of FIELD_ALIASES[f]) this.lookup.set(a, f);
    for (const f of FIELDS) this.lookup.set(f, f);
    for (const [f, column] of Object.entries(options.map ?? {})) if (column !== undefined) this.lookup.set(fieldKey(column), f as Field);
    this.normaliser = new RowNormaliser(options);
  }

  observe = (batch: readonly RawRow[]): void => {
    for (const raw of batch) {
      if (!raw.ok) continue;
      const filled = new Set<Field>();
      for (const [key, value] of Object.entries(raw.fields)) {
        const field = this.lookup.get(fieldKey(key));
        if (field === undefined) {
          if (!isAbsent(value)) this.unknown.set(key, (this.unknown.get(key) ?? 0) + 1);
          continue;
        }
        if (isAbsent(value) || filled.has(field)) continue;
        filled.add(field);
        this.fields[field]++;
        if (field === 'role') this.roles[String(value)] = (this.roles[String(value)] ?? 0) + 1;
        if (field === 'event') this.events[String(value)] = (this.events[String(value)] ?? 0) + 1;
      }
      if (!filled.has('event')) this.events['message (default)'] = (this.events['message (default)'] ?? 0) + 1;
      const r = this.normaliser.normalise(raw.fields);
      if (!r.ok) continue;
      let list = this.samples.get(r.event.conversationId);
      if (list === undefined) {
        if (this.samples.size >= SAMPLE_CONVERSATIONS) continue;
        this.samples.set(r.event.conversationId, (list = []));
      }
      list.push({ ...r.event, seq: this.seq++ });
    }
  };

  unrecognised(): Inspection['unrecognised'] {
    return [...this.unknown]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([column, rows]) => {
        const field = suggestField(column);
        return { column, rows, suggestion: field === undefined ? null : `--map ${field}=${column}` };
      });
  }

  /** The sampled conversation with the most kinds of speaker (then the most messages), as a transcript. */
  transcript(): Inspection['transcript'] {
    let best: { id: string; events: Omit<Event, 'seq'>[]; score: number } | undefined;
    for (const [id, events] of this.samples) {
      const messages = events.filter((e) => e.kind === 'message');
      const score = new Set(messages.map((e) => e.role)).size * 1000 + Math.min(messages.length, 999);
      if (best === undefined || score > best.score) best = { id, events, score };
    }
    if (best === undefined) return null;
    const sorted = [...best.events].sort((a, b) => a.ts - b.ts || (a as Event).seq - (b as Event).seq);
    return {
      conversationId: best.id,
      lines: sorted.map((e) => ({
        time: new Date(e.ts).toISOString(),
        role: e.role ?? null,
        event: e.kind,
        text: e.kind === 'message' ? (e.text ?? null) : eventText(e),
      })),
    };
  }
}

function eventText(e: Omit<Event, 'seq'>): string | null {
  if (e.csat !== undefined) return e.csat.kind === 'numeric' ? `rating ${e.csat.value}` : `rating ${e.csat.up ? 'up' : 'down'}`;
  if (e.resolved !== undefined) return `resolved = ${e.resolved}`;
  return null;
}

/** The inspection of a report's input: counts from the report, the rest from the observer. */
export function inspection(report: Report, inputs: InspectInput[], observer: RowObserver, span: { start: number; end: number } | null): Inspection {
  const dq = report.dataQuality;
  const notAvailable: Inspection['notAvailable'] = [];
  for (const [kpi, result] of Object.entries(report.kpis)) {
    const reason = (result as { reason?: unknown }).reason;
    if (typeof reason === 'string') notAvailable.push({ kpi, reason });
  }
  return {
    inputs,
    rows: { read: dq.rowsRead, used: dq.rowsUsed, rejected: dq.rowsRejected, duplicates: dq.duplicates, rejectedByReason: dq.rejectedByReason },
    conversations: dq.conversations,
    timeSpan: span === null ? null : { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() },
    fields: observer.fields,
    roles: observer.roles,
    events: observer.events,
    unrecognised: observer.unrecognised(),
    notAvailable,
    transcript: observer.transcript(),
  };
}
