import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { createContext } from '../kpis/runner.js';
import { CONVERSATION_COLUMNS, conversationRow } from '../report/conversation-rows.js';
import { inScope } from '../report/scope.js';
import { csvLine } from '../render/csv.js';
import { addDataOptions, givenOptions, loadData, reportOptions, type DataFlags } from './data.js';
import { writeOutput, type Io } from './io.js';

interface ConversationsFlags extends DataFlags {
  format?: string;
  output?: string;
}

const EXAMPLES = `
Examples:
  $ botkpi conversations logs.jsonl > conversations.csv
  $ botkpi conversations logs.jsonl --where escalated=true --where channel=whatsapp
  $ botkpi conversations logs.jsonl --orders orders.csv --where market=DE --format jsonl -o de.jsonl`;

function chooseFormat(format: string | undefined, output: string | undefined): 'csv' | 'jsonl' {
  const chosen = format ?? (output !== undefined && /\.(jsonl|ndjson)$/i.test(output) ? 'jsonl' : 'csv');
  if (chosen !== 'csv' && chosen !== 'jsonl') throw new UsageError(`--format "${chosen}": expected csv or jsonl`);
  return chosen;
}

export function conversationsCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  const cmd = program
    .command('conversations')
    .description('one row per conversation (the facts behind every KPI), as CSV or JSONL, to drill into a number')
    .argument('<files...>', 'transcript files, read in order; - reads stdin')
    .option('-f, --format <format>', 'csv or jsonl (default: from -o, else csv)')
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addDataOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], _opts: unknown, self: Command) => {
      const flags = givenOptions<ConversationsFlags>(self);
      const format = chooseFormat(flags.format, flags.output);
      const loaded = await loadData(files, flags, io, process.cwd());
      const options = reportOptions(loaded, flags, []);
      const context = createContext(loaded.data.conversations, options.kpi, loaded.data.fields, loaded.orders?.orders, loaded.data.dataEnd);
      const rows = inScope(loaded.data.conversations, options.scope).map((c) => conversationRow(c, context));
      const text =
        format === 'jsonl'
          ? rows.map((r) => `${JSON.stringify(r)}\n`).join('')
          : csvLine(CONVERSATION_COLUMNS) + rows.map((r) => csvLine(CONVERSATION_COLUMNS.map((k) => cell(r[k])))).join('');
      await writeOutput(io, text, flags.output);
      setCode(0);
    });
  return cmd;
}

const cell = (v: string | number | boolean | null): string | number | null => (typeof v === 'boolean' ? String(v) : v);
