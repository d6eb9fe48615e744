import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { InputError } from '../read/index.js';
import { version } from '../app/version.js';
import { ClosedPipe, processIo, warn, type Io } from './io.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { conversationsCommand } from './conversations.js';
import { gapsCommand } from './gaps.js';
import { initCommand } from './init.js';
import { inspectCommand } from './inspect.js';
import { kpisCommand } from './kpis.js';
import { schemaCommand } from './schema.js';
import { REPORT_EXAMPLES, reportCommand } from './report.js';

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('botkpi')
    .description('Honest KPIs for AI customer-service bots, computed from raw transcripts.')
    .version(version(), '-v, --version', 'print the version (also -V)')
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run botkpi --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One error style everywhere: `botkpi: …`, as for every other error.
      outputError: (s, write) => write(`botkpi: ${s.replace(/^error: /, '')}`),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 a threshold check failed, 2 bad usage or bad input.
${REPORT_EXAMPLES.trimStart()}
  $ botkpi check logs.jsonl --fail-if "containment_rate<60%" --fail-if "first_response_time.p90>30"
  $ botkpi compare last-week.json this-week.json
  $ botkpi compare logs.jsonl --period week --format md
  $ botkpi gaps logs.jsonl --format md -o gaps.md
  $ botkpi inspect conversations.jsonl`,
    );

  reportCommand(program, io, setCode);
  conversationsCommand(program, io, setCode);
  gapsCommand(program, io, setCode);
  checkCommand(program, io, setCode);
  compareCommand(program, io, setCode);
  inspectCommand(program, io, setCode);
  schemaCommand(program, io, setCode);
  initCommand(program, io, setCode);
  kpisCommand(program, io, setCode);
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    // -V is the version as well as -v (the flag most CLIs use).
    await program.parseAsync(argv.length === 1 && argv[0] === '-V' ? ['--version'] : argv, { from: 'user' });
    return code;
  } catch (err) {
    // The reader of stdout is gone (`| head`): what it wanted it has; nothing is wrong (a check
    // that failed still says so).
    if (err instanceof ClosedPipe) return code;
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
