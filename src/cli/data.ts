import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import { suggest } from '../check/suggest.js';
import type { Dimension } from '../conversations/attributes.js';
import { loadConfig } from '../config/load.js';
import { resolveSettings, type SettingFlags, type Settings } from '../config/settings.js';
import { ADAPTERS, adaptBatches, adapterById, chooseAdapter, emptyTally, formatChoices, type Adapter, type AdaptTally } from '../adapt/index.js';
import { UsageError } from '../errors.js';
import type { RawRow } from '../model.js';
import { ENCODINGS, InputError, readBatches, type Encoding, type InputFormat } from '../read/index.js';
import { buildReport, type ReportOptions } from '../report/build.js';
import { ingest, ingestOrders, type Ingested, type IngestedOrders, type Rejection } from '../report/ingest.js';
import { planFile, rangedBatch } from '../report/ranged.js';
import type { RangePlan } from '../read/ranges.js';
import { inScope, parseWhere, unmatchedWhere, type Scope } from '../report/scope.js';
import type { Conversation } from '../model.js';
import type { RowCounts } from '../report/types.js';
import { fieldKey } from '../schema/fields.js';
import type { KpiFailure } from '../kpis/runner.js';
import type { GroupKey, Report } from '../report/types.js';
import { mapLine, matchColumns } from '../schema/columns.js';
import { valueHint, valueMapOf } from '../schema/value-map.js';
import type { Field } from '../schema/fields.js';
import { parseBound } from '../schema/timestamp.js';
import { textAnalysisLoader } from '../text/index.js';
import { AtomicFile, checkOutputPath, version, warn, type Io } from './io.js';
import { fileSize, Progress } from './progress.js';
import { collect, parseList, parseMapping, parseNumberIn, parseValueMapping } from './options.js';

/** How many rejected rows are spelled out on stderr before the rest are summed up. */
const REJECTIONS_SHOWN = 5;

/** Flags every command that reads transcripts shares. */
export interface DataFlags extends SettingFlags {
  config?: string;
  orders?: string;
  since?: string;
  until?: string;
  where: string[];
  rejects?: string;
  strict?: boolean;
  maxRejected?: string;
  encoding?: string;
  /** `-o` of the commands that have it: checked before anything is read. */
  output?: string;
}

export interface Loaded {
  data: Ingested;
  orders?: IngestedOrders;
  settings: Settings;
  /** Per file as given: the adapter that read it and what it derived. */
  inputs: LoadedInput[];
  /** The config file read, if any. */
  configFile?: string;
  /** The progress line on a terminal: `done()` once the output is written. */
  progress?: Progress;
}

export interface LoadedInput {
  file: string;
  adapter: Adapter;
  detected: boolean;
  tally: AdaptTally;
}

