import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import type { IntentRow, Rate } from '../../src/report/types.js';
import { handReport, options, reportFromRows } from './helpers.js';

const ESC = '\u001b[';
const rate = (value: number, ci95: [number, number]): Rate => ({ value, numerator: 0, denominator: 10, ci95 });

describe('renderTable', () => {
  it('shows the headline block, data quality and n/a KPIs without any ANSI code when colour is off', () => {
    const out = renderTable(handReport(), { color: false, width: 120 });
    expect(out).not.toContain(ESC);
    expect(out.split('\n')[0]).toBe('botkpi report');
    expect(out).toContain('data quality: rows read 1,204 · used 1,190 · rejected 12 (invalid timestamp 8, unknown role 4) · duplicates 2');
    expect(out).toMatch(/│ Containment +│ 72\.0 % {2}\(69\.1–74\.7\) +│ +720\/1,000 │/);
    expect(out).toContain('mean 1m 12s · p50 850 ms · p90 2h 05m');
    expect(out).toContain('CSAT: n/a — needs field csat');
  });

  it('renders a report built from input rows, with a breakdown', async () => {
    const report = await reportFromRows(
      [
        { conversation_id: 'c1', timestamp: '2025-01-06T10:00:00Z', role: 'customer', channel: 'web', intent: 'evil\u001b[31m' },
        { conversation_id: 'c1', timestamp: '2025-01-06T10:00:02Z', role: 'bot' },
        { conversation_id: 'c2', timestamp: '2025-01-06T10:05:00Z', role: 'customer', channel: 'app', intent: 'billing' },
        { conversation_id: 'c2', timestamp: '2025-01-06T10:05:01Z', role: 'bot' },
        { conversation_id: 'c2', timestamp: '2025-01-06T10:06:00Z', role: 'agent' },
      ],
      ['channel'],
    );
    const out = renderTable(report, { color: false });
    expect(out).not.toContain(ESC); // not even from the intent label: control characters are shown escaped
    expect(out).toContain('evil\\x1b[31m');
    expect(out).toMatch(/│ Containment +│ 50\.0 % {2}\(9\.5–90\.5\) +│ +1\/2 │/);
    expect(out).toMatch(/│ First response time +│ mean 1\.5 s · p50 1\.5 s · p90 1\.9 s +│ +2 │/);
    expect(out).toContain('By channel');
    // Conversations, containment (0 of 1: too few for a percentage), first response p50.
    expect(out).toMatch(/│ app +│ +1 │ +\(0\/1\) │ +1\.0 s │/);
    expect(out).toMatch(/│ total +│ +2 │ +\(1\/2\) │ +1\.5 s │/);
    expect(out).toContain('CSAT: n/a — needs field csat');
  });

  it('shows the top 15 intents and how many more there are', () => {
    const rows: IntentRow[] = Array.from({ length: 20 }, (_, i) => ({
      intent: `intent_${String(i).padStart(2, '0')}`,
      conversations: 20 - i,
      share: 0.05,
      containment_rate: rate(0.5, [0.2, 0.8]),
      csat_score: rate(0.5, [0.2, 0.8]),
      handling_time_mean: 60,
    }));
    const out = renderTable(handReport({ kpis: { intents: { rows } } }), { color: false });
    expect(out).toContain('intent_14');
    expect(out).not.toContain('intent_15');
    expect(out).toContain('… 5 more');
  });

  it('colours only a group rate whose interval excludes the overall value, by the KPI’s direction', () => {
    const report = handReport({
      options: options(['channel']),
      kpis: { containment_rate: rate(0.5, [0.45, 0.55]), escalation_rate: rate(0.5, [0.45, 0.55]) },
      groups: [
        { by: { channel: 'a' }, kpis: { containment_rate: rate(0.9, [0.8, 0.95]), escalation_rate: rate(0.9, [0.8, 0.95]) } },
        { by: { channel: 'b' }, kpis: { containment_rate: rate(0.6, [0.3, 0.8]), escalation_rate: rate(0.6, [0.3, 0.8]) } },
      ],
    });
    const kpis = ['containment_rate', 'escalation_rate'];
    const out = renderTable(report, { color: true, kpis });
    expect(out).toContain(`${ESC}32m90.0 % 80–95${ESC}39m`); // containment above overall: green
    expect(out).toContain(`${ESC}31m90.0 % 80–95${ESC}39m`); // escalation above overall: red
    // intervals containing the overall value: plain
    expect(out).not.toContain(`${ESC}32m60.0 %`);
    expect(out).not.toContain(`${ESC}31m60.0 %`);
    expect(renderTable(report, { color: false, kpis })).not.toContain(ESC);
  });
});
