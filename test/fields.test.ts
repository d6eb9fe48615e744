import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS as GENERATED } from '../scripts/generate.js';
import { FIELDS } from '../src/schema/fields.js';

/**
 * One field table: src/schema/fields.ts is the canonical list; the synthetic generator writes the
 * same fields in the same order (its JSON keys and CSV columns), and the DuckDB reference reads only
 * canonical names.
 */
describe('the field table', () => {
  it("scripts/generate.js FIELDS is src/schema/fields.ts's, in order", () => {
    expect([...GENERATED]).toEqual([...FIELDS]);
  });

  it('bench/duckdb-kpis.mjs reads canonical fields only', () => {
    // The benchmark script installs DuckDB when imported, so its column list is read from its text.
    const text = readFileSync(new URL('../bench/duckdb-kpis.mjs', import.meta.url), 'utf8');
    const list = /^const COLS = \[([^\]]*)\];$/m.exec(text)?.[1];
    expect(list).toBeDefined();
    const columns = [...(list ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(columns.length).toBeGreaterThan(0);
    expect(FIELDS).toEqual(expect.arrayContaining(columns));
  });
});
