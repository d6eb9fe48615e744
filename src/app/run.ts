/**
 * A run, as the CLI and the library entry both make it: config → settings → scope → read → adapt →
 * ingest (and orders) → report. What a run may touch outside itself (the working directory, stdin,
 * where its messages go, a progress line) is given by the caller.
 */
import { isAbsolute, relative } from 'node:path';
import { adaptBatches, adapterById, chooseAdapter, emptyTally, formatChoices, type Adapter, type AdaptTally } from '../adapt/index.js';
import { suggest } from '../check/suggest.js';
import { kpiOptions } from '../config/kpi-options.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { resolveSettings, type SettingFlags, type Settings } from '../config/settings.js';
import type { Dimension } from '../conversations/attributes.js';
import { UsageError } from '../errors.js';
import type { KpiFailure } from '../kpis/runner.js';
import type { Conversation, RawRow } from '../model.js';
import { ENCODINGS, InputError, readBatches, type Encoding, type InputFormat } from '../read/index.js';
import { buildReport, type ReportOptions } from '../report/build.js';
import { planFile, rangedBatch } from '../report/ranged.js';
import type { RangePlan } from '../read/ranges.js';
import { ingest, ingestOrders, type Ingested, type IngestedOrders, type Rejection } from '../report/ingest.js';
import { inScope, parseWhere, unmatchedWhere, type Scope } from '../report/scope.js';
import type { GroupKey, Report, RowCounts } from '../report/types.js';
import { fieldKey } from '../schema/fields.js';
import { parseBound } from '../schema/timestamp.js';
import { valueHint, valueMapOf } from '../schema/value-map.js';
import { textAnalysisLoader } from '../text/index.js';
import { AtomicFile, checkOutputPath } from './files.js';
import { checkColumns } from './peek.js';
import { version } from './version.js';

/** How many rejected rows are spelled out (as warnings) before the rest are summed up. */
const REJECTIONS_SHOWN = 5;

/** What a run is asked to do, named as the CLI's flags (`--orders` is `orders`); all optional. */
export interface RunFlags extends SettingFlags {
  /** A config file; without it, botkpi.config.json in the working directory when there is one. */
  config?: string;
  orders?: string;
  since?: string;
  until?: string;
  /** `field=value` / `field!=value` clauses, all of which a conversation must pass. */
  where?: readonly string[];
  /** A JSONL file to write rejected rows to, with their reason. */
  rejects?: string;
  /** Any rejected row stops the run (a UsageError). */
  strict?: boolean;
  /** `10` or `2%`: more rejected rows stop the run (an InputError). */
  maxRejected?: string;
  encoding?: string;
  /** A file the caller will write the result to: checked before anything is read. */
  output?: string;
}

/** What a run may touch outside itself. */
export interface RunHooks {
  /** Where `botkpi.config.json` is looked for and paths are shown relative to (default: the process's). */
  cwd?: string;
  /** The stream read for the file `-` (default: the process's stdin). */
  stdin?: NodeJS.ReadableStream;
  /** One line for the user: a detected shape or format, a rejected row, a `--where` value no conversation has. Default: dropped. */
  warn?: (message: string) => void;
  /** A progress display of the read. */
  progress?: ReadProgress;
  /** Sees every batch of rows after the adapt stage (for `inspect`). */
  observe?: (batch: readonly RawRow[]) => void;
  /** Keep the text of customer questions that are knowledge gaps (for `gaps`). */
  keepQuestions?: boolean;
}

export interface ReadProgress {
  /** Bytes read so far of the file being read. */
  onBytes(bytes: number): void;
  /** The rows of one file as they pass. */
  track(rows: AsyncIterable<RawRow[]>, file: string): AsyncIterable<RawRow[]>;
  /**
   * A file read again from its start on other threads: the rows counted for it so far (its first
   * batches, looked at to tell its shape) are dropped, and `rowsRead` counts them from there.
   */
  restart?(file: string): void;
  /** Rows and bytes of a file read on other threads, as they are accounted for. */
  rowsRead?(file: string, rows: number, bytes: number): void;
  /** Reading is over. */
  computing(): void;
}

/** A config file read (or none found), to pass to `planRun` when the caller needed it first. */
export interface LoadedConfig {
  config: Config;
  file?: string;
}

