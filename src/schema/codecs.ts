import { z } from 'zod';
import type { Rating } from '../model.js';
import { EVENT_KINDS } from '../model.js';
import { ROLE_ALIASES } from './fields.js';

/**
 * zod codecs for the input fields: each turns a raw cell (JSON value or CSV string) into its
 * normalised value, or fails with the rejection reason of docs/definitions.md §1 as the issue message.
 * Absent values (undefined, null, '' or blank) never reach a codec.
 */

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number, or a string holding one (`1e309` is not: it overflows); anything else fails with `message`. */
function numberLike(message: string) {
  return z
    .union([z.number(), z.string().trim().regex(NUMERIC).transform(Number)], { error: message })
    .refine((n) => Number.isFinite(n), message);
}

/** An id or label: strings trimmed, numbers written as text. */
export const text = z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]);
export const label = text.transform((s) => s.trim());

const TRUE_WORDS = new Set(['true', '1', 'yes']);
const boolWord = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((s) => TRUE_WORDS.has(s));

/** Booleans: true/false, 1/0, yes/no in any case, JSON booleans and 0/1 numbers. */
export function booleanField(field: string) {
  return z.union(
    [z.boolean(), z.union([z.literal(0), z.literal(1)]).transform((n) => n === 1), boolWord],
    { error: `invalid ${field}` },
  );
}

/** A number within [min, max]. */
export function boundedNumber(field: string, min: number, max: number) {
  const message = `invalid ${field}`;
  return numberLike(message).pipe(z.number().min(min, message).max(max, message));
}

export const role = z
  .string({ error: 'unknown role' })
  .trim()
  .toLowerCase()
  .refine((s) => Object.hasOwn(ROLE_ALIASES, s), 'unknown role')
  .transform((s) => ROLE_ALIASES[s] as NonNullable<(typeof ROLE_ALIASES)[string]>);

export const event = z
  .string({ error: 'unknown event' })
  .trim()
  .toLowerCase()
  .pipe(z.enum(EVENT_KINDS, { error: 'unknown event' }));

/** `cost`: a number ≥ 0. */
export const cost = numberLike('invalid cost').pipe(z.number().min(0, 'negative cost'));

/** Without a prototype: `constructor` or `__proto__` is no thumb. */
const THUMBS: Record<string, boolean> = Object.assign(Object.create(null) as Record<string, boolean>, {
  up: true,
  down: false,
  positive: true,
  negative: false,
  true: true,
  false: false,
});

const csatNumber = numberLike('invalid csat');

/** A satisfaction rating on a 1..scale numeric scale, or a thumb. */
export function csat(scale: number) {
  return z.union([z.number(), z.string(), z.boolean()], { error: 'invalid csat' }).transform((v, ctx): Rating => {
    if (typeof v === 'boolean') return { kind: 'thumb', up: v };
    const parsed = csatNumber.safeParse(v);
    if (parsed.success) {
      const n = parsed.data;
      if (Number.isFinite(n) && n >= 1 && n <= scale) return { kind: 'numeric', value: n };
      ctx.addIssue({ code: 'custom', message: 'csat out of scale' });
      return z.NEVER;
    }
    if (typeof v === 'string') {
      const up = THUMBS[v.trim().toLowerCase()];
      if (up !== undefined) return { kind: 'thumb', up };
    }
    ctx.addIssue({ code: 'custom', message: 'invalid csat' });
    return z.NEVER;
  });
}

/** Language: lower-cased primary subtag (`en-US` → `en`). */
export const language = label.transform((s) => (s.split(/[-_]/)[0] ?? s).toLowerCase());