export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'settings file (default: ./botkpi.config.json when present)')
    .option('--input-format <format>', `input shape, detected when not given: ${formatChoices()}`)
    .option('--tz <zone>', 'IANA time zone for ISO times without offset, --since/--until and time buckets (default UTC)')
    .option('--map <field=column>', 'read a field from another column name (repeatable)', parseMapping)
    .option('--map-value <field:value=value>', 'translate a value before validation, e.g. role:End-user=customer (repeatable)', parseValueMapping)
    .option('--since <date>', 'only conversations starting at or after this date/time (in --tz)')
    .option('--until <date>', 'only conversations starting before this date/time (in --tz)')
    .option('--where <field=value>', 'only conversations matching (repeatable; field!=value excludes)', collect, [])
    .option('--orders <file>', 'orders (customer_id, timestamp, value[, order_id, currency]) for conversion, revenue and ROI')
    .option('--csat-scale <n>', 'numeric CSAT scale S: ratings lie in 1..S (default 5)', parseNumberIn(1, 1000))
    .option('--csat-threshold <n>', 'a numeric rating ≥ n is satisfied (default ceil(0.8·S))', parseNumberIn(0, 1000))
    .option('--fallback-intents <list>', 'comma-separated intents that mean "not recognised"', parseList)
    .option('--confidence-threshold <x>', 'minimum intent_confidence for a recognised intent', parseNumberIn(0, 1))
    .option('--fcr-window <duration>', 'FCR follow-up window, e.g. 7d or 72h; a number is days (default 7d)')
    .option('--attribution-window <duration>', 'order attribution window; a number is hours (default 72h)')
    .option('--sla <target=duration>', 'service-level target: first_response, handoff_wait or resolution, e.g. first_response=30s (repeatable)', collect)
    .option('--split-after <duration>', 'split a conversation_id into episodes at message gaps longer than this, e.g. 30m or 2d')
    .option('--no-detect-language', 'do not detect the language of conversations that lack one')
    .option('--no-text-sentiment', 'use only given sentiment values, never score message text')
    .option('--rejects <file>', 'write rejected rows (transcripts and orders) with their reason to this JSONL file')
    .option('--strict', 'exit 2 when any row is rejected')
    .option('--max-rejected <n|p%>', 'exit 2 when more rows than this are rejected: a count (10) or a share of rows read (2%)')
    .option('--encoding <encoding>', 'text encoding of the inputs: utf8 (default), latin1, utf16le or utf16be (UTF-16 with a byte-order mark is recognised)');
}

/** The options the user actually gave (commander fills in defaults for negatable flags). */
export function givenOptions<T extends object>(cmd: Command): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cmd.opts())) {
    if (cmd.getOptionValueSource(key) !== 'default' || Array.isArray(value)) out[key] = value;
  }
  return out as T;
}

function formatRejection(r: Rejection): string {
  const value = r.value === undefined ? '' : ` ${JSON.stringify(r.value)}`;
  const path = r.path === undefined || r.path === '' ? '' : ` ${r.path}`;
  const hint = valueHint(r.reason, r.value);
  return `${r.file} line ${r.line}${path}: ${r.reason}${value}${hint === undefined ? '' : ` (${hint})`}`;
}

const READER_FORMATS: ReadonlySet<string> = new Set<InputFormat>(['jsonl', 'json', 'csv', 'tsv', 'parquet']);

/** `--input-format` / `input.format`: a reader format (the shape still detected) or an adapter id (the shape pinned). */
export function inputFormat(text: string | undefined): { reader?: InputFormat; adapter?: Adapter } {
  if (text === undefined) return {};
  const name = text.trim().toLowerCase();
  if (READER_FORMATS.has(name)) return { reader: name as InputFormat };
  const adapter = adapterById(name);
  if (adapter === undefined) throw new UsageError(`--input-format "${text}": expected one of ${formatChoices()}`);
  return { adapter };
}

/**
 * One transcript file through read and adapt: its shape pinned or detected (and then announced),
 * rows derived by its adapter. Flat rows pass through untouched.
 */
async function* adaptedFile(
  file: string,
  batches: AsyncIterable<RawRow[]>,
  pinned: Adapter | undefined,
  settings: Settings,
  io: Io,
  inputs: LoadedInput[],
  /** How the file may be read on several threads (flat rows only); undefined: in one piece. */
  ranged?: { plan: () => Promise<RangePlan | undefined>; onRows?: (rows: number, bytes: number) => void },
): AsyncGenerator<RawRow[]> {
  const chosen = await chooseAdapter(file, batches, pinned);
  const input: LoadedInput = { file, adapter: chosen.adapter, detected: chosen.detected, tally: emptyTally() };
  inputs.push(input);
  if (chosen.detected && chosen.adapter.id !== 'flat') {
    warn(io, `reading ${file} as ${chosen.adapter.title} (auto-detected; --input-format ${chosen.adapter.id} to pin it)`);
  }
  if (chosen.adapter.id === 'flat') {
    const plan = await ranged?.plan();
    if (plan !== undefined) {
      await chosen.batches[Symbol.asyncIterator]().return?.();
      const onRows = (rows: number, bytes: number): void => {
        input.tally.documents += rows;
        input.tally.rows += rows;
        ranged?.onRows?.(rows, bytes);
      };
      yield rangedBatch({ plan, onRows });
      return;
    }
    for await (const batch of chosen.batches) {
      input.tally.documents += batch.length;
      input.tally.rows += batch.length;
      yield batch;
    }
    return;
  }
  yield* adaptBatches(chosen.batches, chosen.adapter, { bots: settings.bots, agents: settings.agents, ...(settings.handoffActions === undefined ? {} : { handoffActions: settings.handoffActions }) }, input.tally);
}

