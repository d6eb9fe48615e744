import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { inspection, RowObserver, type InspectInput } from '../inspect/index.js';
import { renderInspection } from '../inspect/render.js';
import { planRun, readRun, reportFor } from '../app/run.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { writeOutput, type Io } from './io.js';

interface InspectFlags extends DataFlags {
  format?: string;
  output?: string;
}

const EXAMPLES = `
Examples:
  $ botkpi inspect conversations.jsonl
  $ botkpi inspect tickets.jsonl --format json
  $ botkpi inspect export.csv --map conversation_id=ticket`;

export function inspectCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('inspect')
    .description('what botkpi reads from an export: its shape, documents and rows, fields, n/a KPIs and one conversation')
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('-f, --format <format>', 'table or json (default table)')
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addDataOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<InspectFlags>(self);
      const format = flags.format ?? 'table';
      if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}": expected table or json`);
      const hooks = commandHooks(io);
      const plan = await planRun({ files, flags, ...hooks });
      const { settings } = plan;
      const observer = new RowObserver({ tz: settings.tz, csatScale: settings.csatScale, map: settings.map });
      const run = await readRun(plan, { ...hooks, observe: observer.observe });
      const report = reportFor(run, hooks);
      const inputs: InspectInput[] = run.inputs.map((i) => ({
        file: i.file,
        format: i.adapter.id,
        title: i.adapter.title,
        detected: i.detected,
        documents: i.tally.documents,
        rows: i.tally.rows,
      }));
      const convs = run.data.conversations;
      const span =
        convs.length === 0
          ? null
          : { start: Math.min(...convs.map((c) => c.start)), end: Math.max(...convs.map((c) => c.end)) };
      const result = inspection(report, inputs, observer, span);
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderInspection(result);
      await writeOutput(io, text, flags.output);
      setCode(0);
    });
  return cmd;
}