export interface RunOptions extends RunHooks {
  /** Transcript files, read in order; `-` is stdin. */
  files: readonly string[];
  flags?: RunFlags;
  /** The config, when the caller has read it already (it is read only once). */
  loadedConfig?: LoadedConfig;
}

/** Everything decided before any input is read: settings, scope, formats, limits. */
export interface RunPlan {
  files: readonly string[];
  flags: RunFlags;
  cwd: string;
  config: Config;
  /** The config file read, as the user would write it (relative to cwd when inside it). */
  configFile?: string;
  settings: Settings;
  /** The scope `--since`, `--until` and `--where` set, in the run's time zone. */
  scope: Scope;
  format: { reader?: InputFormat; adapter?: Adapter };
  encoding?: Encoding;
  maxRejected?: { count: number } | { share: number };
}

/** Per file as given: the adapter that read it and what it derived. */
export interface RunInput {
  file: string;
  adapter: Adapter;
  detected: boolean;
  tally: AdaptTally;
}

/** The data of a run, read and assembled; the report is made from it by `reportFor`. */
export interface Run extends RunPlan {
  data: Ingested;
  orders?: IngestedOrders;
  inputs: RunInput[];
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

function bound(name: string, text: string | undefined, tz: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseBound(text, tz);
  if (Number.isNaN(ms)) throw new UsageError(`${name} "${text}": expected a date (2025-01-31) or date-time`);
  return ms;
}

/** `--since` and `--until` in the zone, the first before the second when both are given. */
function scopeBounds(flags: RunFlags, tz: string): { since?: number; until?: number } {
  const since = bound('--since', flags.since, tz);
  const until = bound('--until', flags.until, tz);
  if (since !== undefined && until !== undefined && since >= until) {
    throw new UsageError(`--since ${flags.since} is not before --until ${flags.until}: no conversation can start in between`);
  }
  return { ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) };
}

/** A path as the user would write it: relative to the working directory when inside it. */
function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Reads the config: the file `--config` names (which must exist), else botkpi.config.json in cwd when there is one. */
export const readRunConfig = (flags: RunFlags, cwd: string = process.cwd()): Promise<LoadedConfig> => loadConfig(flags.config, cwd);

/**
 * Decides the run before reading anything: the config (read unless given), the settings, the
 * formats and limits, the scope; and checks the outputs, so that a mistake is reported before a
 * long read.
 */
