import { DURATION_HINT, parseDuration } from '../calendar/duration.js';
import { BusinessCalendar, Schedule, WEEKDAY_KEYS, type MinuteInterval, type ScheduleSpec } from '../calendar/schedule.js';
import { UsageError } from '../errors.js';
import { DEFAULT_FALLBACK_INTENTS, type Field } from '../schema/fields.js';
import { isValidTimeZone } from '../schema/timestamp.js';
import { parseInterval, type Config } from './schema.js';
import type { CostModel, SlaTargets } from '../kpis/types.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A duration like `7d`, `72h`, `90m`, `30s` or `2w`; a bare number is in `defaultUnit`. NaN when unreadable. */
export function durationMs(value: string | number, defaultUnit: 's' | 'm' | 'h' | 'd' | 'w'): number {
  if (typeof value === 'number') return value >= 0 ? value * (UNIT_MS[defaultUnit] as number) : NaN;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(value);
  if (!m) return NaN;
  return Number(m[1]) * (UNIT_MS[(m[2] || defaultUnit).toLowerCase()] as number);
}

export type { CostModel, SlaTargets };

export const SLA_TARGETS = ['first_response', 'handoff_wait', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Every setting a run uses, after flags, config file and defaults are merged (in that order). */
export interface Settings {
  tz: string;
  /** `--input-format` or `input.format`; undefined = detect. */
  inputFormat?: string;
  /** Author ids, names or e-mails to read as bots / as human agents (`input.bots`, `input.agents`). */
  bots: string[];
  agents: string[];
  /** Action names that mean a handoff (`input.handoff_actions`); undefined = each adapter's default. */
  handoffActions?: string[];
  map: Partial<Record<Field, string>>;
  /** Field → {value as written → value to use}: config `map_values`, then `--map-value`. */
  mapValues: Partial<Record<Field, Record<string, string>>>;
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
  /** Office hours; undefined without `business_hours` in the config. */
  businessHours?: BusinessCalendar;
  sla: SlaTargets;
  /** `outcomes.silence`: how long after a conversation's end the data must run to call it assumed. */
  outcomeSilenceMs: number;
  /** Episode split duration; undefined = no split. */
  splitAfterMs?: number;
}

/** Values given on the command line; undefined = not given. */
export interface SettingFlags {
  tz?: string;
  inputFormat?: string;
  map?: Partial<Record<Field, string>>;
  mapValue?: Partial<Record<Field, Record<string, string>>>;
  csatScale?: number;
  csatThreshold?: number;
  fallbackIntents?: string[];
  confidenceThreshold?: number;
  fcrWindow?: string;
  attributionWindow?: string;
  detectLanguage?: boolean;
  textSentiment?: boolean;
  /** `--sla target=duration` (repeatable), also `business_hours=true|false`. */
  sla?: string[];
  splitAfter?: string;
}

export const DEFAULTS = {
  tz: 'UTC',
  csatScale: 5,
  fcrWindow: '7d',
  attributionWindow: '72h',
  baseCurrency: 'USD',
  margin: 1,
  outcomeSilence: '24h',
} as const;

type ScheduleConfig = { timezone: string; week?: Partial<Record<string, string[] | undefined>>; holidays?: string[] | undefined };

function scheduleOf(config: ScheduleConfig): Schedule {
  const week: ScheduleSpec['week'] = {};
  for (const day of WEEKDAY_KEYS) {
    // Validated by the config schema.
    week[day] = (config.week?.[day] ?? []).map((text) => parseInterval(text) as MinuteInterval);
  }
  return new Schedule({ timezone: config.timezone, week, holidays: config.holidays ?? [] });
}

/** The default schedule and one per market, from a validated `business_hours` config. */
export function businessCalendar(config: NonNullable<Config['business_hours']>): BusinessCalendar {
  const markets = new Map(Object.entries(config.markets ?? {}).map(([code, m]) => [code, scheduleOf(m)]));
  return new BusinessCalendar(scheduleOf(config), markets);
}

function strictDuration(name: string, text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${name} "${text}": expected ${DURATION_HINT}`);
  return ms;
}

/** Targets from the config, then `--sla target=duration` flags over them. */
function slaTargets(config: Config['sla'], flags: readonly string[], schedule: boolean): SlaTargets {
  const given: Record<string, string | boolean | undefined> = { ...config };
  for (const text of flags) {
    const m = /^\s*([a-z_]+)\s*=\s*(.*?)\s*$/i.exec(text);
    const key = m?.[1]?.toLowerCase();
    if (m === null || key === undefined) throw new UsageError(`--sla "${text}": expected target=duration, e.g. first_response=30s`);
    const value = m[2] as string;
    if (key === 'business_hours') {
      if (!/^(true|false)$/i.test(value)) throw new UsageError(`--sla "${text}": business_hours is true or false`);
      given.business_hours = value.toLowerCase() === 'true';
    } else if ((SLA_TARGETS as readonly string[]).includes(key)) {
      given[key] = value;
    } else {
      throw new UsageError(`--sla "${text}": unknown target "${key}" (one of ${SLA_TARGETS.join(', ')}, business_hours)`);
    }
  }
  const targets: SlaTargets = { businessHours: given.business_hours === true };
  if (targets.businessHours && !schedule) throw new UsageError('sla.business_hours: true needs a business_hours schedule in the config');
  const ms = (key: SlaTarget): number | undefined => {
    const v = given[key];
    return typeof v === 'string' ? strictDuration(`sla.${key}`, v) : undefined;
  };
  const first = ms('first_response');
  const handoff = ms('handoff_wait');
  const resolution = ms('resolution');
  if (first !== undefined) targets.firstResponseMs = first;
  if (handoff !== undefined) targets.handoffWaitMs = handoff;
  if (resolution !== undefined) targets.resolutionMs = resolution;
  return targets;
}

function window(name: string, value: string | number, unit: 'd' | 'h'): number {
  const ms = durationMs(value, unit);
  if (Number.isNaN(ms)) throw new UsageError(`${name} "${value}": expected a duration like 7d, 72h or 90m`);
  return ms;
}

function mergeValueMaps(
  a: Partial<Record<Field, Record<string, string>>>,
  b: Partial<Record<Field, Record<string, string>>>,
): Partial<Record<Field, Record<string, string>>> {
  const out: Partial<Record<Field, Record<string, string>>> = {};
  for (const [field, pairs] of [...Object.entries(a), ...Object.entries(b)] as [Field, Record<string, string> | undefined][]) {
    out[field] = { ...out[field], ...pairs };
  }
  return out;
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
    bots: config.input?.bots ?? [],
    agents: config.input?.agents ?? [],
    ...(config.input?.handoff_actions === undefined ? {} : { handoffActions: config.input.handoff_actions }),
    map: { ...config.map, ...flags.map },
    mapValues: mergeValueMaps(config.map_values ?? {}, flags.mapValue ?? {}),
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
    sla: slaTargets(config.sla, flags.sla ?? [], config.business_hours !== undefined),
    outcomeSilenceMs: strictDuration('outcomes.silence', config.outcomes?.silence ?? DEFAULTS.outcomeSilence),
  };
  if (config.business_hours !== undefined) settings.businessHours = businessCalendar(config.business_hours);
  const split = flags.splitAfter ?? config.episodes?.split_after;
  if (split !== undefined) settings.splitAfterMs = strictDuration(flags.splitAfter === undefined ? 'episodes.split_after' : '--split-after', split);
  if (settings.csatSatisfiedFrom > csatScale) {
    const source = flags.csatThreshold !== undefined ? '--csat-threshold' : 'csat.satisfied_from';
    throw new UsageError(`${source} ${settings.csatSatisfiedFrom} is above the CSAT scale (${csatScale}): no rating could be satisfied`);
  }
  const inputFormat = flags.inputFormat ?? config.input?.format;
  if (inputFormat !== undefined) settings.inputFormat = inputFormat;
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
