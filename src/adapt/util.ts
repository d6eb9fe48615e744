/** Small pure helpers the adapters share: reading loosely typed JSON, author lists, HTML bodies. */
import { htmlToText } from './html.js';
import type { AdaptOptions, DerivedRejection, DerivedRow } from './types.js';

export type Doc = Record<string, unknown>;

export const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object at `v`, or undefined. */
export const docAt = (v: unknown): Doc | undefined => (isDoc(v) ? v : undefined);

/** The array at `v`, or undefined. */
export const listAt = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/** An id or label: a non-blank string as it is, a finite number as text; otherwise undefined. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A string that is not blank, as it is; otherwise undefined. */
export const nonBlank = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The first value that is present (not undefined, null or a blank string). */
export function first(...values: unknown[]): unknown {
  for (const v of values) if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return v;
  return undefined;
}

export const row = (path: string, fields: Doc, documentTime = false): DerivedRow =>
  documentTime ? { path, fields, documentTime } : { path, fields };

export const rejection = (path: string, reason: string, value?: unknown): DerivedRejection =>
  value === undefined ? { path, reason } : { path, reason, value };

/**
 * The role the user's lists give an author (any of its ids, names or e-mails, case-insensitive):
 * `input.bots` first, then `input.agents`; undefined when neither lists it.
 */
export function listedRole(options: AdaptOptions, ...names: unknown[]): 'bot' | 'agent' | undefined {
  if (options.bots.length === 0 && options.agents.length === 0) return undefined;
  const keys = names.map(idOf).filter((k): k is string => k !== undefined).map((k) => k.trim().toLowerCase());
  if (keys.length === 0) return undefined;
  const has = (list: readonly string[]): boolean => list.some((n) => keys.includes(n.trim().toLowerCase()));
  if (has(options.bots)) return 'bot';
  if (has(options.agents)) return 'agent';
  return undefined;
}

/** Text of a body that may hold HTML; undefined for an absent or non-string body. */
export function bodyText(v: unknown): string | undefined {
  return typeof v === 'string' ? htmlToText(v) : undefined;
}

/** A timestamp as epoch ms (epoch seconds below 1e11, else ms; ISO strings as Date.parse reads them); NaN when unreadable. */
export function timeMs(v: unknown): number {
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

/** Latest of a list of timestamps (epoch seconds or ms, or ISO strings compared as Date.parse reads them). */
export function latest(values: readonly unknown[]): unknown {
  let best: unknown;
  let bestMs = -Infinity;
  for (const v of values) {
    const ms = timeMs(v);
    if (Number.isFinite(ms) && ms >= bestMs) {
      best = v;
      bestMs = ms;
    }
  }
  return best;
}
