import { UsageError } from '../errors.js';
import { DEFAULT_FALLBACK_INTENTS, type Field } from '../schema/fields.js';
import { isValidTimeZone } from '../schema/timestamp.js';
import type { Config } from './schema.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration like `7d`, `72h`, `90m`, `30s` or `2w`; a bare number is in `defaultUnit`. NaN when unreadable. */
export function durationMs(value: string | number, defaultUnit: 's' | 'm' | 'h' | 'd' | 'w'): number {
  if (typeof value === 'number') return value >= 0 ? value * (UNIT_MS[defaultUnit] as number) : NaN;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(value);
  if (!m) return NaN;
  return Number(m[1]) * (UNIT_MS[(m[2] || defaultUnit).toLowerCase()] as number);
}

export interface CostModel {
  botPerConversation?: number;
  botPerResolution?: number;
  humanPerConversation?: number;
  agentHourlyRate?: number;
  /** Share of attributed revenue that is profit (default 1). */
  margin: number;
}

/** Every setting a run uses, after flags, config file and defaults are merged (in that order). */
export interface Settings {
  tz: string;
  map: Partial<Record<Field, string>>;
  csatScale: number;
  csatSatisfiedFrom: number;
  fallbackIntents: string[];
  confidenceThreshold?: number;
  fcrWindowMs: number;
  attributionWindowMs: number;
  baseCurrency: string;
  /** Upper-case currency code → units of base currency per unit. */
  rates: Record<string, number>;
  /** Undefined when no cost key is configured. */
  cost?: CostModel;
  detectLanguage: boolean;
  textSentiment: boolean;
  thresholds: string[];
}

/** Values given on the command line; undefined = not given. */
export interface SettingFlags {
  tz?: string;
  map?: Partial<Record<Field, string>>;
  csatScale?: number;
  csatThreshold?: number;
  fallbackIntents?: string[];
  confidenceThreshold?: number;
  fcrWindow?: string;
  attributionWindow?: string;
  detectLanguage?: boolean;
  textSentiment?: boolean;
}

export const DEFAULTS = {
  tz: 'UTC',
  csatScale: 5,
  fcrWindow: '7d',
  attributionWindow: '72h',
  baseCurrency: 'USD',
  margin: 1,
} as const;

function window(name: string, value: string | number, unit: 'd' | 'h'): number {
  const ms = durationMs(value, unit);
  if (Number.isNaN(ms)) throw new UsageError(`${name} "${value}": expected a duration like 7d, 72h or 90m`);
  return ms;
}

export function resolveSettings(flags: SettingFlags, config: Config): Settings {
  const tz = flags.tz ?? config.timezone ?? DEFAULTS.tz;
  if (!isValidTimeZone(tz)) throw new UsageError(`unknown time zone "${tz}" (use an IANA name like Europe/Berlin)`);
  const csatScale = flags.csatScale ?? config.csat?.scale ?? DEFAULTS.csatScale;
  const rates: Record<string, number> = {};
  for (const [code, rate] of Object.entries(config.currency?.rates ?? {})) rates[code.trim().toUpperCase()] = rate;
  const baseCurrency = (config.currency?.base ?? DEFAULTS.baseCurrency).trim().toUpperCase();
  rates[baseCurrency] = 1;
  const c = config.cost;
  const hasCost =
    c !== undefined &&
    [c.bot_per_conversation, c.bot_per_resolution, c.human_per_conversation, c.agent_hourly_rate].some((v) => v !== undefined);
  const settings: Settings = {
    tz,
    map: { ...config.map, ...flags.map },
    csatScale,
    csatSatisfiedFrom: flags.csatThreshold ?? config.csat?.satisfied_from ?? Math.ceil(0.8 * csatScale),
    fallbackIntents: flags.fallbackIntents ?? config.intents?.fallback ?? [...DEFAULT_FALLBACK_INTENTS],
    fcrWindowMs: window('FCR window', flags.fcrWindow ?? config.fcr?.window ?? DEFAULTS.fcrWindow, 'd'),
    attributionWindowMs: window(
      'attribution window',
      flags.attributionWindow ?? config.attribution?.window ?? DEFAULTS.attributionWindow,
      'h',
    ),
    baseCurrency,
    rates,
    detectLanguage: flags.detectLanguage ?? config.sentiment?.detect_language ?? true,
    textSentiment: flags.textSentiment ?? config.sentiment?.from_text ?? true,
    thresholds: config.thresholds ?? [],
  };
  if (settings.csatSatisfiedFrom > csatScale) {
    const source = flags.csatThreshold !== undefined ? '--csat-threshold' : 'csat.satisfied_from';
    throw new UsageError(`${source} ${settings.csatSatisfiedFrom} is above the CSAT scale (${csatScale}): no rating could be satisfied`);
  }
  const threshold = flags.confidenceThreshold ?? config.intents?.confidence_threshold;
  if (threshold !== undefined) settings.confidenceThreshold = threshold;
  if (hasCost) {
    const model: CostModel = { margin: c.margin ?? DEFAULTS.margin };
    if (c.bot_per_conversation !== undefined) model.botPerConversation = c.bot_per_conversation;
    if (c.bot_per_resolution !== undefined) model.botPerResolution = c.bot_per_resolution;
    if (c.human_per_conversation !== undefined) model.humanPerConversation = c.human_per_conversation;
    if (c.agent_hourly_rate !== undefined) model.agentHourlyRate = c.agent_hourly_rate;
    settings.cost = model;
  }
  return settings;
}
