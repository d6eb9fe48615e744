#!/usr/bin/env node
/**
 * Reference implementation of botkpi's core KPIs in DuckDB SQL, for the benchmark's cross-check.
 *
 *   node bench/duckdb-kpis.mjs FILE.jsonl|FILE.ndjson|FILE.csv [--check-order]
 *   node bench/duckdb-kpis.mjs --install      # only make sure DuckDB is installed (the runner does this first)
 *
 * Prints one JSON object to stdout: { tool, duckdb, file, rows, kpis: { "<kpi>.<field>": number|null } }
 * where the keys are paths into botkpi's `report --format json` `kpis` object, so the two can be
 * compared field by field. Follows docs/definitions.md written independently of
 * botkpi's code (sections 2, 3 and 5), for the fields the synthetic generator emits:
 *   - roles/events: canonical values only (customer/bot/agent/system; message/handoff/resolved/
 *     csat/close), matched case-insensitively after trimming; the contract's role aliases
 *     (user, assistant, human, …) are NOT mapped here — scripts/generate.js never emits them.
 *   - timestamps: ISO 8601 with 'Z' or an offset (cast to TIMESTAMPTZ), and epoch numbers — JSON
 *     numbers (read as their text) or digit strings in CSV — by the 1e11 seconds/milliseconds rule,
 *     fractions kept; offset-less local times (--tz) are not handled.
 *   - absent fields (a missing JSON key, an empty CSV cell) are NULL: the generator's realistic
 *     profile leaves optional fields and some csat events out.
 *   - no row validation / rejection: generated data is valid; duplicates ((conversation_id,
 *     message_id) repeated → first in input order kept) are handled.
 *   - field names: the canonical lower-case names (no case-insensitive header matching, no --map).
 * Ties in timestamp keep input order: the row's position in the file (rowid of a table filled
 * with preserve_insertion_order = true, DuckDB's default) is the tiebreak.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// DuckDB is installed on demand into bench/.cache/duckdb, not as a devDependency: its optional
// per-platform binding packages are not all on the registry, which would break `npm ci` in CI.
const DUCKDB_VERSION = '1.5.6-r.1';
const duckdbDir = new URL('./.cache/duckdb/', import.meta.url).pathname;
if (!existsSync(`${duckdbDir}node_modules/@duckdb/node-api`)) {
  // npm's output goes to stderr: stdout carries only the result JSON.
  execFileSync('npm', ['install', '--prefix', duckdbDir, '--no-save', '--no-audit', '--no-fund', `@duckdb/node-api@${DUCKDB_VERSION}`], { stdio: ['ignore', 2, 2] });
}
if (process.argv.includes('--install')) process.exit(0);
const { DuckDBInstance } = createRequire(`${duckdbDir}index.js`)('@duckdb/node-api');
import { extname } from 'node:path';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const checkOrder = args.includes('--check-order');
if (file === undefined) {
  process.stderr.write('usage: node bench/duckdb-kpis.mjs FILE.jsonl|FILE.csv [--check-order]\n');
  process.exit(2);
}
const lit = (s) => `'${s.replace(/'/g, "''")}'`;
const ext = extname(file).toLowerCase();
const COLS = ['conversation_id', 'timestamp', 'role', 'event', 'message_id', 'customer_id', 'csat', 'resolved', 'handoff'];
let source;
if (ext === '.csv') {
  source = `read_csv(${lit(file)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
} else if (ext === '.jsonl' || ext === '.ndjson') {
  source = `read_ndjson(${lit(file)}, columns = {${COLS.map((c) => `${c}: 'VARCHAR'`).join(', ')}})`;
} else {
  process.stderr.write(`duckdb-kpis: unsupported extension ${ext}\n`);
  process.exit(2);
}

const SQL = [
  `SET TimeZone = 'UTC'`,
  // Booleans as the contract accepts them; empty strings are absent.
  `CREATE MACRO kbool(x) AS CASE lower(trim(x)) WHEN 'true' THEN true WHEN '1' THEN true WHEN 'yes' THEN true
                                            WHEN 'false' THEN false WHEN '0' THEN false WHEN 'no' THEN false END`,
  `CREATE MACRO absent(x) AS nullif(trim(x), '')`,
  // Timestamps: epoch numbers (below 1e11 seconds, else milliseconds, fractions kept) or ISO 8601
  // with Z or an offset, as epoch milliseconds (a double, like botkpi's).
  `CREATE MACRO kts(x) AS CASE WHEN regexp_full_match(x, '-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?')
                              THEN CASE WHEN abs(CAST(x AS DOUBLE)) < 1e11 THEN CAST(x AS DOUBLE) * 1000 ELSE CAST(x AS DOUBLE) END
                              ELSE CAST(epoch_us(CAST(x AS TIMESTAMPTZ)) AS DOUBLE) / 1000 END`,
  // 1. Rows in input order. rowid = position in the file (insertion order is preserved).
  `CREATE TABLE raw AS
     SELECT absent(conversation_id) AS cid,
            kts(absent("timestamp")) AS ts,
            lower(trim(role)) AS role,
            coalesce(lower(absent(event)), 'message') AS event,
            absent(message_id) AS message_id,
            absent(customer_id) AS customer_id,
            absent(csat) AS csat,
            kbool(resolved) AS resolved,
            kbool(handoff) AS handoff
     FROM ${source}`,
  // 2. Duplicates: a repeated (conversation_id, message_id) is kept once (first in input order).
  //    seq = position within the conversation in time order, ties in input order.
  `CREATE TABLE ev AS
     SELECT *, row_number() OVER (PARTITION BY cid ORDER BY ts, rn) AS seq
     FROM (SELECT rowid AS rn, * FROM raw
           QUALIFY message_id IS NULL OR row_number() OVER (PARTITION BY cid, message_id ORDER BY rowid) = 1)`,
  // 3. Conversations (section 2). Only conversations with at least one message count.
  `CREATE TABLE conv AS
     SELECT cid,
            min(ts) FILTER (WHERE event = 'message') AS start_ms,
            max(ts) FILTER (WHERE event = 'message') AS end_ms,
            count(*) FILTER (WHERE event = 'message') AS n_msg,
            count(*) FILTER (WHERE event = 'message' AND role = 'customer') AS n_customer,
            count(*) FILTER (WHERE event = 'message' AND role = 'bot') AS n_bot,
            count(*) FILTER (WHERE event = 'message' AND role = 'agent') AS n_agent,
            count(*) FILTER (WHERE event = 'message' AND role = 'system') AS n_system,
            arg_min(customer_id, seq) FILTER (WHERE customer_id IS NOT NULL) AS customer_id,
            bool_or(event = 'handoff' OR coalesce(handoff, false) OR (event = 'message' AND role = 'agent')) AS escalated,
            arg_max(coalesce(resolved, true), seq) FILTER (WHERE resolved IS NOT NULL OR event = 'resolved') AS resolved,
            arg_max(csat, seq) FILTER (WHERE csat IS NOT NULL) AS csat
     FROM ev GROUP BY cid HAVING count(*) FILTER (WHERE event = 'message') > 0`,
  // 4. Response-time walk (section 3): system messages skipped; a reply is a bot/agent message right
  //    after a customer message; its run started at the first customer message of that block.
  `CREATE TABLE replies AS
     WITH w AS (
       SELECT cid, seq, role, ts, lag(role) OVER (PARTITION BY cid ORDER BY seq) AS prev_role
       FROM ev WHERE event = 'message' AND role IN ('customer', 'bot', 'agent')),
     w2 AS (
       SELECT *, max(CASE WHEN role = 'customer' AND prev_role IS DISTINCT FROM 'customer' THEN ts END)
                   OVER (PARTITION BY cid ORDER BY seq ROWS UNBOUNDED PRECEDING) AS run_start
       FROM w)
     SELECT cid, seq, role, (ts - run_start) / 1000.0 AS rt
     FROM w2 WHERE role IN ('bot', 'agent') AND prev_role = 'customer'`,
];

const KPI_SQL = `
WITH
b AS (SELECT * FROM conv WHERE n_bot > 0),
next_start AS (
  SELECT customer_id, start_ms, lead(start_ms) OVER (PARTITION BY customer_id ORDER BY start_ms) AS next_ms
  FROM (SELECT DISTINCT customer_id, start_ms FROM conv WHERE customer_id IS NOT NULL)),
fcr AS (
  SELECT count(*) AS den,
         count(*) FILTER (WHERE resolved IS DISTINCT FROM false
                          AND NOT coalesce(n.next_ms <= b.end_ms + 7 * 86400000, false)) AS num
  FROM b JOIN next_start n USING (customer_id, start_ms)),
frt AS (SELECT arg_min(rt, seq) AS rt FROM replies GROUP BY cid),
cust AS (SELECT customer_id, count(*) AS n FROM conv WHERE customer_id IS NOT NULL GROUP BY customer_id),
rated AS (
  SELECT count(*) AS den,
         count(*) FILTER (WHERE lower(trim(csat)) IN ('up', 'positive', 'true')
                          OR coalesce(TRY_CAST(csat AS DOUBLE) >= 4, false)) AS num
  FROM conv WHERE csat IS NOT NULL)
SELECT
  (SELECT count(*) FROM conv) AS "conversations.value",
  (SELECT count(*) FROM b) AS "conversations.botEngaged",
  (SELECT count(*) FROM cust) AS "conversations.customers",
  (SELECT sum(n_customer) FROM conv) AS "conversations.messages.customer",
  (SELECT sum(n_bot) FROM conv) AS "conversations.messages.bot",
  (SELECT sum(n_agent) FROM conv) AS "conversations.messages.agent",
  (SELECT sum(n_system) FROM conv) AS "conversations.messages.system",
  (SELECT sum(n_msg) FROM conv) AS "conversations.messages.total",
  (SELECT count(*) FILTER (WHERE NOT escalated) FROM b) AS "containment_rate.numerator",
  (SELECT count(*) FROM b) AS "containment_rate.denominator",
  (SELECT count(*) FILTER (WHERE escalated) FROM b) AS "escalation_rate.numerator",
  (SELECT count(*) FROM b) AS "escalation_rate.denominator",
  (SELECT mean(rt) FROM frt) AS "first_response_time.mean",
  (SELECT quantile_cont(rt::DOUBLE, 0.5) FROM frt) AS "first_response_time.p50",
  (SELECT quantile_cont(rt::DOUBLE, 0.9) FROM frt) AS "first_response_time.p90",
  (SELECT count(*) FROM frt) AS "first_response_time.count",
  (SELECT mean(rt) FROM replies) AS "response_time.mean",
  (SELECT quantile_cont(rt::DOUBLE, 0.5) FROM replies) AS "response_time.p50",
  (SELECT quantile_cont(rt::DOUBLE, 0.9) FROM replies) AS "response_time.p90",
  (SELECT quantile_cont(rt::DOUBLE, 0.95) FROM replies) AS "response_time.p95",
  (SELECT count(*) FROM replies) AS "response_time.count",
  (SELECT mean((end_ms - start_ms) / 1000.0) FROM conv) AS "handling_time.mean",
  (SELECT quantile_cont(((end_ms - start_ms) / 1000.0)::DOUBLE, 0.5) FROM conv) AS "handling_time.p50",
  (SELECT count(*) FROM conv) AS "handling_time.count",
  (SELECT num FROM rated) AS "csat_score.numerator",
  (SELECT den FROM rated) AS "csat_score.denominator",
  (SELECT count(*) FILTER (WHERE n >= 2) FROM cust) AS "repeat_customer_rate.numerator",
  (SELECT count(*) FROM cust) AS "repeat_customer_rate.denominator",
  (SELECT num FROM fcr) AS "fcr_rate.numerator",
  (SELECT den FROM fcr) AS "fcr_rate.denominator",
  (SELECT count(*) FROM raw) AS "_rows"
`;

// Checks that rowid really is the file order, on generated data: within a conversation the
// generator numbers messages m1, m2, … in time order, and message rows come conversation after
// conversation (conv-000001, conv-000002, …; only non-message events are held back), so in rowid
// order both must ascend.
const ORDER_CHECK = `
SELECT
  (SELECT count(*) FROM (
     SELECT TRY_CAST(substr(message_id, 2) AS INTEGER) AS k,
            lag(TRY_CAST(substr(message_id, 2) AS INTEGER)) OVER (PARTITION BY cid ORDER BY rn) AS prev
     FROM ev WHERE message_id IS NOT NULL) WHERE k <= prev)
  +
  (SELECT count(*) FROM (
     SELECT TRY_CAST(regexp_extract(cid, '(\\d+)$', 1) AS INTEGER) AS k,
            lag(TRY_CAST(regexp_extract(cid, '(\\d+)$', 1) AS INTEGER)) OVER (ORDER BY rn) AS prev
     FROM ev WHERE event = 'message') WHERE k < prev) AS bad`;

const toNum = (v) => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : Number(v));

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
for (const sql of SQL) await con.run(sql);
const reader = await con.runAndReadAll(KPI_SQL);
const row = reader.getRowObjects()[0];
const kpis = {};
for (const [k, v] of Object.entries(row)) kpis[k] = toNum(v);
const rows = kpis._rows;
delete kpis._rows;
for (const id of ['containment_rate', 'escalation_rate', 'csat_score', 'repeat_customer_rate', 'fcr_rate']) {
  const n = kpis[`${id}.numerator`];
  const d = kpis[`${id}.denominator`];
  kpis[`${id}.value`] = d > 0 ? n / d : null;
}
const out = { tool: 'duckdb', file, rows, kpis };
const version = (await con.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
out.duckdb = String(version);
if (checkOrder) out.orderViolations = toNum((await con.runAndReadAll(ORDER_CHECK)).getRowObjects()[0].bad);
process.stdout.write(`${JSON.stringify(out)}\n`);
