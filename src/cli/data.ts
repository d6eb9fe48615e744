import type { Command } from 'commander';
import { formatChoices } from '../adapt/index.js';
import type { ReportHooks, RunFlags, RunHooks } from '../app/run.js';
import type { KpiFailure } from '../kpis/runner.js';
import type { GroupKey } from '../report/types.js';
import { warn, type Io } from './io.js';
import { Progress } from './progress.js';
import { collect, parseList, parseMapping, parseNumberIn, parseValueMapping } from './options.js';

/** Flags every command that reads transcripts shares (commander fills in `where`). */
export interface DataFlags extends RunFlags {
  where: string[];
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

/** What a run of a command may touch: the Io's working directory and stdin, `botkpi:` lines on stderr, a progress line on a terminal. */
export interface CommandHooks extends RunHooks, ReportHooks {
  cwd: string;
  warn: (message: string) => void;
  onKpiError: NonNullable<ReportHooks['onKpiError']>;
  progress?: Progress;
}

export function commandHooks(io: Io, extra: Pick<RunHooks, 'observe' | 'keepQuestions'> = {}): CommandHooks {
  const progress = Progress.create(io);
  return {
    cwd: io.cwd,
    stdin: io.stdin,
    warn: (message) => warn(io, message),
    onKpiError: (failure) => warnKpiFailure(io, failure),
    ...(progress === undefined ? {} : { progress }),
    ...extra,
  };
}

export function warnKpiFailure(io: Io, { kpi, error, group }: KpiFailure & { group?: GroupKey }): void {
  const where = group === undefined ? '' : ` in group ${JSON.stringify(group)}`;
  warn(io, `KPI ${kpi} failed${where}: ${error instanceof Error ? error.message : String(error)}`);
  if (process.argv.includes('--debug') && error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
}
