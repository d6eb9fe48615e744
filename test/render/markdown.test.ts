import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import type { IntentRow, Rate } from '../../src/report/types.js';
import { handReport, options, reportFromRows } from './helpers.js';

const rate = (value: number, numerator: number, denominator: number): Rate => ({ value, numerator, denominator, ci95: [0, 1] });
const intentRow = (intent: string | null, conversations: number): IntentRow => ({
  intent,
  conversations,
  share: conversations / 4,
  containment_rate: rate(1, conversations, conversations),
  csat_score: { value: null, numerator: 0, denominator: 0, ci95: null, reason: 'needs field csat' },
  handling_time_mean: 72,
});
/** Cell separators: pipes not escaped by a backslash. */
const separators = (line: string): number => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;

describe('renderMarkdown', () => {
  const md = renderMarkdown(
    handReport({
      kpis: {
        ...handReport().kpis,
        intents: { rows: [intentRow('billing|refund', 2), intentRow('line1\nline2', 1), intentRow(null, 1)] },
      },
    }),
  );
  const lines = md.split('\n');

  it('starts with a title and the data-quality line', () => {
    expect(lines[0]).toBe('# botkpi report');
    expect(md).toContain(
      '**Data quality:** rows read 1,204 · used 1,190 · rejected 12 (invalid timestamp 8, unknown role 4) · duplicates 2 · conversations 300\n',
    );
  });

  it('shows headline KPIs with value, interval and n', () => {
    expect(md).toContain('| KPI | Value | 95 % CI | n |\n| --- | ---: | ---: | ---: |\n');
    expect(lines).toContain('| Containment | 72.0 % | 69.1–74.7 % | 720/1,000 |');
    expect(lines).toContain('| First response time | mean 1m 12s · p50 850 ms · p90 2h 05m |  | 990 |');
    expect(lines).toContain('| Sentiment shift | -0.05 |  | 12 |');
  });

  it('escapes pipes and newlines in cells, so every intents row has the header’s cell count', () => {
    expect(lines).toContain('| billing\\|refund | 2 | 50.0 % | 100.0 % | 1m 12s |');
    expect(lines).toContain('| line1<br>line2 | 1 | 25.0 % | 100.0 % | 1m 12s |');
    expect(lines).toContain('| (none) | 1 | 25.0 % | 100.0 % | 1m 12s |');
    const start = lines.indexOf('## Question types (intents)') + 2;
    const table = lines.slice(start, start + 5);
    expect(table[0]).toBe('| Intent | Conversations | Share | Containment | Handling time (mean) |');
    expect(table.map(separators)).toEqual([6, 6, 6, 6, 6]);
  });

  it('lists KPIs that are not available with their reason', () => {
    expect(md).toContain('## Not available\n\n- **CSAT**: needs field csat\n');
    expect(md).not.toMatch(/^\| CSAT \|/m);
  });

  it('adds a breakdown table when there are groups', () => {
    const withGroups = renderMarkdown(
      handReport({
        options: options(['channel']),
        groups: [{ by: { channel: 'web|app' }, kpis: { containment_rate: rate(0.5, 1, 2), first_response_time: { mean: 3, p50: 2, p90: 4, count: 2 } } }],
      }),
    );
    expect(withGroups).toContain(
      '## By channel\n\n| channel | Containment | First response time p50 |\n| --- | ---: | ---: |\n| web\\|app | (1/2) | 2.0 s |\n' +
        '| **total** | **72.0 % 69–75** | **850 ms** |\n\n(x/n): fewer than 10 behind the rate, too few to judge',
    );
  });

  it('shows money in the base currency, with its parts', () => {
    const out = renderMarkdown(
      handReport({ kpis: { cost_per_conversation: { value: 2.5, bot_cost: 1000, human_cost: 1500, total_cost: 2500, count: 1000 } } }),
    );
    expect(out).toContain('| Cost per conversation | 2.50 EUR |  | 1,000 |\n| Cost per conversation · bot cost | 1,000.00 EUR |  |  |\n');
  });

  it('escapes backslashes before pipes, and raw HTML', () => {
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
    expect(escapeMarkdown('<script>\r\nx')).toBe('&lt;script><br>x');
  });
});

describe('tables of rows', () => {
  it('shows the question types, not the per-intent scores inside intent accuracy, though that KPI comes first', async () => {
    const report = await reportFromRows([
      { conversation_id: 'a', timestamp: '2025-01-06T09:00:00Z', role: 'customer', intent: 'billing', expected_intent: 'billing' },
      { conversation_id: 'a', timestamp: '2025-01-06T09:00:05Z', role: 'bot' },
      { conversation_id: 'b', timestamp: '2025-01-06T10:00:00Z', role: 'customer', intent: 'refund', expected_intent: 'billing' },
    ]);
    expect(report.kpis.intent_accuracy).toMatchObject({ numerator: 1, denominator: 2 });
    const md = renderMarkdown(report);
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## KPIs',
      '## Question types (intents)',
      '## Conversations by weekday and hour (UTC)',
      '## Not available',
    ]);
    expect(md).toContain('| Intent | Conversations | Share | Containment | Handling time (mean) |');
    expect(md).toMatch(/\| billing \| 1 \| 50\.0 % \| 100\.0 % \| 5\.0 s \|/);
  });
});
