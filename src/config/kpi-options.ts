import type { KpiOptions } from '../kpis/types.js';
import type { Settings } from './settings.js';

/** The KPI settings of a run (flags, config file and defaults merged) as the KPIs take them. */
export function kpiOptions(settings: Settings): KpiOptions {
  return {
    fallbackIntents: new Set(settings.fallbackIntents.map((s) => s.trim().toLowerCase())),
    fcrWindowMs: settings.fcrWindowMs,
    csatScale: settings.csatScale,
    csatSatisfiedFrom: settings.csatSatisfiedFrom,
    attributionWindowMs: settings.attributionWindowMs,
    ...(settings.confidenceThreshold === undefined ? {} : { confidenceThreshold: settings.confidenceThreshold }),
    ...(settings.cost === undefined ? {} : { cost: settings.cost }),
    ...(settings.businessHours === undefined ? {} : { businessHours: settings.businessHours }),
    sla: settings.sla,
    tz: settings.tz,
    outcomeSilenceMs: settings.outcomeSilenceMs,
  };
}
