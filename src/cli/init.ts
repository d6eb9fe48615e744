import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { DEFAULT_FALLBACK_INTENTS } from '../schema/fields.js';
import { warn, type Io } from './io.js';
import { schemaText } from './schema.js';

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
    .action(async (opts: { force?: boolean }) => {
      const dir = process.cwd();
      const file = join(dir, CONFIG_FILE);
      if (!opts.force && (await exists(file))) throw new UsageError(`${CONFIG_FILE} already exists (use --force to overwrite it)`);
      await writeFile(file, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`);
      await writeFile(join(dir, SCHEMA_FILE), schemaText('config'));
      warn(io, `wrote ${CONFIG_FILE} and ${SCHEMA_FILE}; edit the cost model and currency rates to match your shop`);
      setCode(0);
    });
}
