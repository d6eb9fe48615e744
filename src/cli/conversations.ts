import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { createContext } from '../kpis/runner.js';
import { CONVERSATION_COLUMNS, conversationRow } from '../report/conversation-rows.js';
import { csvLine } from '../render/csv.js';
import type { Conversation } from '../model.js';
import type { KpiContext } from '../kpis/types.js';
import { loadRun, scopedConversations } from '../app/run.js';
import { kpiOptions } from '../config/kpi-options.js';
import { addDataOptions, commandHooks, givenOptions, type DataFlags } from './data.js';
import { terminalSafe, toStdout, writeOutput, type Io } from './io.js';

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
  if (format === undefined && !toStdout(output) && !/\.(jsonl|ndjson|csv)$/i.test(output as string)) {
    throw new UsageError(`-o ${output}: cannot tell the format from the file name; use .csv, .jsonl or .ndjson, or give --format csv|jsonl`);
  }
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
      const hooks = commandHooks(io);
      const run = await loadRun({ files, flags, ...hooks });
      const context = createContext(run.data.conversations, kpiOptions(run.settings), run.data.fields, run.orders?.orders, run.data.dataEnd);
      const scoped = scopedConversations(run, run.scope, hooks.warn);
      const chunks = lines(scoped, context, format, run.scope.tz);
      hooks.progress?.done();
      // CSV carries the data's text as it is; a terminal must not run escape sequences from it.
      await writeOutput(io, toStdout(flags.output) && io.stdout.isTTY === true && format === 'csv' ? terminalSafe(chunks) : chunks, flags.output);
      setCode(0);
    });
  return cmd;
}

/** One line per conversation, made as it is written (a million conversations are never one string). */
function* lines(conversations: readonly Conversation[], context: KpiContext, format: 'csv' | 'jsonl', tz: string): Generator<string> {
  if (format === 'csv') yield csvLine(CONVERSATION_COLUMNS);
  for (const c of conversations) {
    const r = conversationRow(c, context, tz);
    yield format === 'jsonl' ? `${JSON.stringify(r)}\n` : csvLine(CONVERSATION_COLUMNS.map((k) => cell(r[k])));
  }
}

const cell = (v: string | number | boolean | null): string | number | null => (typeof v === 'boolean' ? String(v) : v);
