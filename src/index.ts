/**
 * botkpi as a library: the same pipeline the CLI runs, without any process or file-system access in
 * compute/render. `runReport({ files, flags })` makes the report `botkpi report` makes; the stages
 * are exported one by one as well.
 */
export type * from './model.js';
export type * from './report/types.js';
export { readBatches, readRows, readRowsFromString, detectFormat, InputError, type InputFormat } from './read/index.js';
export {
  ADAPTERS,
  adapterById,
  adaptBatches,
  chooseAdapter,
  detectShape,
  emptyTally,
  type Adapter,
  type AdaptOptions,
  type AdaptTally,
  type Detection,
} from './adapt/index.js';
export type { AdaptOutput, AdaptSession, DerivedRejection, DerivedRow } from './adapt/types.js';
export { RowNormaliser, type NormaliseOptions } from './schema/normalise.js';
export { FIELDS, ROLE_ALIASES, DEFAULT_FALLBACK_INTENTS, type Field } from './schema/fields.js';
export { ConversationAssembler, buildConversation } from './conversations/assemble.js';
export { ingest, type Ingested, type Rejection } from './report/ingest.js';
export { buildReport, type ReportOptions } from './report/build.js';
export { KPIS } from './kpis/registry.js';
export type { Kpi, KpiContext, KpiOptions } from './kpis/types.js';
export { render, type OutputFormat } from './render/index.js';
export { UsageError } from './errors.js';
export { gapGroups, gapReportSchema, type GapReport, type GapGroup } from './report/gaps.js';
export { renderGaps } from './render/gaps.js';
export {
  runReport,
  loadRun,
  planRun,
  readRun,
  readRunConfig,
  reportFor,
  reportOptions,
  scopedConversations,
  type LoadedConfig,
  type ReadProgress,
  type ReportHooks,
  type Run,
  type RunFlags,
  type RunHooks,
  type RunInput,
  type RunOptions,
  type RunPlan,
} from './app/run.js';
export { resolveSettings, type Settings, type SettingFlags } from './config/settings.js';
export { kpiOptions } from './config/kpi-options.js';
