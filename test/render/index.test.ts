import { describe, expect, it } from 'vitest';
import { formatFromPath, render, renderChunks } from '../../src/render/index.js';
import { GROUPS_SHOWN } from '../../src/render/table.js';
import { handReport, reportFromRows } from './helpers.js';

describe('formatFromPath', () => {
  it.each([
    ['out/kpis.json', 'json'],
    ['REPORT.MD', 'md'],
    ['report.markdown', 'md'],
    ['kpis.csv', 'csv'],
    ['kpis.txt', 'table'],
    ['kpis', undefined],
    ['kpis.xlsx', undefined],
    ['dir.csv/kpis', undefined],
  ])('%s → %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });
});

describe('render', () => {
  it('writes the report model as indented JSON with a final newline', () => {
    const report = handReport();
    const out = render(report, 'json', { color: true });
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual(report);
    expect(out).toContain('\n  "schemaVersion": 1,\n');
  });
});

describe('renderChunks', () => {
  it('JSON in pieces, one group at a time, is exactly JSON.stringify of the whole report', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      conversation_id: `c${i}`,
      timestamp: 1736157600 + i * 3600,
      role: i % 3 === 0 ? 'agent' : 'bot',
      channel: ['web', 'app', 'mail'][i % 3],
    }));
    const report = await reportFromRows(rows, ['channel', 'hour']);
    expect(report.groups.length).toBeGreaterThan(10);
    const pieces = [...renderChunks(report, 'json', { color: false })];
    expect(pieces.length).toBe(report.groups.length + 2);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const empty = { ...report, groups: [] };
    expect([...renderChunks(empty, 'json', { color: false })].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  it('CSV in pieces, one line each', async () => {
    const report = await reportFromRows([{ conversation_id: 'c1', timestamp: 1736157600, role: 'bot', channel: 'web' }], ['channel']);
    const pieces = [...renderChunks(report, 'csv', { color: false })];
    expect(pieces.every((p) => p.endsWith('\r\n') && p.indexOf('\r\n') === p.length - 2)).toBe(true);
    expect(pieces.join('')).toBe(render(report, 'csv', { color: false }));
  });

  it('the table shows the first groups and counts the rest', async () => {
    const rows = Array.from({ length: GROUPS_SHOWN + 5 }, (_, i) => ({ conversation_id: `c${i}`, timestamp: 1736157600, role: 'bot', channel: `ch${String(i).padStart(4, '0')}` }));
    const text = render(await reportFromRows(rows, ['channel']), 'table', { color: false });
    expect(text).toContain(`ch${String(GROUPS_SHOWN - 1).padStart(4, '0')}`);
    expect(text).not.toContain(`ch${String(GROUPS_SHOWN).padStart(4, '0')}`);
    expect(text).toContain('… 5 more groups (all of them with --format csv, json or md)');
  });
});
