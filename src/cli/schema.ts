import type { Command } from 'commander';
import { z } from 'zod';
import { configSchema } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { gapReportSchema } from '../report/gaps.js';
import { reportSchema } from '../report/types.js';
import { inputRowSchema } from '../schema/row-schema.js';
import { checkOutputPath } from '../app/files.js';
import { writeOutput, type Io } from './io.js';

/** JSON Schemas generated from the zod schemas botkpi validates with. */
export const SCHEMAS = {
  input: () => z.toJSONSchema(inputRowSchema(), { io: 'input', unrepresentable: 'any' }),
  config: () => z.toJSONSchema(configSchema, { io: 'input' }),
  report: () => z.toJSONSchema(reportSchema, { io: 'output' }),
  gaps: () => z.toJSONSchema(gapReportSchema, { io: 'output' }),
} as const;

export function schemaText(name: string): string {
  const make = SCHEMAS[name as keyof typeof SCHEMAS];
  if (make === undefined) throw new UsageError(`unknown schema "${name}" (one of ${Object.keys(SCHEMAS).join(', ')})`);
  return `${JSON.stringify({ title: `botkpi ${name}`, ...make() }, null, 2)}\n`;
}

export function schemaCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  return program
    .command('schema')
    .description('print the JSON Schema of input rows, of the config file, of the JSON report or of the JSON gap report')
    .argument('<name>', 'input, config, report or gaps')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ botkpi schema report > report.schema.json\n  $ botkpi schema input')
    .action(async (name: string, opts: { output?: string }) => {
      checkOutputPath('-o', opts.output, []);
      await writeOutput(io, schemaText(name), opts.output);
      setCode(0);
    });
}