export async function planRun(options: RunOptions): Promise<RunPlan> {
  const { files } = options;
  const flags = options.flags ?? {};
  const cwd = options.cwd ?? process.cwd();
  const { config, file: configFile } = options.loadedConfig ?? (await readRunConfig(flags, cwd));
  const settings = resolveSettings(flags, config);
  const format = inputFormat(settings.inputFormat);
  const textEncoding = encoding(flags.encoding);
  const maxRejected = parseMaxRejected(flags.maxRejected);
  if ([...files, flags.orders].filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const bounds = scopeBounds(flags, settings.tz);
  const where = (flags.where ?? []).map(parseWhere);
  const inputs = [...files, flags.orders];
  checkOutputPath('-o', flags.output, inputs);
  checkOutputPath('--rejects', flags.rejects, inputs);
  if (flags.output !== undefined && flags.output !== '-' && flags.output === flags.rejects) {
    throw new UsageError(`-o and --rejects name the same file (${flags.output})`);
  }
  return {
    files,
    flags,
    cwd,
    config,
    ...(configFile === undefined ? {} : { configFile: displayPath(configFile, cwd) }),
    settings,
    scope: {
      tz: settings.tz,
      where,
      ...bounds,
      ...(settings.businessHours === undefined ? {} : { calendar: settings.businessHours }),
    },
    format,
    ...(textEncoding === undefined ? {} : { encoding: textEncoding }),
    ...(maxRejected === undefined ? {} : { maxRejected }),
  };
}

function formatRejection(r: Rejection): string {
  const value = r.value === undefined ? '' : ` ${JSON.stringify(r.value)}`;
  const path = r.path === undefined || r.path === '' ? '' : ` ${r.path}`;
  const hint = valueHint(r.reason, r.value);
  return `${r.file} line ${r.line}${path}: ${r.reason}${value}${hint === undefined ? '' : ` (${hint})`}`;
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
  warn: (message: string) => void,
  inputs: RunInput[],
  /** How the file may be read on several threads (flat rows only); undefined: in one piece. */
  ranged?: { plan: () => Promise<RangePlan | undefined>; onRows?: (rows: number, bytes: number) => void },
): AsyncGenerator<RawRow[]> {
  const chosen = await chooseAdapter(file, batches, pinned);
  const input: RunInput = { file, adapter: chosen.adapter, detected: chosen.detected, tally: emptyTally() };
  inputs.push(input);
  if (chosen.detected && chosen.adapter.id !== 'flat') {
    warn(`reading ${file} as ${chosen.adapter.title} (auto-detected; --input-format ${chosen.adapter.id} to pin it)`);
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
function withInputs(data: Ingested, inputs: readonly RunInput[]): Ingested {
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

const dropped = (): void => {};

/**
 * Reads transcripts and orders as planned; rejections are warnings (the first few) and go to
 * `--rejects`. Stops on `--strict` or `--max-rejected`, and when no conversation is left.
 */
export async function readRun(plan: RunPlan, hooks: RunHooks = {}): Promise<Run> {
  const { files, flags, settings, format } = plan;
  const warn = hooks.warn ?? dropped;
  const { progress } = hooks;
  // Only flat event rows have columns to check; a platform export is read by its adapter.
  const flatOnly = format.adapter === undefined || format.adapter.id === 'flat';
  if (flatOnly) for (const file of files) if (file !== '-') await checkColumns(file, format.reader, settings.map);

  const rejectsFile = flags.rejects === undefined ? undefined : await AtomicFile.create(flags.rejects);
  let pending = '';
  let shown = 0;
  const onReject = async (r: Rejection): Promise<void> => {
    if (shown++ < REJECTIONS_SHOWN) warn(`${flags.strict ? 'error' : 'warning'}: ${formatRejection(r)}`);
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
    ...(plan.encoding === undefined ? {} : { encoding: plan.encoding }),
    ...(hooks.stdin === undefined ? {} : { stdin: hooks.stdin }),
    onFormat: (chosen: InputFormat, sniffed: boolean): void => {
      // Not when a shape is pinned (--input-format intercom …), nor for a .json file read as one JSON
      // document, which is what its name promises.
      const expected = /\.json(\.gz)?$/i.test(file) && chosen === 'json';
      if (sniffed && format.adapter === undefined && !expected) {
        warn(`reading ${file === '-' ? 'stdin' : file} as ${chosen.toUpperCase()} (from its first lines; --input-format sets it)`);
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
    const inputs: RunInput[] = [];
    const sources = files.map((f) => {
      const rows = readBatches(f, {
        ...readOptions(f),
        ...(format.reader === undefined ? {} : { format: format.reader }),
        ...(progress === undefined ? {} : { onBytes: (bytes: number) => progress.onBytes(bytes) }),
      });
      // Large flat files are read on several threads, unless every batch of rows is to be seen here.
      const planRanges = async (): Promise<RangePlan | undefined> => {
        const planned = await planFile(f, { ...(format.reader === undefined ? {} : { format: format.reader }), ...(plan.encoding === undefined ? {} : { encoding: plan.encoding }) });
        if (planned !== undefined) progress?.restart?.(f);
        return planned;
      };
      const onRows = progress?.rowsRead === undefined ? undefined : (n: number, bytes: number): void => progress.rowsRead?.(f, n, bytes);
      const ranged = hooks.observe === undefined ? { plan: planRanges, ...(onRows === undefined ? {} : { onRows }) } : undefined;
      const adapted = adaptedFile(f, progress === undefined ? rows : progress.track(rows, f), format.adapter, settings, warn, inputs, ranged);
      return hooks.observe === undefined ? adapted : observed(adapted, hooks.observe);
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
        ...(hooks.keepQuestions === true ? { keepQuestions: true } : {}),
      },
      { onReject },
    );
    progress?.computing();
    const data = withInputs(ingested, inputs);
    const run: Run = { ...plan, data, inputs };
    if (flags.orders !== undefined) {
      run.orders = await ingestOrders(
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
    const rejected = data.counts.rowsRejected + (run.orders?.counts.rowsRejected ?? 0);
    const undecodable = (data.counts.rejectedByReason['invalid UTF-8'] ?? 0) + (run.orders?.counts.rejectedByReason['invalid UTF-8'] ?? 0);
    if (undecodable > 0) warn(`warning: ${undecodable} rows are not valid UTF-8 (a Latin-1 or Windows export?): --encoding latin1 reads them as Latin-1`);
    if (rejected > REJECTIONS_SHOWN) {
      const where = flags.rejects ? ` (all in ${flags.rejects})` : ' (write them all with --rejects FILE)';
      warn(`… ${rejected - REJECTIONS_SHOWN} more rejected rows${where}`);
    }
    if (flags.strict && rejected > 0) throw new UsageError(`${rejected} rows rejected (--strict)`);
    if (data.conversations.length === 0) throw new InputError(unusableInput(files, data.counts, flags.rejects));
    const read = data.counts.rowsRead + (run.orders?.counts.rowsRead ?? 0);
    const max = plan.maxRejected;
    if (max !== undefined && ('count' in max ? rejected > max.count : rejected > max.share * read)) {
      const see = flags.rejects === undefined ? '; see --rejects FILE' : `; see ${flags.rejects}`;
      throw new InputError(`${rejected} of ${read} rows rejected, more than --max-rejected ${flags.maxRejected} (${reasonsText(data.counts)})${see}`);
    }
    return run;
  } finally {
    if (rejectsFile !== undefined && !committed) await rejectsFile.abort();
  }
}

/** Plans and reads a run: `planRun` then `readRun`. */
export async function loadRun(options: RunOptions): Promise<Run> {
  return readRun(await planRun(options), options);
}

const whereText = (w: { attribute: string; negate: boolean; value: string | null }): string =>
  `${w.attribute}${w.negate ? '!=' : '='}${w.value ?? ''}`;

/** Values listed in the warning about a `--where` value no conversation has. */
const VALUES_LISTED = 12;

/**
 * The conversations in scope. A `--where` value that no conversation has is a warning listing the
 * values seen (with the nearest); an empty scope is bad input: there is nothing to report on.
 */
export function scopedConversations(run: Run, scope: Scope, warn: (message: string) => void = dropped): Conversation[] {
  const all = run.data.conversations;
  for (const { clause, seen } of unmatchedWhere(all, scope.where, scope.tz, scope.calendar)) {
    const values = seen.map((v) => (v === null ? '(missing)' : v));
    const listed = values.slice(0, VALUES_LISTED).join(', ') + (values.length > VALUES_LISTED ? `, … ${values.length - VALUES_LISTED} more` : '');
    const nearest = suggest(clause.value ?? '', seen.filter((v): v is string => v !== null).slice(0, 10_000));
    warn(`warning: --where ${whereText(clause)}: no conversation has ${clause.attribute} "${clause.value}"${nearest === undefined ? '' : ` (did you mean ${nearest}? values are case-sensitive)`}; values seen: ${listed}`);
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

/** Report options (scope, breakdown, KPI settings, provenance) for a run. */
export function reportOptions(run: Run, by: readonly Dimension[] = []): ReportOptions {
  const { settings, flags } = run;
  return {
    scope: run.scope,
    ...(flags.since === undefined ? {} : { sinceText: flags.since }),
    ...(flags.until === undefined ? {} : { untilText: flags.until }),
    whereText: flags.where ?? [],
    by,
    kpi: kpiOptions(settings),
    baseCurrency: settings.baseCurrency,
    version: version(),
    inputs: run.inputs.map((i) => i.file),
    ...(run.configFile === undefined ? {} : { config: run.configFile }),
    ...(flags.orders === undefined ? {} : { orders: flags.orders }),
  };
}

export interface ReportHooks {
  /** `--by` dimensions. */
  by?: readonly Dimension[];
  /** For warnings about `--where` values no conversation has. */
  warn?: (message: string) => void;
  /** A KPI that throws: its result is an error result, and this is told. */
  onKpiError?: (failure: KpiFailure & { group?: GroupKey }) => void;
}

/** The report of a run; an empty scope is bad input (an InputError). */
export function reportFor(run: Run, hooks: ReportHooks = {}): Report {
  const options = reportOptions(run, hooks.by);
  scopedConversations(run, options.scope, hooks.warn);
  if (hooks.onKpiError !== undefined) options.onKpiError = hooks.onKpiError;
  return buildReport(run.data, options, run.orders);
}

/** The report `botkpi report` makes, from files and flags: `loadRun` then `reportFor`. */
export async function runReport(options: RunOptions & ReportHooks): Promise<Report> {
  return reportFor(await loadRun(options), options);
}
