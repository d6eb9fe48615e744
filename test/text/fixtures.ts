import { readFileSync } from 'node:fs';

export interface LabelledText {
  readonly text: string;
  readonly language: string;
  readonly polarity?: 'positive' | 'negative';
}

/** Reads fixtures/text/<name>.jsonl: one {"text", "language", "polarity"?} object per line. */
export function readTextFixture(name: string): LabelledText[] {
  const url = new URL(`../../fixtures/text/${name}.jsonl`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null) throw new Error(`${name}:${index + 1}: not an object`);
      const { text, language, polarity } = value as Record<string, unknown>;
      if (typeof text !== 'string' || typeof language !== 'string') {
        throw new Error(`${name}:${index + 1}: text and language must be strings`);
      }
      if (polarity !== undefined && polarity !== 'positive' && polarity !== 'negative') {
        throw new Error(`${name}:${index + 1}: bad polarity`);
      }
      return polarity === undefined ? { text, language } : { text, language, polarity };
    });
}

export function groupByLanguage<T extends { readonly language: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.language) ?? [];
    group.push(row);
    groups.set(row.language, group);
  }
  return groups;
}

/** Share of rows for which `ok` holds. */
export function rate<T>(rows: readonly T[], ok: (row: T) => boolean): number {
  return rows.length === 0 ? 0 : rows.filter(ok).length / rows.length;
}
