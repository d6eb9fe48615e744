import { InvalidArgumentError } from 'commander';
import { findStatisticInfo, kpiCatalogue } from '../check/catalogue.js';
import { suggest } from '../check/suggest.js';
import { DIMENSIONS, type Dimension } from '../conversations/attributes.js';
import { FIELDS, type Field } from '../schema/fields.js';

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseNumberIn(min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${text}"`);
    }
    return n;
  };
}

export function parseDimension(text: string, previous: Dimension[] = []): Dimension[] {
  const d = text.trim().toLowerCase();
  if (!(DIMENSIONS as readonly string[]).includes(d)) {
    const near = suggest(d, DIMENSIONS);
    throw new InvalidArgumentError(`unknown breakdown "${text}" (${near === undefined ? '' : `did you mean ${near}? `}one of ${DIMENSIONS.join(', ')})`);
  }
  return [...previous, d as Dimension];
}

/** `--map field=column`, repeatable. */
export function parseMapping(text: string, previous: Partial<Record<Field, string>> = {}): Partial<Record<Field, string>> {
  const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(text);
  const field = m?.[1]?.toLowerCase();
  if (!m || field === undefined || !(FIELDS as readonly string[]).includes(field)) {
    throw new InvalidArgumentError(`expected field=column with a field among ${FIELDS.join(', ')}, got "${text}"`);
  }
  return { ...previous, [field]: m[2] };
}

/** Comma-separated list, trimmed, empty items dropped. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `--kpis containment_rate,first_response_time.p90`: KPI ids (optionally with a statistic) that `botkpi kpis` lists. */
export function parseKpiColumns(text: string): string[] {
  const catalogue = kpiCatalogue();
  const items = parseList(text);
  if (items.length === 0) throw new InvalidArgumentError('expected a comma-separated list of KPI ids (see botkpi kpis)');
  for (const item of items) {
    const [id = '', ...rest] = item.split('.');
    const info = catalogue.find((k) => k.id === id);
    if (info === undefined) {
      const near = suggest(id, catalogue.map((k) => k.id));
      throw new InvalidArgumentError(`unknown KPI "${id}"${near === undefined ? ' (see botkpi kpis)' : ` (did you mean ${near}?)`}`);
    }
    if (rest.length > 0 && findStatisticInfo(info, rest.join('.')) === undefined) {
      const paths = info.statistics.map((s) => s.path);
      throw new InvalidArgumentError(`${id} has no statistic "${rest.join('.')}" (one of ${paths.join(', ')})`);
    }
  }
  return items;
}

/** `--map-value role:End-user=customer`, repeatable: field → {value → value}. */
export function parseValueMapping(
  text: string,
  previous: Partial<Record<Field, Record<string, string>>> = {},
): Partial<Record<Field, Record<string, string>>> {
  const m = /^\s*([^:=]+?)\s*:(.+?)=(.*)$/.exec(text);
  if (!m) throw new InvalidArgumentError(`expected field:value=replacement, e.g. role:End-user=customer, got "${text}"`);
  const field = (m[1] ?? '').toLowerCase();
  if (!(FIELDS as readonly string[]).includes(field)) {
    const near = suggest(field, FIELDS);
    throw new InvalidArgumentError(`unknown field "${m[1]}"${near === undefined ? ` (one of ${FIELDS.join(', ')})` : ` (did you mean ${near}?)`}`);
  }
  const f = field as Field;
  return { ...previous, [f]: { ...previous[f], [(m[2] ?? '').trim()]: (m[3] ?? '').trim() } };
}
