import type { Command } from 'commander';
import { evaluateChecks, parseCheck } from '../check/index.js';
import { renderCheckJson, renderCheckTable } from '../check/render.js';
import { UsageError } from '../errors.js';
import { loadRun, readRunConfig, reportFor } from '../app/run.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { useColor, writeOutput, type Io } from './io.js';
import { collect } from './options.js';

interface CheckFlags extends DataFlags {
  failIf: string[];
  allowMissing?: boolean;
  format?: string;
  color?: boolean;
}

export const CHECK_EXAMPLES = `
Expressions: <kpi>[.<path>] <op> <number>[%], op one of < <= > >= == !=; the check FAILS when the
expression holds. The path names a statistic: containment_rate (its value), first_response_time.p90,
automation_rate.full, response_time.bot.p95, handling_time.escalated.mean. 60% = 0.6 (rates only).
Checks come from every --fail-if and the config file's "thresholds".

Exit codes: 0 all checks pass, 1 a check failed, 2 bad expression or bad input.

Examples:
  $ botkpi check logs.jsonl --fail-if "containment_rate<60%" --fail-if "first_response_time.p90>30"
  $ botkpi check logs.jsonl --config botkpi.config.json --since 2025-01-01 --format json
  $ botkpi check logs.jsonl --fail-if "csat_score<0.8" --allow-missing`;

export function checkCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('check')
    .description('exit 1 when a KPI crosses a threshold (for CI): --fail-if "containment_rate<0.6"')
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('--fail-if <expression>', 'fail when this holds, e.g. "containment_rate<0.6" (repeatable)', collect, [])
    .option('--allow-missing', 'skip a check whose value is n/a instead of failing it')
    .option('-f, --format <format>', 'table or json (default table)')
    .option('--no-color', 'no colour in the table, even on a terminal');
  addDataOptions(cmd)
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<CheckFlags>(self);
      const format = flags.format ?? 'table';
      if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}": expected table or json`);
      // Every expression is validated before any data is read.
      const loadedConfig = await readRunConfig(flags, io.cwd);
      const expressions = [...new Set([...flags.failIf, ...(loadedConfig.config.thresholds ?? [])])];
      if (expressions.length === 0) throw new UsageError('no checks: give --fail-if EXPRESSION (repeatable) or "thresholds" in the config file');
      const checks = expressions.map((e) => parseCheck(e));
      const hooks = commandHooks(io);
      const run = await loadRun({ files, flags, loadedConfig, ...hooks });
      const summary = evaluateChecks(checks, reportFor(run, hooks), flags.allowMissing === true);
      const text = format === 'json' ? renderCheckJson(summary) : renderCheckTable(summary, { color: useColor(io, flags.color, false) });
      hooks.progress?.done();
      setCode(summary.passed ? 0 : 1);
      await writeOutput(io, text, undefined);
    });
  return cmd;
}