async function* observed(batches: AsyncIterable<RawRow[]>, observe: (batch: readonly RawRow[]) => void): AsyncGenerator<RawRow[]> {
  for await (const batch of batches) {
    observe(batch);
    yield batch;
  }
}

/** Data quality and present fields after the adapt stage: documents read, message times known or not. */
function withInputs(data: Ingested, inputs: readonly LoadedInput[]): Ingested {
  const adapted = inputs.filter((i) => i.adapter.id !== 'flat');
  const fields = new Set(data.fields);
  if (inputs.some((i) => i.tally.documentTimeRows > 0)) fields.delete('timestamp');
  if (adapted.length === 0) return { ...data, fields };
  return {
    ...data,
    fields,
    counts: {
      documentsRead: inputs.reduce((n, i) => n + i.tally.documents, 0),
      inputFormats: Object.fromEntries(inputs.map((i) => [i.file, i.adapter.id])),
      ...data.counts,
    },
  };
}

function encoding(text: string | undefined): Encoding | undefined {
  if (text === undefined) return undefined;
  const e = text.trim().toLowerCase().replace(/[-_]/g, '');
  const name = e === 'utf16' ? 'utf16le' : e === 'iso88591' ? 'latin1' : e;
  if (!(ENCODINGS as readonly string[]).includes(name)) throw new UsageError(`--encoding "${text}": expected ${ENCODINGS.join(', ')}`);
  return name as Encoding;
}

/** `--max-rejected`: a count, or a share of the rows read. */
export function parseMaxRejected(text: string | undefined): { count: number } | { share: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const n = Number(m?.[1]);
  if (!m || (m[2] === '' && !Number.isInteger(n)) || (m[2] === '%' && n > 100)) {
    throw new UsageError(`--max-rejected "${text}": expected a number of rows (10) or a percentage (2%)`);
  }
  return m[2] === '%' ? { share: n / 100 } : { count: n };
}

/** `invalid timestamp 9, unknown role 2`: reasons by count, most frequent first. */
export function reasonsText(counts: RowCounts): string {
  return Object.entries(counts.rejectedByReason)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
}

const inputName = (files: readonly string[]): string => files.map((f) => (f === '-' ? 'stdin' : f)).join(', ');

/**
 * The one line that says why the input gave nothing to report on:
 * `logs.csv: 0 of 9 rows usable: 9 rejected (invalid timestamp 9); see --rejects`.
 */
export function unusableInput(files: readonly string[], counts: RowCounts, rejects: string | undefined): string {
  const name = inputName(files);
  if (counts.rowsRead === 0) return `${name}: no rows (the input is empty)`;
  const parts: string[] = [];
  if (counts.rowsRejected > 0) parts.push(`${counts.rowsRejected} rejected (${reasonsText(counts)})`);
  if (counts.duplicates > 0) parts.push(`${counts.duplicates} duplicates`);
  const see = counts.rowsRejected === 0 ? '' : rejects === undefined ? '; see --rejects FILE' : `; see ${rejects}`;
  if (counts.rowsUsed > 0) return `${name}: ${counts.rowsUsed} of ${counts.rowsRead} rows usable, but none is a message: no conversation to report on${see}`;
  return `${name}: 0 of ${counts.rowsRead} rows usable: ${parts.join(', ')}${see}`;
}

