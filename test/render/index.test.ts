import { describe, expect, it } from 'vitest';
import { formatFromPath, render } from '../../src/render/index.js';
import { handReport } from './helpers.js';

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
