import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from '../../src/render/csv.js';
import type { Rate } from '../../src/report/types.js';
import { handReport, options, reportFromRows } from './helpers.js';

const half: Rate = { value: 0.5, numerator: 1, denominator: 2, ci95: [0.25, 0.75] };
const lines = (csv: string): string[] => {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
};

describe('renderCsv', () => {
  it('writes one header, then overall, group and data-quality rows with plain numbers', () => {
    const report = handReport({
      options: options(['intent']),
      kpis: {
        containment_rate: { value: 0.72, numerator: 720, denominator: 1000, ci95: [0.6914, 0.7469] },
        sentiment_shift: { value: -0.05, count: 12 },
        csat_score: { value: null, reason: 'needs field csat' },
      },
      groups: [
        { by: { intent: '=HYPERLINK("x")' }, kpis: { containment_rate: half } },
        { by: { intent: '-cmd' }, kpis: { containment_rate: half } },
        { by: { intent: null }, kpis: { containment_rate: half } },
      ],
    });
    expect(lines(renderCsv(report))).toEqual([
      'scope,intent,kpi,statistic,value,numerator,denominator,ci_low,ci_high,unit,reason',
      'overall,,containment_rate,value,0.72,720,1000,0.6914,0.7469,ratio,',
      'overall,,sentiment_shift,value,-0.05,,,,,score,',
      'overall,,sentiment_shift,count,12,,,,,count,',
      'overall,,csat_score,value,,,,,,ratio,needs field csat',
      // formula-like group labels are neutralised (and quoted when they hold quotes)
      `group,"'=HYPERLINK(""x"")",containment_rate,value,0.5,1,2,0.25,0.75,ratio,`,
      "group,'-cmd,containment_rate,value,0.5,1,2,0.25,0.75,ratio,",
      'group,,containment_rate,value,0.5,1,2,0.25,0.75,ratio,',
      'overall,,data_quality,rowsRead,1204,,,,,count,',
      'overall,,data_quality,rowsUsed,1190,,,,,count,',
      'overall,,data_quality,rowsRejected,12,,,,,count,',
      'overall,,data_quality,duplicates,2,,,,,count,',
      'overall,,data_quality,rejected.unknown role,4,,,,,count,',
      'overall,,data_quality,rejected.invalid timestamp,8,,,,,count,',
      'overall,,data_quality,conversations,300,,,,,count,',
      'overall,,data_quality,conversationsWithoutMessages,0,,,,,count,',
      'overall,,data_quality,conversationsInScope,300,,,,,count,',
      'overall,,data_quality,languageDetected,0,,,,,count,',
      'overall,,data_quality,sentiment.given,0,,,,,count,',
      'overall,,data_quality,sentiment.computed,0,,,,,count,',
      'overall,,data_quality,sentiment.unscored,0,,,,,count,',
      'overall,,data_quality,episodesSplit,0,,,,,count,',
    ]);
  });

  it('accounts for order rows under the orders prefix', () => {
    const report = handReport({ kpis: {} });
    report.dataQuality.orders = { rowsRead: 5, rowsUsed: 3, rowsRejected: 1, duplicates: 1, rejectedByReason: { 'invalid amount': 1 } };
    expect(lines(renderCsv(report)).slice(-5)).toEqual([
      'overall,data_quality,orders.rowsRead,5,,,,,count,',
      'overall,data_quality,orders.rowsUsed,3,,,,,count,',
      'overall,data_quality,orders.rowsRejected,1,,,,,count,',
      'overall,data_quality,orders.duplicates,1,,,,,count,',
      'overall,data_quality,orders.rejected.invalid amount,1,,,,,count,',
    ]);
  });

  it('quotes a reason holding a comma, quotes and a newline (RFC 4180)', () => {
    const report = handReport({ kpis: { fcr_rate: { value: null, reason: 'error: bad "x", see\nlog' } } });
    expect(renderCsv(report)).toContain('\r\noverall,fcr_rate,value,,,,,,ratio,"error: bad ""x"", see\nlog"\r\n');
  });

  it('neutralises formula-like text but never numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('a-b')).toBe('a-b');
    expect(csvField(-0.05)).toBe('-0.05');
    expect(csvField(null)).toBe('');
  });

  it('renders a report built from input rows', async () => {
    const rows = [
      { conversation_id: 'c1', timestamp: '2025-01-06T10:00:00Z', role: 'customer', channel: 'web', message_id: 'm1' },
      { conversation_id: 'c1', timestamp: '2025-01-06T10:00:02Z', role: 'bot', message_id: 'm2' },
      { conversation_id: 'c1', timestamp: '2025-01-06T10:00:02Z', role: 'bot', message_id: 'm2' }, // duplicate
      { conversation_id: 'c2', timestamp: '2025-01-06T10:05:00Z', role: 'customer', channel: 'app' },
      { conversation_id: 'c2', timestamp: '2025-01-06T10:05:01Z', role: 'bot' },
      { conversation_id: 'c2', timestamp: '2025-01-06T10:06:00Z', role: 'agent' },
      { conversation_id: 'c3', timestamp: 'yesterday', role: 'customer' }, // rejected
    ];
    const out = lines(renderCsv(await reportFromRows(rows, ['channel'])));
    expect(out[0]).toBe('scope,channel,kpi,statistic,value,numerator,denominator,ci_low,ci_high,unit,reason');
    // c1 contained, c2 escalated: 1/2, Wilson interval ≈ [0.095, 0.905]
    expect(out).toContainEqual(expect.stringMatching(/^overall,,containment_rate,value,0\.5,1,2,0\.094\d*,0\.905\d*,ratio,$/));
    // first responses 2 s and 1 s: mean 1.5, R-7 p90 = 1 + 0.9·(2 − 1)
    expect(out).toContain('overall,,first_response_time,mean,1.5,,,,,seconds,');
    expect(out).toContain('overall,,first_response_time,p90,1.9,,,,,seconds,');
    // c2 (app) escalated: 0/1, Wilson upper bound z²/(1 + z²) ≈ 0.7935
    expect(out).toContainEqual(expect.stringMatching(/^group,app,containment_rate,value,0,0,1,0,0\.793\d*,ratio,$/));
    expect(out).toContain('group,web,conversations,value,1,,,,,count,');
    expect(out).toContain('overall,,data_quality,rejected.invalid timestamp,1,,,,,count,');
    expect(out).toContain('overall,,data_quality,duplicates,1,,,,,count,');
  });
});