/** Rejected rows are buffered and written in pieces of about this size. */
const REJECTS_BUFFER = 1 << 16;

/** Reads config, transcripts and orders; rejections go to stderr (the first few) and --rejects. */
export async function loadData(
  files: string[],
  flags: DataFlags,
  io: Io,
  cwd: string,
  keep: { questions?: boolean } = {},
  /** Sees every batch of rows after the adapt stage (for `inspect`). */
  observe?: (batch: readonly RawRow[]) => void,
): Promise<Loaded> {
  const { config, file: configFile } = await loadConfig(flags.config, cwd);
  const settings = resolveSettings(flags, config);
  const format = inputFormat(settings.inputFormat);
  const textEncoding = encoding(flags.encoding);
  const maxRejected = parseMaxRejected(flags.maxRejected);
  if ([...files, flags.orders].filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  // Validate the scope and the outputs before reading anything.
  scopeBounds(flags, settings.tz);
  flags.where.forEach(parseWhere);
  const inputs = [...files, flags.orders];
  checkOutputPath('-o', flags.output, inputs);
  checkOutputPath('--rejects', flags.rejects, inputs);
  if (flags.output !== undefined && flags.output !== '-' && flags.output === flags.rejects) {
    throw new UsageError(`-o and --rejects name the same file (${flags.output})`);
  }

  // Only flat event rows have columns to check; a platform export is read by its adapter.
  const flatOnly = format.adapter === undefined || format.adapter.id === 'flat';
  if (flatOnly) for (const file of files) if (file !== '-') await checkColumns(file, format.reader, settings.map);

  const rejectsFile = flags.rejects === undefined ? undefined : await AtomicFile.create(flags.rejects);
  let pending = '';
  let shown = 0;
  const onReject = async (r: Rejection): Promise<void> => {
    if (shown++ < REJECTIONS_SHOWN) warn(io, `${flags.strict ? 'error' : 'warning'}: ${formatRejection(r)}`);
    if (rejectsFile !== undefined) {
      const record = { file: r.file, line: r.line, ...(r.path === undefined ? {} : { path: r.path }), reason: r.reason, ...(r.value === undefined ? {} : { value: r.value }), row: r.row };
      pending += `${JSON.stringify(record)}\n`;
      if (pending.length >= REJECTS_BUFFER) {
        const text = pending;
        pending = '';
        await rejectsFile.write(text);
      }
    }
  };
  // Columns of the CSV headers read, for the --map check.
  const headerColumns: string[][] = [];
  const mapped = Object.entries(settings.map).filter((e): e is [string, string] => e[1] !== undefined);
  const readOptions = (file: string) => ({
    ...(textEncoding === undefined ? {} : { encoding: textEncoding }),
    stdin: io.stdin,
    onFormat: (chosen: InputFormat, sniffed: boolean): void => {
      // Not when a shape is pinned (--input-format intercom …), nor for a .json file read as one JSON
      // document, which is what its name promises.
      const expected = /\.json(\.gz)?$/i.test(file) && chosen === 'json';
      if (sniffed && format.adapter === undefined && !expected) {
        warn(io, `reading ${file === '-' ? 'stdin' : file} as ${chosen.toUpperCase()} (from its first lines; --input-format sets it)`);
      }
    },
    onHeader: (columns: string[]): void => {
      headerColumns.push(columns);
      const keys = new Set(columns.map(fieldKey));
      for (const [field, column] of mapped) {
        if (!keys.has(fieldKey(column))) {
          throw new InputError(`--map ${field}=${column}: ${file === '-' ? 'stdin' : file} has no column "${column}" (its columns: ${columns.join(', ')})`);
        }
      }
    },
  });
  let committed = false;
  try {
    const progress = Progress.create(io);
    const loadedInputs: LoadedInput[] = [];
    const sources = files.map((f) => {
      const rows = readBatches(f, {
        ...readOptions(f),
        ...(format.reader === undefined ? {} : { format: format.reader }),
        ...(progress === undefined ? {} : { onBytes: progress.onBytes }),
      });
      // Large flat files are read on several threads, unless every batch of rows is to be seen here.
      const plan = async (): Promise<RangePlan | undefined> => {
        const planned = await planFile(f, { ...(format.reader === undefined ? {} : { format: format.reader }), ...(textEncoding === undefined ? {} : { encoding: textEncoding }) });
        if (planned !== undefined) progress?.restart(f);
        return planned;
      };
      const ranged = observe === undefined ? { plan, ...(progress === undefined ? {} : { onRows: (rows: number, bytes: number) => progress.rowsRead(f, rows, bytes) }) } : undefined;
      const adapted = adaptedFile(f, progress === undefined ? rows : progress.track(rows, f, () => fileSize(f)), format.adapter, settings, io, loadedInputs, ranged);
      return observe === undefined ? adapted : observed(adapted, observe);
    });
    const ingested = await ingest(
      sources,
      {
        tz: settings.tz,
        csatScale: settings.csatScale,
        map: settings.map,
        mapValues: valueMapOf(settings.mapValues),
        textAnalysis: textAnalysisLoader(settings.detectLanguage, settings.textSentiment),
        ...(settings.splitAfterMs === undefined ? {} : { splitAfterMs: settings.splitAfterMs }),
        ...(keep.questions === true ? { keepQuestions: true } : {}),
      },
      { onReject },
    );
    progress?.computing();
    const data = withInputs(ingested, loadedInputs);
    const loaded: Loaded = {
      data,
      settings,
      inputs: loadedInputs,
      ...(configFile === undefined ? {} : { configFile: displayPath(configFile, cwd) }),
      ...(progress === undefined ? {} : { progress }),
    };
    if (flags.orders !== undefined) {
      loaded.orders = await ingestOrders(
        [readBatches(flags.orders, { ...readOptions(flags.orders), onHeader: () => {} })],
        { tz: settings.tz, baseCurrency: settings.baseCurrency, rates: settings.rates },
        { onReject },
      );
    }
    // Everything was read: the rejected rows are complete, whatever is decided below.
    if (rejectsFile !== undefined) {
      await rejectsFile.write(pending);
      await rejectsFile.commit();
    }
    committed = true;
    // A mapped column that no header had and no row used (JSON Lines have no header).
    if (headerColumns.length === 0 && data.counts.rowsRead > 0) {
      for (const [field, column] of mapped) {
        if (!data.mappedColumns.has(fieldKey(column))) {
          throw new UsageError(`--map ${field}=${column}: no row of ${inputName(files)} has a field "${column}"`);
        }
      }
    }
    const rejected = data.counts.rowsRejected + (loaded.orders?.counts.rowsRejected ?? 0);
    const undecodable = (data.counts.rejectedByReason['invalid UTF-8'] ?? 0) + (loaded.orders?.counts.rejectedByReason['invalid UTF-8'] ?? 0);
    if (undecodable > 0) warn(io, `warning: ${undecodable} rows are not valid UTF-8 (a Latin-1 or Windows export?): --encoding latin1 reads them as Latin-1`);
    if (rejected > REJECTIONS_SHOWN) {
      const where = flags.rejects ? ` (all in ${flags.rejects})` : ' (write them all with --rejects FILE)';
      warn(io, `… ${rejected - REJECTIONS_SHOWN} more rejected rows${where}`);
    }
    if (flags.strict && rejected > 0) throw new UsageError(`${rejected} rows rejected (--strict)`);
    if (data.conversations.length === 0) throw new InputError(unusableInput(files, data.counts, flags.rejects));
    const read = data.counts.rowsRead + (loaded.orders?.counts.rowsRead ?? 0);
    if (maxRejected !== undefined && ('count' in maxRejected ? rejected > maxRejected.count : rejected > maxRejected.share * read)) {
      const see = flags.rejects === undefined ? '; see --rejects FILE' : `; see ${flags.rejects}`;
      throw new InputError(`${rejected} of ${read} rows rejected, more than --max-rejected ${flags.maxRejected} (${reasonsText(data.counts)})${see}`);
    }
    return loaded;
  } finally {
    if (rejectsFile !== undefined && !committed) await rejectsFile.abort();
  }
}

/** `--since` before `--until`, when both are given. */
function checkBounds(flags: DataFlags, bounds: { since?: number; until?: number }): void {
  if (bounds.since !== undefined && bounds.until !== undefined && bounds.since >= bounds.until) {
    throw new UsageError(`--since ${flags.since} is not before --until ${flags.until}: no conversation can start in between`);
  }
}

const whereText = (w: { attribute: string; negate: boolean; value: string | null }): string =>
  `${w.attribute}${w.negate ? '!=' : '='}${w.value ?? ''}`;

/** Values listed in the warning about a `--where` value no conversation has. */
const VALUES_LISTED = 12;

/**
 * The conversations in scope. A `--where` value that no conversation has is a warning listing the
 * values seen (with the nearest); an empty scope is bad input: there is nothing to report on.
 */
export function scopedConversations(loaded: Loaded, scope: Scope, io: Io): Conversation[] {
  const all = loaded.data.conversations;
  for (const { clause, seen } of unmatchedWhere(all, scope.where, scope.tz, scope.calendar)) {
    const values = seen.map((v) => (v === null ? '(missing)' : v));
    const listed = values.slice(0, VALUES_LISTED).join(', ') + (values.length > VALUES_LISTED ? `, … ${values.length - VALUES_LISTED} more` : '');
    const nearest = suggest(clause.value ?? '', seen.filter((v): v is string => v !== null).slice(0, 10_000));
    warn(io, `warning: --where ${whereText(clause)}: no conversation has ${clause.attribute} "${clause.value}"${nearest === undefined ? '' : ` (did you mean ${nearest}? values are case-sensitive)`}; values seen: ${listed}`);
  }
  const scoped = inScope(all, scope);
  if (scoped.length === 0) {
    const parts = [
      ...(scope.since === undefined ? [] : [`--since ${new Date(scope.since).toISOString()}`]),
      ...(scope.until === undefined ? [] : [`--until ${new Date(scope.until).toISOString()}`]),
      ...scope.where.map((w) => `--where ${whereText(w)}`),
    ];
    // Conversations are ordered by start.
    const day = (c: Conversation | undefined): string => (c === undefined ? '?' : new Date(c.start).toISOString().slice(0, 10));
    const span = `starting ${day(all[0])} to ${day(all[all.length - 1])}`;
    throw new InputError(`no conversation in scope: ${all.length} read (${span}), none matches ${parts.join(' ')}`);
  }
  return scoped;
}

/** A path as the user would write it: relative to the working directory when inside it. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** How many rows a peek at a file's head reads. */
const PEEK_ROWS = 1000;

/** The first rows of a file (about PEEK_ROWS) and their column names (the CSV header; the keys of the first JSON objects). */
export async function peekRows(
  file: string,
  format: InputFormat | undefined,
  stdin?: NodeJS.ReadableStream,
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const columns = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readBatches(file, { ...(format === undefined ? {} : { format }), ...(stdin === undefined ? {} : { stdin }) })) {
    for (const row of batch) {
      if (!row.ok) continue;
      rows.push(row.fields);
      for (const key of Object.keys(row.fields)) columns.add(key);
    }
    if (rows.length >= PEEK_ROWS) break;
  }
  return { columns: [...columns], rows };
}

