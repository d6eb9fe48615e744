import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import type { Dimension } from '../conversations/attributes.js';
import { UsageError } from '../errors.js';
import { DEFAULT_FALLBACK_INTENTS, type Field } from '../schema/fields.js';
import { parseBound } from '../schema/timestamp.js';
import { readRows, type InputFormat } from '../read/index.js';
import { buildReport } from '../report/build.js';
import { ingest, type Ingested, type Rejection } from '../report/ingest.js';
import { parseWhere } from '../report/scope.js';
import type { Report } from '../report/types.js';
import { formatFromPath, render, type OutputFormat } from '../render/index.js';
import { useColor, version, warn, writeOutput, type Io } from './io.js';
import {
  collect,
  parseDuration,
  parseList,
  parseMapping,
  parseNumberIn,
  parseTimeZone,
} from './options.js';

/** How many rejected rows are spelled out on stderr before the rest are summed up. */
const REJECTIONS_SHOWN = 5;

export interface DataOptions {
  inputFormat?: InputFormat;
  tz: string;
  map?: Partial<Record<Field, string>>;
  csatScale: number;
  csatThreshold?: number;
  fallbackIntents?: string[];
  confidenceThreshold?: number;
  fcrWindow: number;
  since?: string;
  until?: string;
  where: string[];
  rejects?: string;
  strict?: boolean;
}

export interface ReportCommandOptions extends DataOptions {
  by: Dimension[];
  format?: string;
  output?: string;
  color?: boolean;
}

/** Options every command that reads transcripts shares. */
export function addDataOptions(cmd: Command): Command {
  return cmd
    .option('--input-format <format>', 'input format when the extension cannot tell: jsonl, csv or tsv')
    .option('--tz <zone>', 'IANA time zone for ISO times without offset, --since/--until and time buckets', parseTimeZone, 'UTC')
    .option('--map <field=column>', 'read a field from another column name (repeatable)', parseMapping)
    .option('--since <date>', 'only conversations starting at or after this date/time (in --tz)')
    .option('--until <date>', 'only conversations starting before this date/time (in --tz)')
    .option('--where <field=value>', 'only conversations matching (repeatable; field!=value excludes)', collect, [])
    .option('--csat-scale <n>', 'numeric CSAT scale S: ratings lie in 1..S', parseNumberIn(1, 1000), 5)
    .option('--csat-threshold <n>', 'a numeric rating ≥ n is satisfied (default ceil(0.8·S))', parseNumberIn(0, 1000))
    .option('--fallback-intents <list>', 'comma-separated intents that mean "not recognised"', parseList)
    .option('--confidence-threshold <x>', 'minimum intent_confidence for a recognised intent', parseNumberIn(0, 1))
    .option('--fcr-window <duration>', 'FCR follow-up window (e.g. 7d, 72h; a number is days)', (t) => parseDuration(t, 'd'), 7 * 86_400_000)
    .option('--rejects <file>', 'write rejected rows with their reason to this JSONL file')
    .option('--strict', 'exit 2 when any row is rejected');
}

function formatRejection(r: Rejection): string {
  const value = r.value === undefined ? '' : ` ${JSON.stringify(r.value)}`;
  return `${r.file} line ${r.line}: ${r.reason}${value}`;
}

async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/** Reads, normalises and assembles the inputs, reporting rejections on stderr (and --rejects). */
export async function loadData(files: string[], opts: DataOptions, io: Io): Promise<Ingested> {
  const validFormats = ['jsonl', 'csv', 'tsv'];
  if (opts.inputFormat !== undefined && !validFormats.includes(opts.inputFormat)) {
    throw new UsageError(`--input-format "${opts.inputFormat}": expected jsonl, csv or tsv`);
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const rejectsFile = opts.rejects === undefined ? undefined : createWriteStream(opts.rejects);
  let shown = 0;
  try {
    const sources = files.map((f) => readRows(f, { format: opts.inputFormat, stdin: io.stdin }));
    const data = await ingest(
      sources,
      { tz: opts.tz, csatScale: opts.csatScale, map: opts.map ?? {} },
      {
        onReject: async (r) => {
          if (shown < REJECTIONS_SHOWN) warn(io, `${opts.strict ? 'error' : 'warning'}: ${formatRejection(r)}`);
          shown++;
          if (rejectsFile !== undefined) {
            const record = { file: r.file, line: r.line, reason: r.reason, ...(r.value === undefined ? {} : { value: r.value }), row: r.row };
            await writeLine(rejectsFile, `${JSON.stringify(record)}\n`);
          }
        },
      },
    );
    const rejected = data.counts.rowsRejected;
    if (rejected > REJECTIONS_SHOWN) {
      warn(io, `… ${rejected - REJECTIONS_SHOWN} more rejected rows${opts.rejects ? ` (all in ${opts.rejects})` : ' (write them all with --rejects FILE)'}`);
    }
    return data;
  } finally {
    if (rejectsFile !== undefined) {
      rejectsFile.end();
      await once(rejectsFile, 'close');
    }
  }
}

function parseBoundOption(name: string, text: string | undefined, tz: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseBound(text, tz);
  if (Number.isNaN(ms)) throw new UsageError(`${name} "${text}": expected a date (2025-01-31) or date-time`);
  return ms;
}

/** Turns report options into the library's report model. */
export function makeReport(data: Ingested, opts: DataOptions & { by: Dimension[] }): Report {
  const since = parseBoundOption('--since', opts.since, opts.tz);
  const until = parseBoundOption('--until', opts.until, opts.tz);
  const fallback = opts.fallbackIntents ?? [...DEFAULT_FALLBACK_INTENTS];
  const kpi = {
    fallbackIntents: new Set(fallback.map((s) => s.toLowerCase())),
    fcrWindowMs: opts.fcrWindow,
    csatScale: opts.csatScale,
    csatSatisfiedFrom: opts.csatThreshold ?? Math.ceil(0.8 * opts.csatScale),
    ...(opts.confidenceThreshold === undefined ? {} : { confidenceThreshold: opts.confidenceThreshold }),
  };
  return buildReport(data, {
    scope: {
      tz: opts.tz,
      where: opts.where.map(parseWhere),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
    },
    ...(opts.since === undefined ? {} : { sinceText: opts.since }),
    ...(opts.until === undefined ? {} : { untilText: opts.until }),
    whereText: opts.where,
    by: opts.by,
    kpi,
    version: version(),
  });
}

export function resolveFormat(format: string | undefined, output: string | undefined): OutputFormat {
  const chosen = format ?? (output === undefined ? undefined : formatFromPath(output)) ?? 'table';
  const formats: OutputFormat[] = ['table', 'json', 'md', 'csv'];
  if (!(formats as string[]).includes(chosen)) throw new UsageError(`--format "${chosen}": expected table, json, md or csv`);
  return chosen as OutputFormat;
}

export async function runReport(files: string[], opts: ReportCommandOptions, io: Io): Promise<number> {
  const format = resolveFormat(opts.format, opts.output);
  // Validate the scope before reading anything.
  parseBoundOption('--since', opts.since, opts.tz);
  parseBoundOption('--until', opts.until, opts.tz);
  opts.where.forEach(parseWhere);
  const data = await loadData(files, opts, io);
  if (opts.strict && data.counts.rowsRejected > 0) {
    warn(io, `error: ${data.counts.rowsRejected} rows rejected (--strict)`);
    return 2;
  }
  const report = makeReport(data, opts);
  const toFile = opts.output !== undefined && opts.output !== '-';
  await writeOutput(io, render(report, format, { color: useColor(io, opts.color, toFile) }), opts.output);
  return 0;
}
