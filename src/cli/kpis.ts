import type { Command } from 'commander';
import { kpiCatalogue, type KpiInfo } from '../check/catalogue.js';
import { UsageError } from '../errors.js';
import { wrapText } from '../render/format.js';
import { outputWidth, writeOutput, type Io } from './io.js';

const DIRECTION: Record<KpiInfo['direction'], string> = {
  higher: 'higher is better',
  lower: 'lower is better',
  neutral: 'no better direction',
};

/** `value (ratio)`; statistics in the KPI's own unit show the unit once, in the heading. */
function statisticsText(k: KpiInfo): string {
  return k.statistics.map((s) => (s.unit === k.unit ? s.path : `${s.path} (${s.unit})`)).join(', ');
}

export function renderKpiList(catalogue: readonly KpiInfo[], width: number): string {
  const out: string[] = [];
  for (const k of catalogue) {
    out.push(...wrapText(`${k.id} — ${k.title} · ${k.unit} · ${DIRECTION[k.direction]}`, width, '    '));
    out.push(...wrapText(`  ${k.description}`, width, '  '));
    out.push(...wrapText(`  statistics: ${statisticsText(k)}`, width, '    '));
    if (k.requires.length > 0) out.push(...wrapText(`  needs: ${k.requires.join(', ')}`, width, '    '));
    out.push('');
  }
  out.push(
    ...wrapText(
      'check: <kpi>[.<statistic>] <op> <number>; rates take 0.6 or 60%, times take seconds or 30s, 5m, 2h, 1d; "value" is the KPI itself.',
      width,
    ),
  );
  return `${out.join('\n')}\n`;
}

export function kpisCommand(program: Command, io: Io, setCode: (code: number) => void): Command {
  return program
    .command('kpis')
    .description('list every KPI id with its statistics and units (what check accepts)')
    .option('-f, --format <format>', 'text or json (default text)')
    .action(async (opts: { format?: string }) => {
      const format = opts.format ?? 'text';
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format "${format}": expected text or json`);
      const catalogue = kpiCatalogue();
      const text = format === 'json' ? `${JSON.stringify({ kpis: catalogue }, null, 2)}\n` : renderKpiList(catalogue, outputWidth(io));
      await writeOutput(io, text, undefined);
      setCode(0);
    });
}