export const peekColumns = async (file: string, format: InputFormat | undefined): Promise<string[]> => (await peekRows(file, format)).columns;

/**
 * Stops before reading a file whose columns lack required fields, naming all of them at once with
 * the file's columns and a `--map` line to paste.
 */
async function checkColumns(file: string, format: InputFormat | undefined, map: Partial<Record<Field, string>>): Promise<void> {
  const { columns, rows } = await peekRows(file, format);
  if (columns.length === 0) return;
  // A platform export (Intercom, Rasa, …) is not flat rows: its adapter derives the fields.
  if (rows.slice(0, 5).some((r) => ADAPTERS.some((a) => a.id !== 'flat' && a.detect(r)))) return;
  const { missing, guesses } = matchColumns(columns, map);
  if (missing.length === 0) return;
  const fields = missing.length === 1 ? 'required field' : 'required fields';
  throw new UsageError(
    [
      `${file}: no column for the ${fields} ${missing.join(', ')}`,
      `its columns: ${columns.join(', ')}`,
      `map them, e.g.: ${mapLine(missing, guesses)}  (or write a config with: botkpi init --from ${file})`,
    ].join('\nbotkpi: '),
  );
}

function bound(name: string, text: string | undefined, tz: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseBound(text, tz);
  if (Number.isNaN(ms)) throw new UsageError(`${name} "${text}": expected a date (2025-01-31) or date-time`);
  return ms;
}

