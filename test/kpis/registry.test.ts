import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KPIS } from '../../src/kpis/registry.js';
import { absenceReason, runKpis } from '../../src/kpis/runner.js';
import { distributionSchema, metaOf } from '../../src/kpis/result.js';
import type { AnyKpi } from '../../src/kpis/types.js';
import { FIELDS } from '../../src/schema/fields.js';
import { contextOf, conversationsOf } from './helpers.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const KPI_SRC = join(HERE, '../../src/kpis');
const UNITS = ['ratio', 'seconds', 'count', 'score', 'money'];
const DIRECTIONS = ['higher', 'lower', 'neutral'];

function isKpi(v: unknown): v is AnyKpi {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as AnyKpi).id === 'string' &&
    typeof (v as AnyKpi).add === 'function' &&
    typeof (v as AnyKpi).finish === 'function' &&
    Array.isArray((v as AnyKpi).requires)
  );
}

/** Every KPI object exported by a module in src/kpis, with its module file name (no extension). */
async function exportedKpis(): Promise<Map<AnyKpi, string>> {
  const out = new Map<AnyKpi, string>();
  const files = readdirSync(KPI_SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(KPI_SRC, f)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) if (isKpi(v)) out.set(v, basename(f, '.ts'));
  }
  return out;
}

describe('KPI registry', () => {
  it('has unique snake_case ids', () => {
    const ids = KPIS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('gives every KPI a title, a description, a valid unit and direction, and known required fields', () => {
    for (const k of KPIS) {
      expect(k.title.trim(), k.id).not.toBe('');
      expect(k.description.trim(), k.id).not.toBe('');
      expect(UNITS, k.id).toContain(k.unit);
      expect(DIRECTIONS, k.id).toContain(k.direction);
      for (const f of k.requires) expect(FIELDS as readonly string[], k.id).toContain(f);
    }
  });

  it('has a test file in test/kpis named after each KPI module file', async () => {
    const modules = await exportedKpis();
    const testFiles = new Set(readdirSync(HERE).filter((f) => f.endsWith('.test.ts')));
    for (const k of KPIS) {
      const moduleFile = modules.get(k);
      expect(moduleFile, `module exporting ${k.id}`).toBeDefined();
      expect(testFiles, `${k.id}: test/kpis/${moduleFile}.test.ts`).toContain(`${moduleFile}.test.ts`);
      expect(existsSync(join(HERE, `${moduleFile}.test.ts`))).toBe(true);
    }
  });

  it('lists every KPI exported from src/kpis', async () => {
    const registered = new Set(KPIS);
    for (const [k, file] of await exportedKpis()) expect(registered.has(k), `${k.id} from ${file}.ts`).toBe(true);
  });

  describe('requirements', () => {
    const convs = conversationsOf([
      { c: 'a', t: 0, role: 'customer', customerId: 'u1', intent: 'billing' },
      { c: 'a', t: 1, role: 'bot' },
    ]);

    /** What an n/a KPI looks like: a rate keeps its counts at 0 and has no interval, a plain distribution its shape. */
    const na = (kpi: (typeof KPIS)[number], reason: string) =>
      metaOf(kpi.result).shape === 'rate'
        ? { value: null, numerator: 0, denominator: 0, ci95: null, reason }
        : kpi.result === distributionSchema
          ? { mean: null, p50: null, p90: null, count: 0, reason }
          : { value: null, reason };

    for (const kpi of KPIS.filter((k) => k.requires.length > 0)) {
      for (const field of kpi.requires) {
        it(`${kpi.id} is null with "${absenceReason(field)}" when the input lacks ${field}`, () => {
          const ctx = contextOf(convs, {}, FIELDS.filter((f) => f !== field));
          expect(runKpis([kpi], convs, ctx)).toEqual({ [kpi.id]: na(kpi, absenceReason(field)) });
        });
      }
    }

    it('message times taken from the document are "needs per-message timestamps", not a missing field', () => {
      expect(absenceReason('timestamp')).toBe('needs per-message timestamps');
      expect(absenceReason('csat')).toBe('needs field csat');
      const timed = KPIS.filter((k) => k.requires.includes('timestamp')).map((k) => k.id);
      expect(timed.sort()).toEqual([
        'first_response_time',
        'handling_time',
        'handoff_wait_time',
        'peak_concurrency',
        'resolution_time',
        'response_time',
        'sla_first_response',
        'sla_handoff_wait',
        'sla_resolution',
      ]);
    });

    it('KPIs without requirements or other inputs still compute when no field is present', () => {
      const ctx = contextOf(convs, {}, []);
      const results = runKpis(KPIS, convs, ctx);
      for (const k of KPIS) {
        const r = results[k.id] as { reason?: string };
        const first = k.requires[0];
        const other = k.applicable?.(ctx);
        if (first !== undefined) expect(r, k.id).toEqual(na(k, absenceReason(first)));
        else if (other !== undefined) expect(r, k.id).toEqual(na(k, other));
        else expect(r.reason ?? '', k.id).not.toMatch(/^needs|^error/);
      }
    });
  });
});
