import { Command, CommanderError } from 'commander';
import { DIMENSIONS } from '../conversations/attributes.js';
import { UsageError } from '../errors.js';
import { InputError } from '../read/index.js';
import { processIo, version, warn, type Io } from './io.js';
import { parseDimension } from './options.js';
import { addDataOptions, runReport, type ReportCommandOptions } from './report.js';

const REPORT_EXAMPLES = `
Examples:
  $ botkpi report logs.jsonl
  $ botkpi report logs.csv --by channel --by week
  $ botkpi report logs.jsonl.gz --format json -o kpis.json
  $ botkpi report logs.csv --format csv > kpis.csv
  $ cat export.tsv | botkpi report - --input-format tsv --tz Europe/Berlin
  $ botkpi report a.jsonl b.jsonl --since 2025-01-01 --until 2025-02-01 --where channel=whatsapp
  $ botkpi report export.csv --map conversation_id=ticket --map text=body --rejects rejects.jsonl`;

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('botkpi')
    .description('Honest KPIs for AI customer-service bots, computed from raw transcripts.')
    .version(version(), '-v, --version')
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run botkpi --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 a threshold check failed, 2 bad usage or bad input.
${REPORT_EXAMPLES}`,
    );

  const report = program
    .command('report')
    .description('compute every KPI from transcript files (JSONL, CSV, TSV, optionally .gz; - for stdin)')
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('-f, --format <format>', 'table, json, md or csv (default: from -o, else table)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--by <dimension>', `break down by ${DIMENSIONS.join('|')} (repeatable: cross product)`, parseDimension, [])
    .option('--no-color', 'no colour in the table, even on a terminal')
    .addHelpText('after', REPORT_EXAMPLES);
  addDataOptions(report).action(async (files: string[], opts: ReportCommandOptions) => {
    setCode(await runReport(files, opts, io));
  });
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      // commander has already printed the message.
      return 2;
    }
    if (err instanceof UsageError || err instanceof InputError) {
      warn(io, err.message);
      if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
      return 2;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    warn(io, `error: ${e.message}`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    else io.stderr.write('(run again with --debug for details)\n');
    return 2;
  }
}
