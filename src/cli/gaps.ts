import type { Command } from 'commander';
import { gapGroups, type GapReport } from '../report/gaps.js';
import { inScope } from '../report/scope.js';
import { GAPS_SHOWN, renderGaps } from '../render/gaps.js';
import { loadRun } from '../app/run.js';
import { version } from '../app/version.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { useColor, writeOutput, type Io } from './io.js';
import { parseNumberIn } from './options.js';
import { resolveFormat } from './report.js';

interface GapsFlags extends DataFlags {
  format?: string;
  output?: string;
  top?: number;
  color?: boolean;
}

const EXAMPLES = `
Examples:
  $ botkpi gaps logs.jsonl
  $ botkpi gaps logs.jsonl --since 2025-01-01 --where market=DE --format md -o gaps.md
  $ botkpi gaps logs.csv --format csv --top 100 > gaps.csv`;

export function gapsCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('gaps')
    .description(
      'the knowledge-gap report: customer questions answered by a fallback, handed to a human before any real answer, or left without reply, grouped and ranked',
    )
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('-f, --format <format>', 'table, json, md or csv (default: from -o, else table)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--top <n>', `keep the n highest-ranked groups (default: all; the table shows ${GAPS_SHOWN})`, parseNumberIn(1, Number.MAX_SAFE_INTEGER))
    .option('--no-color', 'no colour in the table, even on a terminal');
  addDataOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<GapsFlags>(self);
      const format = resolveFormat(flags.format, flags.output);
      const hooks = commandHooks(io, { keepQuestions: true });
      const run = await loadRun({ files, flags, ...hooks });
      const scoped = inScope(run.data.conversations, run.scope);
      const top = flags.top === undefined ? undefined : Math.floor(flags.top);
      const report: GapReport = {
        schemaVersion: 1,
        tool: { name: 'botkpi', version: version() },
        options: { tz: run.scope.tz, since: flags.since ?? null, until: flags.until ?? null, where: [...flags.where] },
        dataQuality: { ...run.data.counts, conversations: run.data.conversations.length, conversationsInScope: scoped.length },
        ...gapGroups(scoped, top === undefined ? {} : { top }),
      };
      const toFile = flags.output !== undefined && flags.output !== '-';
      const text = renderGaps(report, format, { color: useColor(io, flags.color, toFile), limit: top ?? GAPS_SHOWN });
      await writeOutput(io, text, flags.output);
      setCode(0);
    });
  return cmd;
}
