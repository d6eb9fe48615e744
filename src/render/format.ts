/**
 * Small, deterministic formatters shared by the table and Markdown renderers (never locale- or
 * environment-dependent). Every formatter returns `n/a` for null and non-finite input.
 */
import type { KpiUnit } from '../kpis/types.js';

export const NA = 'n/a';

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Drops the sign of a value that rounds to zero ("-0.0" → "0.0"). */
const unsignedZero = (s: string): string => (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s);

/** Integer with comma thousands separators: 1204 → `1,204` (rounded to the nearest integer). */
export function formatInt(n: number | null | undefined): string {
  if (!isNumber(n)) return NA;
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/** A fraction as a percentage: 0.72 → `72.0 %`. */
export function formatPercent(fraction: number | null | undefined, decimals = 1): string {
  if (!isNumber(fraction)) return NA;
  return `${unsignedZero((fraction * 100).toFixed(decimals))} %`;
}

/** A 95 % interval of fractions as percentages without the sign: [0.6914, 0.7469] → `69.1–74.7`. */
export function formatInterval(ci: readonly [number, number] | null | undefined, decimals = 1): string {
  if (ci === null || ci === undefined || !isNumber(ci[0]) || !isNumber(ci[1])) return '';
  const pct = (x: number): string => unsignedZero((x * 100).toFixed(decimals));
  return `${pct(ci[0])}–${pct(ci[1])}`;
}

/** A plain number with a fixed number of decimals: -0.0512 → `-0.05`. */
export function formatDecimal(x: number | null | undefined, decimals = 2): string {
  if (!isNumber(x)) return NA;
  return unsignedZero(x.toFixed(decimals));
}

/** An amount of money (no currency symbol: the report is in the base currency): `1,234.50`. */
export function formatMoney(x: number | null | undefined): string {
  if (!isNumber(x)) return NA;
  const fixed = Math.abs(x).toFixed(2);
  const [whole = '0', cents = '00'] = fixed.split('.');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${formatInt(Number(whole))}.${cents}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * A duration given in seconds, in human units:
 * under 1 s `850 ms`; under 10 s `1.8 s`; under 1 min `42 s`; under 1 h `1m 12s`;
 * under 1 day `2h 05m`; else `3d 04h`. Each unit is rounded before the next is chosen, so 59.6 s is `1m 00s`.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNumber(seconds)) return NA;
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  const ms = Math.round(seconds * 1000);
  if (ms < 1000) return `${ms} ms`;
  const tenths = Math.round(seconds * 10);
  if (tenths < 100) return `${(tenths / 10).toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad2(s % 60)}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}h ${pad2(minutes % 60)}m`;
  const hours = Math.round(seconds / 3600);
  return `${Math.floor(hours / 24)}d ${pad2(hours % 24)}h`;
}

/** A single number in the way its unit reads best. */
export function formatByUnit(unit: KpiUnit, x: number | null | undefined): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(x);
    case 'seconds':
      return formatDuration(x);
    case 'count':
      return formatInt(x);
    case 'money':
      return formatMoney(x);
    case 'score':
      return formatDecimal(x);
  }
}

/** `720/1,000`. */
export function formatFraction(numerator: number, denominator: number): string {
  return `${formatInt(numerator)}/${formatInt(denominator)}`;
}

/** `botEngaged` → `bot engaged`, `macro_f1` → `macro f1`. */
export function humanizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word stands alone on
 * its line). The first line keeps the text's leading spaces; later lines start with `indent`.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (const word of text.slice(lead.length).split(/ +/)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
