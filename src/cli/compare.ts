import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { compareReports, parseSavedReport, settingDifferences, type Comparison, type ReportLike } from '../compare/index.js';
import { comparePeriods, isoIn, periodsAround, PERIODS, type Interval, type Period } from '../compare/period.js';
import { coverage, periodAt } from '../report/periods.js';
import { renderComparison } from '../compare/render.js';
import { UsageError } from '../errors.js';
import { suggest } from '../suggest.js';
import { buildReport } from '../report/build.js';
import { checkOutputPath } from '../app/files.js';
import { loadRun, reportOptions, scopedConversations } from '../app/run.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { outputWidth, useColor, warn, writeOutput, type Io } from './io.js';
import { resolveFormat } from './report.js';

interface CompareFlags extends DataFlags {
  period?: string;
  includePartial?: boolean;
  format?: string;
  output?: string;
  color?: boolean;
}

export const COMPARE_EXAMPLES = `
Rates are tested with a two-proportion z-test (pooled); a change is significant (*) when the
two-sided p < 0.05. Means, percentiles, counts and amounts are not tested (significant: null).

Examples:
  $ botkpi compare last-month.json this-month.json
  $ botkpi compare logs.jsonl --period week
  $ botkpi compare logs.jsonl --period month --until 2025-03-01 --tz Europe/Berlin --format md
  $ botkpi compare old.json new.json --format csv -o change.csv`;

/** Flags that only make sense when reading transcripts. */
const OUTPUT_FLAGS = new Set(['period', 'format', 'output', 'color', 'includePartial']);

async function readReport(path: string): Promise<ReportLike> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return parseSavedReport(text, path);
}

async function fromReports(files: string[], flags: CompareFlags, io: Io): Promise<Comparison> {
  if (files.length !== 2) {
    throw new UsageError('compare needs two saved JSON reports (old.json new.json), or transcript files with --period week|month');
  }
  const dataFlags = Object.entries(flags).filter(([k, v]) => !OUTPUT_FLAGS.has(k) && v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (dataFlags.length > 0) {
    const names = dataFlags.map(([k, v]) => `--${v === false ? 'no-' : ''}${k.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`);
    throw new UsageError(`${names.join(', ')} ${names.length > 1 ? 'apply' : 'applies'} only with --period (reading transcripts)`);
  }
  checkOutputPath('-o', flags.output, files);
  const [oldFile = '', newFile = ''] = files;
  const [old, neu] = [await readReport(oldFile), await readReport(newFile)];
  const differences = settingDifferences(old, neu);
  if (differences.length > 0) {
    warn(io, `warning: ${basename(oldFile)} and ${basename(newFile)} were made with different settings: ${differences.join('; ')}`);
  }
  return compareReports(basename(oldFile), old, basename(newFile), neu);
}

async function fromTranscripts(files: string[], flags: CompareFlags, period: Period, io: Io): Promise<Comparison> {
  if (flags.since !== undefined) throw new UsageError('--since cannot be used with --period (the periods set the scope; --until sets the anchor)');
  const hooks = commandHooks(io);
  const run = await loadRun({ files, flags, ...hooks });
  const base = reportOptions(run);
  const { tz, until, where, calendar } = run.scope;
  // The anchor is the latest start that passes --where (the hours attribute needs the schedule).
  const starts = scopedConversations(run, { where, tz, ...(calendar === undefined ? {} : { calendar }) }, hooks.warn).map((c) => c.start);
  if (until === undefined && starts.length === 0) throw new UsageError('no conversations to compare (give --until to choose the period)');
  const latestStart = starts.reduce((a, b) => Math.max(a, b), -Infinity);
  const firstStart = starts.reduce((a, b) => Math.min(a, b), Infinity);
  let periods = comparePeriods(period, tz, until === undefined ? { latestStart } : { until });
  // What the data covers: up to --until, else to the end of the day of the latest conversation.
  const covered = coverage({ first: firstStart, last: latestStart }, tz, until === undefined ? {} : { until });
  const whole = periodAt(periods.current.since, period, tz);
  if (flags.includePartial !== true && (periods.current.until < whole.until || whole.until > covered.until)) {
    const partial = periods.current.label;
    periods = periodsAround(periods.current.since - 1, period, tz);
    warn(io, `warning: ${partial} is not complete yet: comparing ${periods.current.label} with ${periods.previous.label} (--include-partial to compare ${partial})`);
  }
  if (starts.length > 0 && firstStart > periods.previous.since && periodAt(firstStart, 'day', tz).since > periods.previous.since) {
    warn(io, `warning: the data starts ${isoIn(firstStart, tz).slice(0, 10)}, so ${periods.previous.label} is only partly covered`);
  }
  const report = (p: Interval): ReportLike => {
    const [sinceText, untilText] = [isoIn(p.since, tz), isoIn(p.until, tz)];
    const options = {
      ...base,
      scope: { ...base.scope, since: p.since, until: p.until },
      sinceText,
      untilText,
      onKpiError: hooks.onKpiError,
    };
    return buildReport(run.data, options, run.orders);
  };
  const cmp = compareReports(periods.previous.label, report(periods.previous), periods.current.label, report(periods.current));
  hooks.progress?.done();
  return cmp;
}

export function compareCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('compare')
    .description('compare two saved JSON reports, or this week/month with the previous one (--period), with significance tests')
    .argument('<files...>', 'old.json new.json (reports saved with --format json), or transcript files with --period')
    .option('--period <period>', 'week or month: the last complete one before --until (exclusive) or in the data, against the one before')
    .option('--include-partial', 'with --period: compare the current, incomplete period too')
    .option('-f, --format <format>', 'table, json, md or csv (default: from -o, else table)')
    .option('-o, --output <file>', 'write the comparison to a file instead of stdout')
    .option('--no-color', 'no colour in the table, even on a terminal');
  addDataOptions(cmd)
    .addHelpText('after', COMPARE_EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<CompareFlags>(self);
      const format = resolveFormat(flags.format, flags.output);
      const period = flags.period?.trim().toLowerCase();
      if (period !== undefined && !(PERIODS as readonly string[]).includes(period)) {
        const near = suggest(period, PERIODS);
        throw new UsageError(`--period "${flags.period}": expected week or month${near === undefined ? '' : ` (did you mean ${near}?)`}`);
      }
      const cmp = period === undefined ? await fromReports(files, flags, io) : await fromTranscripts(files, flags, period as Period, io);
      const toFile = flags.output !== undefined && flags.output !== '-';
      await writeOutput(io, renderComparison(cmp, format, { color: useColor(io, flags.color, toFile), width: outputWidth(io) }), flags.output);
      setCode(0);
    });
  return cmd;
}
