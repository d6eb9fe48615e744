import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { DEFAULT_FALLBACK_INTENTS } from '../schema/fields.js';
import { warn, type Io } from './io.js';
import { schemaText } from './schema.js';
import { peekRows } from '../app/peek.js';
import { matchColumns } from '../schema/columns.js';
import { knownValue } from '../schema/value-map.js';
import type { Field } from '../schema/fields.js';

const SCHEMA_FILE = 'botkpi.config.schema.json';

/** A starter config: every key with a sensible value. Its JSON Schema documents each key in editors. */
export const STARTER_CONFIG: Config = {
  $schema: `./${SCHEMA_FILE}`,
  timezone: 'UTC',
  map: {},
  intents: { fallback: [...DEFAULT_FALLBACK_INTENTS] },
  fcr: { window: '7d' },
  attribution: { window: '72h' },
  csat: { scale: 5, satisfied_from: 4 },
  currency: { base: 'USD', rates: { EUR: 1.08, GBP: 1.27 } },
  cost: { bot_per_conversation: 0.05, bot_per_resolution: 0, agent_hourly_rate: 30, margin: 0.3 },
  sentiment: { detect_language: true },
  business_hours: {
    timezone: 'UTC',
    week: {
      mon: ['09:00-18:00'],
      tue: ['09:00-18:00'],
      wed: ['09:00-18:00'],
      thu: ['09:00-18:00'],
      fri: ['09:00-17:00'],
      sat: [],
      sun: [],
    },
    holidays: ['2025-12-25', '2026-01-01'],
    markets: { JP: { timezone: 'Asia/Tokyo', week: { mon: ['09:00-18:00'], tue: ['09:00-18:00'], wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-18:00'] }, holidays: ['2026-01-01'] } },
  },
  sla: { first_response: '30s', handoff_wait: '5m', resolution: '24h', business_hours: false },
  outcomes: { silence: '24h' },
  thresholds: ['containment_rate<0.6', 'first_response_time.p90>30', 'sla_first_response<0.9'],
};

/**
 * The `map` for an export: every field found under another name, and guesses for missing required
 * fields; and `map_values` for values other exports are known to use (`End-user` → customer).
 */
async function inferMapping(path: string, io: Io): Promise<Pick<Config, 'map' | 'map_values'>> {
  let columns: string[];
  let rows: Record<string, unknown>[];
  try {
    ({ columns, rows } = await peekRows(path, undefined, io.stdin));
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`);
  }
  if (columns.length === 0) throw new UsageError(`${path}: no rows to learn the columns from`);
  const { viaAlias, found, missing, guesses } = matchColumns(columns);
  const map: Partial<Record<Field, string>> = { ...viaAlias, ...guesses };
  const fields = Object.keys(found).length;
  warn(io, `${path}: ${fields} field${fields === 1 ? '' : 's'} recognised among ${columns.length} columns${Object.keys(viaAlias).length > 0 ? ` (mapped: ${Object.entries(viaAlias).map(([f, c]) => `${f} ← ${c}`).join(', ')})` : ''}`);
  for (const [f, c] of Object.entries(guesses)) warn(io, `warning: guessed ${f} ← ${c}; check it in ${CONFIG_FILE}`);
  const unknown = missing.filter((f) => guesses[f] === undefined);
  if (unknown.length > 0) warn(io, `warning: no column found for ${unknown.join(', ')} (columns: ${columns.join(', ')}); add them to "map" in ${CONFIG_FILE}`);
  const mapValues: Partial<Record<Field, Record<string, string>>> = {};
  for (const [field, column] of Object.entries({ ...found, ...guesses }) as [Field, string][]) {
    for (const row of rows) {
      const value = row[column];
      const to = typeof value === 'string' ? knownValue(field, value) : undefined;
      if (to !== undefined && typeof value === 'string') mapValues[field] = { ...mapValues[field], [value.trim()]: to };
    }
  }
  for (const [field, pairs] of Object.entries(mapValues)) {
    warn(io, `${field} values mapped: ${Object.entries(pairs).map(([a, b]) => `${a} → ${b}`).join(', ')}`);
  }
  return Object.keys(mapValues).length > 0 ? { map, map_values: mapValues } : { map };
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

export function initCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  return program
    .command('init')
    .description(`write a starter ${CONFIG_FILE} (and its JSON Schema, which documents every key) in the current directory`)
    .option('--force', 'overwrite an existing config')
    .option('--from <file>', 'an export to learn the column mapping from (its header or first rows)')
    .action(async (opts: { force?: boolean; from?: string }) => {
      const dir = io.cwd;
      const file = join(dir, CONFIG_FILE);
      if (!opts.force && (await exists(file))) throw new UsageError(`${CONFIG_FILE} already exists (use --force to overwrite it)`);
      const config: Config = { ...STARTER_CONFIG };
      if (opts.from !== undefined) Object.assign(config, await inferMapping(opts.from, io));
      await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
      await writeFile(join(dir, SCHEMA_FILE), schemaText('config'));
      warn(io, `wrote ${CONFIG_FILE} and ${SCHEMA_FILE}; edit the cost model and currency rates to match your shop`);
      setCode(0);
    });
}
