import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE = 'botkpi.config.json';

/** `config: cost.agent_hourly_rate: expected a number ≥ 0` — one line per zod issue. */
export function formatConfigIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((i) => {
      // business_hours.week.mon[1]
      const path = i.path.map((k, n) => (typeof k === 'number' ? `[${k}]` : `${n === 0 ? '' : '.'}${String(k)}`)).join('');
      const message =
        i.code === 'unrecognized_keys' ? `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}` : i.message;
      return `${file}: ${path === '' ? '' : `${path}: `}${message}`;
    })
    .join('\n');
}

export function parseConfig(text: string, file: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // editors on Windows save a byte-order mark
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(formatConfigIssues(file, parsed.error));
  return parsed.data;
}

/**
 * Loads the config: the file given by --config (which must exist), else botkpi.config.json in the
 * working directory if there is one, else an empty config.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<{ config: Config; file?: string }> {
  const file = explicit ?? join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (explicit === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    throw new UsageError(`cannot read config ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return { config: parseConfig(text, explicit ?? CONFIG_FILE), file };
}
