import type { Inspection } from './index.js';

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
const counts = (o: Record<string, number>): string =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ') || '(none)';

/** `botkpi inspect` as text: one block per question a user has about a new export. */
export function renderInspection(x: Inspection): string {
  const out: string[] = ['botkpi inspect', ''];
  for (const i of x.inputs) {
    out.push(`${i.file}: ${i.title} (${i.format}, ${i.detected ? 'auto-detected' : 'pinned'}) · documents ${i.documents} · rows ${i.rows}`);
  }
  const reasons = Object.entries(x.rows.rejectedByReason).map(([r, n]) => `${r} ${n}`);
  out.push(
    `rows read ${x.rows.read} · used ${x.rows.used} · rejected ${x.rows.rejected}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''} · duplicates ${x.rows.duplicates}`,
    `conversations ${x.conversations}${x.timeSpan === null ? '' : ` · from ${x.timeSpan.start} to ${x.timeSpan.end}`}`,
    '',
    'Fields (rows that fill them)',
  );
  const width = Math.max(...Object.keys(x.fields).map((f) => f.length));
  for (const [field, n] of Object.entries(x.fields)) out.push(`  ${pad(field, width)}  ${n === 0 ? '—' : String(n)}`);
  out.push('', `Roles: ${counts(x.roles)}`, `Events: ${counts(x.events)}`);
  if (x.unrecognised.length > 0) {
    out.push('', 'Columns botkpi does not read');
    for (const u of x.unrecognised) out.push(`  ${u.column} (${u.rows} rows)${u.suggestion === null ? '' : ` — maybe ${u.suggestion}`}`);
  }
  out.push('', 'KPIs that will be n/a');
  if (x.notAvailable.length === 0) out.push('  (none)');
  for (const n of x.notAvailable) out.push(`  ${n.kpi}: ${n.reason}`);
  if (x.transcript !== null) {
    out.push('', `Conversation ${x.transcript.conversationId}`);
    for (const l of x.transcript.lines) {
      const who = l.event === 'message' ? (l.role ?? '?') : `[${l.event}]`;
      const text = (l.text ?? '').replace(/\s+/g, ' ');
      out.push(`  ${l.time.slice(0, 19).replace('T', ' ')}  ${pad(who, 10)} ${text}`.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}