export function scopeBounds(flags: DataFlags, tz: string): { since?: number; until?: number } {
  const since = bound('--since', flags.since, tz);
  const until = bound('--until', flags.until, tz);
  const bounds = { ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) };
  checkBounds(flags, bounds);
  return bounds;
}

/** Report options (scope, breakdown, KPI settings) for loaded data, as the flags say. */
export function reportOptions(loaded: Loaded, flags: DataFlags, by: readonly Dimension[]): ReportOptions {
  const { settings } = loaded;
  return {
    scope: {
      tz: settings.tz,
      where: flags.where.map(parseWhere),
      ...scopeBounds(flags, settings.tz),
      ...(settings.businessHours === undefined ? {} : { calendar: settings.businessHours }),
    },
    ...(flags.since === undefined ? {} : { sinceText: flags.since }),
    ...(flags.until === undefined ? {} : { untilText: flags.until }),
    whereText: flags.where,
    by,
    kpi: {
      fallbackIntents: new Set(settings.fallbackIntents.map((s) => s.trim().toLowerCase())),
      fcrWindowMs: settings.fcrWindowMs,
      csatScale: settings.csatScale,
      csatSatisfiedFrom: settings.csatSatisfiedFrom,
      attributionWindowMs: settings.attributionWindowMs,
      ...(settings.confidenceThreshold === undefined ? {} : { confidenceThreshold: settings.confidenceThreshold }),
      ...(settings.cost === undefined ? {} : { cost: settings.cost }),
      ...(settings.businessHours === undefined ? {} : { businessHours: settings.businessHours }),
      sla: settings.sla,
      tz: settings.tz,
      outcomeSilenceMs: settings.outcomeSilenceMs,
    },
    baseCurrency: settings.baseCurrency,
    version: version(),
    inputs: loaded.inputs.map((i) => i.file),
    ...(loaded.configFile === undefined ? {} : { config: loaded.configFile }),
    ...(flags.orders === undefined ? {} : { orders: flags.orders }),
  };
}

/**
 * Builds the report; an empty scope is bad input; a KPI that fails is named on stderr (with its
 * stack under `--debug`).
 */
export function makeReport(loaded: Loaded, flags: DataFlags, by: readonly Dimension[], io: Io): Report {
  const options = reportOptions(loaded, flags, by);
  scopedConversations(loaded, options.scope, io);
  options.onKpiError = (failure) => warnKpiFailure(io, failure);
  return buildReport(loaded.data, options, loaded.orders);
}

export function warnKpiFailure(io: Io, { kpi, error, group }: KpiFailure & { group?: GroupKey }): void {
  const where = group === undefined ? '' : ` in group ${JSON.stringify(group)}`;
  warn(io, `KPI ${kpi} failed${where}: ${error instanceof Error ? error.message : String(error)}`);
  if (process.argv.includes('--debug') && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
}
