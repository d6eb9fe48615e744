import type { Dimension } from '../../src/conversations/attributes.js';
import type { RawRow } from '../../src/model.js';
import { buildReport, reportSettings } from '../../src/report/build.js';
import { ingest } from '../../src/report/ingest.js';
import type { Report } from '../../src/report/types.js';
import { DEFAULT_OPTIONS } from '../kpis/helpers.js';

const SETTINGS = reportSettings(DEFAULT_OPTIONS);

async function* rowsOf(fields: readonly Record<string, unknown>[]): AsyncIterable<RawRow> {
  for (const [i, f] of fields.entries()) yield { file: 'mem.jsonl', line: i + 1, ok: true, fields: f };
}

/** A report built the way the CLI builds it, from in-memory input rows (UTC, no scope filters). */
export async function reportFromRows(fields: readonly Record<string, unknown>[], by: Dimension[] = []): Promise<Report> {
  const data = await ingest([rowsOf(fields)], { tz: 'UTC', csatScale: 5 });
  return buildReport(data, {
    scope: { tz: 'UTC', where: [] },
    by,
    kpi: DEFAULT_OPTIONS,
    baseCurrency: 'EUR',
    version: '0.0.0-test',
  });
}

/** The report's options block, with these `--by` dimensions. */
export function options(by: string[] = []): Report['options'] {
  return { tz: 'UTC', baseCurrency: 'EUR', since: null, until: null, by, where: [], config: null, inputs: ['mem.jsonl'], orders: null, settings: SETTINGS };
}

/** A hand-made report: a few KPIs overall, nothing else unless overridden. */
export function handReport(overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'botkpi', version: '0.0.0-test' },
    options: options(),
    period: { first: '2025-01-06T09:00:00Z', last: '2025-01-12T18:00:00Z' },
    dataQuality: {
      rowsRead: 1204,
      rowsUsed: 1190,
      rowsRejected: 12,
      duplicates: 2,
      rejectedByReason: { 'unknown role': 4, 'invalid timestamp': 8 },
      conversations: 300,
      conversationsWithoutMessages: 0,
      conversationsInScope: 300,
      languageDetected: 0,
      sentiment: { given: 0, computed: 0, unscored: 0 },
      dataEnd: '2025-01-12T23:00:00.000Z',
      episodesSplit: 0,
    },
    kpis: {
      containment_rate: { value: 0.72, numerator: 720, denominator: 1000, ci95: [0.6914, 0.7469] },
      first_response_time: { mean: 72, p50: 0.85, p90: 7500, count: 990 },
      sentiment_shift: { value: -0.05, count: 12 },
      csat_score: { value: null, reason: 'needs field csat' },
    },
    groups: [],
    ...overrides,
  };
}
