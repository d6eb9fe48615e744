import type { Command } from 'commander';
import type { Dimension } from '../conversations/attributes.js';
import { UsageError } from '../errors.js';
import { suggest } from '../suggest.js';
import { formatFromPath, OUTPUT_EXTENSIONS, renderChunks, type OutputFormat } from '../render/index.js';
import { loadRun, reportFor } from '../app/run.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { outputWidth, terminalSafe, toStdout, useColor, writeOutput, type Io } from './io.js';
import { parseDimension, parseKpiColumns } from './options.js';

export interface ReportFlags extends DataFlags {
  by: Dimension[];
  kpis?: string[];
  format?: string;
  output?: string;
  color?: boolean;
}

export const REPORT_EXAMPLES = `
Examples:
  $ botkpi report logs.jsonl
  $ botkpi report logs.csv --by channel --by week
  $ botkpi report logs.jsonl.gz --format json -o kpis.json
  $ botkpi report logs.csv --format csv > kpis.csv
  $ botkpi report logs.jsonl --orders orders.csv --by market
  $ cat export.tsv | botkpi report - --input-format tsv --tz Europe/Berlin
  $ botkpi report a.jsonl b.jsonl --since 2025-01-01 --until 2025-02-01 --where channel=whatsapp
  $ botkpi report export.csv --map conversation_id=ticket --map text=body --rejects rejects.jsonl
  $ botkpi report intercom-conversations.jsonl --input-format intercom`;

export function resolveFormat(format: string | undefined, output: string | undefined): OutputFormat {
  if (format === undefined && !toStdout(output) && formatFromPath(output as string) === undefined) {
    throw new UsageError(`-o ${output}: cannot tell the format from the file name; use ${OUTPUT_EXTENSIONS.join(', ')} or give --format table|json|md|csv`);
  }
  const chosen = format ?? (output === undefined ? undefined : formatFromPath(output)) ?? 'table';
  const formats: OutputFormat[] = ['table', 'json', 'md', 'csv'];
  if (!(formats as string[]).includes(chosen)) {
    const near = suggest(chosen, formats);
    throw new UsageError(`--format "${chosen}": expected table, json, md or csv${near === undefined ? '' : ` (did you mean ${near}?)`}`);
  }
  return chosen as OutputFormat;
}

export function reportCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('report')
    .description('compute every KPI from transcript files: event rows or platform exports (JSONL, CSV, TSV, optionally .gz; - for stdin)')
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('-f, --format <format>', 'table, json, md or csv (default: from -o, else table)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--by <dimension>', 'break down by channel|language|market|intent|hour|weekday|day|week|month|hours (repeatable)', parseDimension, [])
    .option('--kpis <list>', 'columns of the breakdown tables: comma-separated KPI ids, optionally with a statistic (csat_score,first_response_time.p90)', parseKpiColumns)
    .option('--no-color', 'no colour in the table, even on a terminal');
  addDataOptions(cmd)
    .addHelpText('after', REPORT_EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<ReportFlags>(self);
      const format = resolveFormat(flags.format, flags.output);
      const hooks = commandHooks(io);
      const report = reportFor(await loadRun({ files, flags, ...hooks }), { ...hooks, by: flags.by });
      const toFile = !toStdout(flags.output);
      const chunks = renderChunks(report, format, {
        color: useColor(io, flags.color, toFile),
        width: outputWidth(io),
        ...(flags.kpis === undefined ? {} : { kpis: flags.kpis }),
      });
      hooks.progress?.done();
      // CSV and Markdown carry the data's text as it is; a terminal must not run escape sequences from it.
      const safe = !toFile && io.stdout.isTTY === true && (format === 'csv' || format === 'md') ? terminalSafe(chunks) : chunks;
      await writeOutput(io, safe, flags.output);
      setCode(0);
    });
  return cmd;
}
