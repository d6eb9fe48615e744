import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/stats/wilson.js';
import { fixture, reportJson, subsetDiff, type ReportJson } from './run.js';

/**
 * Expected values worked out by hand: fixtures/hand/NAME.md shows the arithmetic. Sentiment there
 * comes from the given values only, so text scoring is turned off (it is tested on its own below).
 */
const GIVEN_ONLY = '--no-text-sentiment';
const expected = (name: string): ReportJson => JSON.parse(readFileSync(fixture(`hand/${name}.expected.json`), 'utf8'));

/** Every rate-shaped object in a report carries the Wilson interval of its own counts. */
function checkIntervals(node: unknown, path = ''): string[] {
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o.numerator === 'number' && typeof o.denominator === 'number') {
    const want = wilson(o.numerator, o.denominator);
    if (JSON.stringify(want) !== JSON.stringify(o.ci95)) out.push(`${path}: ci95 ${JSON.stringify(o.ci95)} ≠ ${JSON.stringify(want)}`);
  }
  for (const [k, v] of Object.entries(o)) out.push(...checkIntervals(v, `${path}.${k}`));
  return out;
}

describe.each([
  ['basic', 'basic.jsonl'],
  ['basic', 'basic.csv'],
  ['edge', 'edge.jsonl'],
])('botkpi report fixtures/hand/%s (%s)', (name, file) => {
  it('--format json: every KPI and data-quality count as worked out by hand', async () => {
    const { report } = await reportJson([fixture(`hand/${file}`), GIVEN_ONLY]);
    const want = expected(name);
    expect(subsetDiff(want.dataQuality, report.dataQuality, 'dataQuality')).toEqual([]);
    expect(subsetDiff(want.kpis, report.kpis, 'kpis')).toEqual([]);
    expect(checkIntervals(report.kpis)).toEqual([]);
    expect(report.schemaVersion).toBe(1);
    expect(report.groups).toEqual([]);
  });

  it('--by channel: per-group KPIs as worked out by hand', async () => {
    const { report } = await reportJson([fixture(`hand/${file}`), GIVEN_ONLY, '--by', 'channel']);
    const want = expected(name).groups_by_channel;
    expect(report.groups.map((g: ReportJson) => g.by)).toEqual(want.map((g: ReportJson) => g.by));
    expect(subsetDiff(want, report.groups, 'groups')).toEqual([]);
    // Totals of the groups add up to the overall count.
    const total = report.groups.reduce((s: number, g: ReportJson) => s + g.kpis.conversations.value, 0);
    expect(total).toBe(expected(name).kpis.conversations.value);
  });
});

describe('botkpi report fixtures/hand/basic.jsonl basic.csv', () => {
  it('JSONL and CSV of the same rows give the same report', async () => {
    const a = await reportJson([fixture('hand/basic.jsonl'), '--by', 'channel']);
    const b = await reportJson([fixture('hand/basic.csv'), '--by', 'channel']);
    expect(b.report.kpis).toEqual(a.report.kpis);
    expect(b.report.groups).toEqual(a.report.groups);
  });
});

describe('botkpi report: sentiment from text', () => {
  it('scores customer messages that have text but no sentiment, and counts them', async () => {
    const given = await reportJson([fixture('hand/basic.jsonl'), GIVEN_ONLY]);
    const scored = await reportJson([fixture('hand/basic.jsonl')]);
    const dq = scored.report.dataQuality.sentiment;
    expect(dq.given).toBe(given.report.dataQuality.sentiment.given);
    expect(dq.computed + dq.unscored).toBeGreaterThan(0);
    // More conversations are scored once text counts, and every given value still counts.
    expect(scored.report.kpis.sentiment.count).toBeGreaterThan(given.report.kpis.sentiment.count);
    expect(given.report.dataQuality.sentiment.computed).toBe(0);
  });
});
