import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { Dimension } from '../conversations/attributes.js';
import { loadConfig } from '../config/load.js';
import { resolveSettings, type SettingFlags, type Settings } from '../config/settings.js';
import { UsageError } from '../errors.js';
import { readBatches, type InputFormat } from '../read/index.js';
import { buildReport, type ReportOptions } from '../report/build.js';
import { ingest, ingestOrders, type Ingested, type IngestedOrders, type Rejection } from '../report/ingest.js';
import { parseWhere } from '../report/scope.js';
import type { KpiFailure } from '../kpis/runner.js';
import type { GroupKey, Report } from '../report/types.js';
import { parseBound } from '../schema/timestamp.js';
import { textAnalysisLoader } from '../text/index.js';
import { version, warn, type Io } from './io.js';
import { fileSize, Progress } from './progress.js';
import { collect, parseList, parseMapping, parseNumberIn } from './options.js';

/** How many rejected rows are spelled out on stderr before the rest are summed up. */
const REJECTIONS_SHOWN = 5;

/** Flags every command that reads transcripts shares. */
export interface DataFlags extends SettingFlags {
  inputFormat?: string;
  config?: string;
  orders?: string;
  since?: string;
  until?: string;
  where: string[];
  rejects?: string;
  strict?: boolean;
}

export interface Loaded {
  data: Ingested;
  orders?: IngestedOrders;
  settings: Settings;
}

export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'settings file (default: ./botkpi.config.json when present)')
    .option('--input-format <format>', 'input format when the extension cannot tell: jsonl, csv or tsv')
    .option('--tz <zone>', 'IANA time zone for ISO times without offset, --since/--until and time buckets (default UTC)')
    .option('--map <field=column>', 'read a field from another column name (repeatable)', parseMapping)
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
    .option('--strict', 'exit 2 when any row is rejected');
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
  return `${r.file} line ${r.line}: ${r.reason}${value}`;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

function inputFormat(text: string | undefined): InputFormat | undefined {
  if (text === undefined) return undefined;
  if (text !== 'jsonl' && text !== 'csv' && text !== 'tsv') {
    throw new UsageError(`--input-format "${text}": expected jsonl, csv or tsv`);
  }
  return text;
}

/** Reads config, transcripts and orders; rejections go to stderr (the first few) and --rejects. */
export async function loadData(files: string[], flags: DataFlags, io: Io, cwd: string): Promise<Loaded> {
  const { config } = await loadConfig(flags.config, cwd);
  const settings = resolveSettings(flags, config);
  const format = inputFormat(flags.inputFormat);
  if ([...files, flags.orders].filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  // Validate the scope before reading anything.
  scopeBounds(flags, settings.tz);
  flags.where.forEach(parseWhere);

  const rejectsFile = flags.rejects === undefined ? undefined : createWriteStream(flags.rejects);
  let shown = 0;
  const onReject = async (r: Rejection): Promise<void> => {
    if (shown++ < REJECTIONS_SHOWN) warn(io, `${flags.strict ? 'error' : 'warning'}: ${formatRejection(r)}`);
    if (rejectsFile !== undefined) {
      const record = { file: r.file, line: r.line, reason: r.reason, ...(r.value === undefined ? {} : { value: r.value }), row: r.row };
      await writeLine(rejectsFile, `${JSON.stringify(record)}\n`);
    }
  };
  try {
    const progress = Progress.create(io);
    const sources = files.map((f) => {
      const rows = readBatches(f, {
        ...(format === undefined ? {} : { format }),
        stdin: io.stdin,
        ...(progress === undefined ? {} : { onBytes: progress.onBytes }),
      });
      return progress === undefined ? rows : progress.track(rows, f, () => fileSize(f));
    });
    const data = await ingest(
      sources,
      {
        tz: settings.tz,
        csatScale: settings.csatScale,
        map: settings.map,
        textAnalysis: textAnalysisLoader(settings.detectLanguage, settings.textSentiment),
        ...(settings.splitAfterMs === undefined ? {} : { splitAfterMs: settings.splitAfterMs }),
      },
      { onReject },
    );
    progress?.done();
    const loaded: Loaded = { data, settings };
    if (flags.orders !== undefined) {
      loaded.orders = await ingestOrders(
        [readBatches(flags.orders, { stdin: io.stdin })],
        { tz: settings.tz, baseCurrency: settings.baseCurrency, rates: settings.rates },
        { onReject },
      );
    }
    const rejected = data.counts.rowsRejected + (loaded.orders?.counts.rowsRejected ?? 0);
    if (rejected > REJECTIONS_SHOWN) {
      const where = flags.rejects ? ` (all in ${flags.rejects})` : ' (write them all with --rejects FILE)';
      warn(io, `… ${rejected - REJECTIONS_SHOWN} more rejected rows${where}`);
    }
    if (flags.strict && rejected > 0) throw new UsageError(`${rejected} rows rejected (--strict)`);
    return loaded;
  } finally {
    if (rejectsFile !== undefined) {
      rejectsFile.end();
      await once(rejectsFile, 'close');
    }
  }
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
  return { ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) };
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
  };
}

/** The report model for loaded data, scoped and broken down as the flags say. */
/** Builds the report; a KPI that fails is named on stderr (with its stack under `--debug`). */
export function makeReport(loaded: Loaded, flags: DataFlags, by: readonly Dimension[], io?: Io): Report {
  const options = reportOptions(loaded, flags, by);
  if (io !== undefined) options.onKpiError = (failure) => warnKpiFailure(io, failure);
  return buildReport(loaded.data, options, loaded.orders);
}

export function warnKpiFailure(io: Io, { kpi, error, group }: KpiFailure & { group?: GroupKey }): void {
  const where = group === undefined ? '' : ` in group ${JSON.stringify(group)}`;
  warn(io, `KPI ${kpi} failed${where}: ${error instanceof Error ? error.message : String(error)}`);
  if (process.argv.includes('--debug') && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
}
