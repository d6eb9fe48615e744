import { describe, expect, it } from 'vitest';
import { evaluateChecks, parseCheck } from '../../src/check/index.js';
import { KPIS } from '../../src/kpis/registry.js';
import { runKpis, type KpiFailure } from '../../src/kpis/runner.js';
import { rateSchema } from '../../src/kpis/result.js';
import type { AnyKpi } from '../../src/kpis/types.js';
import { readRowsFromString } from '../../src/read/index.js';
import { buildReport } from '../../src/report/build.js';
import { ingest } from '../../src/report/ingest.js';
import { contextOf, conversationsOf, DEFAULT_OPTIONS } from './helpers.js';

/** A KPI that always throws, standing in for a bug in a real one. */
const broken: AnyKpi = {
  id: 'containment_rate',
  title: 'Containment',
  description: 'throws',
  unit: 'ratio',
  direction: 'higher',
  requires: [],
  result: rateSchema,
  init: () => ({}),
  add() {
    throw new Error('boom');
  },
  merge() {},
  finish: () => ({}),
};

const ROWS = [
  { conversation_id: 'a', timestamp: '2025-01-06T10:00:00Z', role: 'customer', channel: 'web' },
  { conversation_id: 'a', timestamp: '2025-01-06T10:00:05Z', role: 'bot', channel: 'web' },
  { conversation_id: 'b', timestamp: '2025-01-06T11:00:00Z', role: 'customer', channel: 'app' },
];

async function reportWith(kpis: readonly AnyKpi[], onKpiError?: (f: KpiFailure) => void) {
  const data = await ingest([readRowsFromString(ROWS.map((r) => JSON.stringify(r)).join('\n'), 'jsonl')], {
    tz: 'UTC',
    csatScale: 5,
  });
  return buildReport(data, {
    scope: { tz: 'UTC', where: [] },
    by: ['channel'],
    kpi: DEFAULT_OPTIONS,
    baseCurrency: 'USD',
    version: 'test',
    kpis,
    ...(onKpiError === undefined ? {} : { onKpiError }),
  });
}

describe('a KPI that throws', () => {
  it('is an error result, not "not applicable", and the other KPIs still run', () => {
    const convs = conversationsOf([{ c: 'a', t: 0, role: 'customer' }, { c: 'a', t: 1, role: 'bot' }]);
    const failures: KpiFailure[] = [];
    const out = runKpis([broken, KPIS.find((k) => k.id === 'escalation_rate') as AnyKpi], convs, contextOf(convs), (f) => failures.push(f));
    expect(out.containment_rate).toEqual({ value: null, error: 'boom', reason: 'error: boom' });
    expect(out.escalation_rate).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(failures.map((f) => f.kpi)).toEqual(['containment_rate']);
    expect((failures[0]?.error as Error).message).toBe('boom');
  });

  it('is counted in data quality, overall and in each group (2 groups + overall = 3)', async () => {
    const seen: KpiFailure[] = [];
    const report = await reportWith([broken], (f) => seen.push(f));
    expect(report.dataQuality.kpiErrors).toBe(3);
    expect(seen).toHaveLength(3);
    const clean = await reportWith(KPIS.filter((k) => k.id === 'escalation_rate'));
    expect(clean.dataQuality.kpiErrors).toBeUndefined();
  });

  it('fails every check on it, even with --allow-missing', async () => {
    const report = await reportWith([broken]);
    for (const allowMissing of [false, true]) {
      const summary = evaluateChecks([parseCheck('containment_rate<0.5')], report, allowMissing);
      expect(summary.passed).toBe(false);
      expect(summary.checks[0]).toMatchObject({ passed: false, value: null, reason: 'error: boom' });
      expect(summary.checks[0]?.skipped).toBeUndefined();
    }
  });
});
