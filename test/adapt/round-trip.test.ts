import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../cli/run.js';
import { carried, reportOf, toDocuments, type Flat, type ShapeId } from './convert.js';

const demo = readFileSync(fixture('demo/transcripts.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Flat);

/** KPIs compared: every KPI of the report that conversations of these shapes determine. */
const KPI_IDS = [
  'conversations',
  'containment_rate',
  'escalation_rate',
  'automation_rate',
  'bot_message_share',
  'resolution_rate',
  'bot_resolution_rate',
  'fallback_message_rate',
  'abandonment_rate',
  'intent_recognition_rate',
  'intent_accuracy',
  'fcr_rate',
  'first_response_time',
  'response_time',
  'handoff_wait_time',
  'handling_time',
  'csat_score',
  'csat_avg',
  'csat_response_rate',
  'sentiment',
  'sentiment_shift',
  'repeat_customer_rate',
  'bot_involvement_rate',
  'escalation_failed_rate',
  'resolution_time',
  'reopen_rate',
  'bot_outcomes',
  'ai_resolution_rate',
  'after_hours_rate',
  'sla_first_response',
  'sla_handoff_wait',
  'sla_resolution',
  'volume_heatmap',
  'peak_concurrency',
  'cost_per_conversation',
  'bot_cost',
  'human_cost',
  'intents',
];

describe.each<ShapeId>(['messages', 'intercom', 'zendesk', 'chatwoot'])('demo data as %s documents', (shape) => {
  it('gives the KPIs of the flat rows the shape carries', async () => {
    const rows = carried(demo, shape);
    const docs = toDocuments(rows, shape);
    const [flat, adapted] = await Promise.all([reportOf(rows), reportOf(docs, shape)]);
    expect(adapted.dataQuality.rowsRejected).toBe(0);
    expect(adapted.dataQuality.conversations).toBe(flat.dataQuality.conversations);
    // The demo has 400 conversations: the comparison is over real numbers, not empty sets.
    expect(flat.dataQuality.conversations).toBe(400);
    for (const id of KPI_IDS) expect(adapted.kpis[id], id).toEqual(flat.kpis[id]);
  });
});
