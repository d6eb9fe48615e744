#!/usr/bin/env node
/**
 * botkpi benchmark: botkpi's CLI against a DuckDB SQL reference (bench/duckdb-kpis.mjs) on
 * generated transcripts. See bench/README.md.
 *
 *   npm run bench                       # 50k + 200k conversations, JSONL + CSV, 3 runs each
 *   npm run bench -- --large            # + 1M conversations
 *   npm run bench -- --runs 5 --sizes 50000
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = join(BENCH, '.cache');
const GENERATOR = join(ROOT, 'scripts', 'generate.js');
const REL_TOL = 1e-6;
const TIME_BIN = '/usr/bin/time';

const HELP = `usage: npm run bench -- [options]

  --runs N          measured runs per tool and data set (default 3, at least 1)
  --large           also the 1M-conversation set
  --sizes LIST      comma-separated conversation counts (overrides the default 50000,200000[,1000000])
  --formats LIST    jsonl,csv (default both)
  --seed S          generator seed (default 42)
  --profile P       generator profile: realistic (default) — rows as platforms export them: one
                    timestamp form per conversation (ISO with milliseconds, offsets, epoch numbers),
                    optional fields only where sources export them, nine languages; canonical —
                    YYYY-MM-DDTHH:MM:SSZ and every field on every row (the sets before the profile)
  --build           run \`npm run build\` first even if dist/ exists
  --no-snapshot     run bin/botkpi.js in place instead of a copy of bin/ + dist/ in bench/.cache/build
  --skip-extras     skip the breakdown (--by week --by channel) and text-analysis variants
  --no-save         do not write bench/results/latest.json
  --out FILE        results file (default bench/results/latest.json)
  --clean           delete bench/.cache/ first (regenerates the data)
  -h, --help`;

// ---------------------------------------------------------------------------------------------
// Options

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    formats: { type: 'string', default: 'jsonl,csv' },
    seed: { type: 'string', default: '42' },
    profile: { type: 'string', default: 'realistic' },
    build: { type: 'boolean', default: false },
    'no-snapshot': { type: 'boolean', default: false },
    'skip-extras': { type: 'boolean', default: false },
    'no-save': { type: 'boolean', default: false },
    out: { type: 'string', default: join(BENCH, 'results', 'latest.json') },
    clean: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (opt.help) {
  console.log(HELP);
  process.exit(0);
}
const RUNS = Number(opt.runs);
const SEED = Number(opt.seed);
if (!Number.isInteger(RUNS) || RUNS < 1) fail(`--runs must be a positive integer, got ${opt.runs}`);
if (!Number.isInteger(SEED)) fail(`--seed must be an integer, got ${opt.seed}`);
const SIZES = (opt.sizes ?? (opt.large ? '50000,200000,1000000' : '50000,200000')).split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n < 1) fail(`bad size "${s}"`);
  return n;
});
if (opt.profile !== 'realistic' && opt.profile !== 'canonical') fail(`--profile must be realistic or canonical, got ${opt.profile}`);
const PROFILE = opt.profile;
const FORMATS = opt.formats.split(',').map((s) => s.trim().toLowerCase());
for (const f of FORMATS) if (f !== 'jsonl' && f !== 'csv') fail(`bad format "${f}" (jsonl or csv)`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const fmtInt = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const sizeLabel = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));
const pct = (a, b) => (a === null || b === null || b === 0 ? null : ((a - b) / b) * 100);
const fmtPct = (p) => (p === null ? '—' : `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`);

function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  // First column and free text left-aligned, numbers right-aligned.
  const numeric = (c) => /^[-+]?[\d.,]+(\s?[×%a-zA-Z/]*)?$|^—$|→/.test(c) && !/\s{2}/.test(c);
  const line = (r) => r.map((c, i) => (i === 0 || !numeric(c) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function banner(text) {
  const bar = '!'.repeat(Math.min(100, Math.max(40, text.length + 8)));
  return `\n${bar}\n!!! ${text}\n${bar}`;
}

// ---------------------------------------------------------------------------------------------
// Build and snapshot of the CLI

if (opt.clean) rmSync(CACHE, { recursive: true, force: true });
mkdirSync(CACHE, { recursive: true });

if (opt.build || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log(opt.build ? '== npm run build (--build)' : '== dist/ missing: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail('npm run build failed');
}

// Other people rebuild dist/ while a benchmark runs; a copy keeps every run on one build.
let cliRoot = ROOT;
if (!opt['no-snapshot']) {
  cliRoot = join(CACHE, 'build');
  rmSync(cliRoot, { recursive: true, force: true });
  mkdirSync(cliRoot, { recursive: true });
  cpSync(join(ROOT, 'bin'), join(cliRoot, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(cliRoot, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(cliRoot, 'package.json'));
}
const CLI = join(cliRoot, 'bin', 'botkpi.js');

/** A fingerprint of the build that is measured (every .js file under dist/, in path order). */
function treeHash(dir) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name.endsWith('.js')) h.update(relative(dir, p)).update('\0').update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 12);
}
const distHash = treeHash(join(cliRoot, 'dist'));
const DUCK = join(BENCH, 'duckdb-kpis.mjs');
// Install DuckDB (on first use) before anything is timed.
if (spawnSync(process.execPath, [DUCK, '--install'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) fail('installing DuckDB failed');

// ---------------------------------------------------------------------------------------------
// Resource measurement

const HAVE_TIME = (() => {
  if (!existsSync(TIME_BIN)) return false;
  const r = spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
})();
const RSS_METHOD = HAVE_TIME
  ? 'GNU time: /usr/bin/time -f "%M %U %S" (getrusage of the waited child: ru_maxrss, user+sys CPU)'
  : 'fallback: node --import bench/rss-hook.mjs, the child writes process.resourceUsage() (ru_maxrss of itself) at exit';

let runCounter = 0;
/**
 * Runs `node args…` as a separate process with stdout to a file; resolves with wall time (s,
 * measured here from spawn to exit), peak RSS (MB) and CPU time (s).
 */
function measure(nodeArgs, stdoutFile) {
  const stat = join(CACHE, 'out', `stat-${process.pid}-${runCounter++}.txt`);
  rmSync(stat, { force: true });
  let cmd;
  let args;
  const env = { ...process.env };
  if (HAVE_TIME) {
    cmd = TIME_BIN;
    args = ['-f', '%M %U %S', '-o', stat, process.execPath, ...nodeArgs];
  } else {
    cmd = process.execPath;
    args = ['--import', pathToFileURL(join(BENCH, 'rss-hook.mjs')).href, ...nodeArgs];
    env.BENCH_RSS_FILE = stat;
  }
  const out = openSync(stdoutFile, 'w');
  return new Promise((resolve, reject) => {
    let stderr = '';
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', out, 'pipe'] });
    child.stderr.on('data', (d) => {
      if (stderr.length < 20_000) stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      closeSync(out);
      let rssMb = null;
      let cpuS = null;
      try {
        const text = readFileSync(stat, 'utf8');
        if (HAVE_TIME) {
          const last = text.trim().split('\n').pop() ?? '';
          const [kb, u, s] = last.trim().split(/\s+/).map(Number);
          rssMb = kb / 1024;
          cpuS = u + s;
        } else {
          const j = JSON.parse(text);
          rssMb = j.maxRssKb / 1024;
          cpuS = j.userS + j.sysS;
        }
        rmSync(stat, { force: true });
      } catch {
        /* no stats: reported as — */
      }
      resolve({ code, wallS, rssMb, cpuS, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Data sets (generated once, cached by size + seed + generator hash)

const genHash = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 12);
const DATA = join(CACHE, 'data');
mkdirSync(DATA, { recursive: true });
mkdirSync(join(CACHE, 'out'), { recursive: true });

const generator = await import(pathToFileURL(GENERATOR).href);

/**
 * kind 'text': generateRows({ text: true }) as is; 'text-nolang': the same rows without the
 * `language` field, so that botkpi has to detect languages (the generator always sets it).
 */
async function dataset(conversations, format, kind = 'text') {
  const stem = `transcripts-c${conversations}-s${SEED}-${kind}${PROFILE === 'realistic' ? '-real' : ''}`;
  const file = join(DATA, `${stem}-g${genHash}.${format}`);
  const metaFile = `${file}.meta.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.bytes === statSync(file).size) return { file, ...meta, cached: true };
  }
  // Drop stale versions of this set (another generator hash).
  for (const name of readdirSync(DATA)) {
    if (name.startsWith(`${stem}-g`) && name.includes(`.${format}`) && !name.startsWith(`${stem}-g${genHash}.`)) rmSync(join(DATA, name), { force: true });
  }
  const tmp = `${file}.tmp-${process.pid}`;
  const t0 = performance.now();
  process.stdout.write(`   generating ${sizeLabel(conversations)} ${format}${kind === 'text' ? '' : ` (${kind})`} … `);
  const options = { conversations, seed: SEED, text: true, profile: PROFILE };
  let source = generator.generateRows(options);
  if (kind === 'text-nolang') {
    source = (function* (rows) {
      for (const row of rows) {
        const rest = { ...row };
        delete rest.language;
        yield rest;
      }
    })(source);
  }
  const rows = format === 'csv' ? await generator.writeCsv(source, tmp) : await generator.writeJsonl(source, tmp);
  renameSync(tmp, file);
  const meta = { conversations, seed: SEED, text: true, profile: PROFILE, kind, format, generatorHash: genHash, rows, bytes: statSync(file).size };
  writeFileSync(metaFile, JSON.stringify(meta));
  console.log(`${fmtInt(rows)} rows, ${fmt(meta.bytes / 1e6, 1)} MB in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return { file, ...meta, cached: false };
}

// ---------------------------------------------------------------------------------------------
// Comparison of values

function getPath(obj, path) {
  let cur = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[key];
  }
  return cur;
}

function sameValue(a, b) {
  if (a === null || b === null || a === undefined || b === undefined) return a === b || (a ?? null) === (b ?? null);
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  if (a === b) return true;
  return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

/** Mismatches between botkpi's report and the DuckDB result (paths of the DuckDB side). */
function compareValues(report, duck) {
  const mismatches = [];
  for (const [path, expected] of Object.entries(duck.kpis)) {
    const got = getPath(report.kpis, path);
    if (!sameValue(got, expected)) mismatches.push({ kpi: path, botkpi: got ?? null, duckdb: expected });
  }
  if (report.dataQuality?.rowsRead !== duck.rows) mismatches.push({ kpi: 'dataQuality.rowsRead', botkpi: report.dataQuality?.rowsRead ?? null, duckdb: duck.rows });
  return mismatches;
}

// ---------------------------------------------------------------------------------------------
// Plan: data sets and the variants run on each

const VARIANTS = {
  botkpi: { tool: 'botkpi', args: (f) => [CLI, 'report', f, '--format', 'json'] },
  duckdb: { tool: 'duckdb', args: (f) => [DUCK, f] },
  'botkpi-by-week-channel': { tool: 'botkpi', args: (f) => [CLI, 'report', f, '--format', 'json', '--by', 'week', '--by', 'channel'] },
  'botkpi-no-detect-language': { tool: 'botkpi', args: (f) => [CLI, 'report', f, '--format', 'json', '--no-detect-language'] },
  'botkpi-no-text-analysis': { tool: 'botkpi', args: (f) => [CLI, 'report', f, '--format', 'json', '--no-detect-language', '--no-text-sentiment'] },
};

// Where the extras run: the breakdown on the 200k set (else the largest), text analysis on the
// 50k set (else the smallest).
const BREAKDOWN_SIZE = SIZES.includes(200_000) ? 200_000 : SIZES[SIZES.length - 1];
const TEXT_SIZE = SIZES.includes(50_000) ? 50_000 : SIZES[0];
const extrasFor = (size, format) => {
  if (opt['skip-extras'] || format !== 'jsonl') return [];
  const extra = [];
  if (size === BREAKDOWN_SIZE) extra.push('botkpi-by-week-channel');
  if (size === TEXT_SIZE) extra.push('botkpi-no-detect-language', 'botkpi-no-text-analysis');
  return extra;
};

/** The sets to run, in order: every size × format with both tools, plus the no-language set. */
const PLAN = [];
for (const size of SIZES) {
  for (const format of FORMATS) PLAN.push({ size, format, kind: 'text', variants: ['botkpi', 'duckdb', ...extrasFor(size, format)] });
}
if (!opt['skip-extras']) {
  PLAN.push({ size: TEXT_SIZE, format: 'jsonl', kind: 'text-nolang', variants: ['botkpi', 'botkpi-no-detect-language'] });
}

// ---------------------------------------------------------------------------------------------
// Run

const startedAt = new Date();
const loadBefore = os.loadavg();
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? null,
  totalMemGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  node: process.version,
  hostname: os.hostname(),
};
let gitCommit = null;
try {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0) gitCommit = r.stdout.trim();
} catch {
  /* not a git checkout */
}
const botkpiVersion = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8')).version;

console.log(`== botkpi benchmark: sizes ${SIZES.map(sizeLabel).join(', ')}; formats ${FORMATS.join(', ')}; ${RUNS} runs per tool; seed ${SEED}; ${PROFILE} data`);
console.log(`   machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemGb} GB, node ${machine.node}; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);
if (loadBefore[0] > machine.cpus * 0.5) console.log(`   warning: the machine is busy (load ${loadBefore[0].toFixed(2)} on ${machine.cpus} cores): wall times will be noisy; CPU times are steadier`);
console.log(`   CLI: ${relative(ROOT, CLI)}${opt['no-snapshot'] ? '' : ' (snapshot of bin/ + dist/)'}, build ${distHash}, commit ${gitCommit?.slice(0, 10) ?? '?'}; RSS: ${RSS_METHOD}`);

const results = [];
const allMismatches = [];
const failures = [];

for (const { size, format, kind, variants } of PLAN) {
  {
    console.log(`\n== ${sizeLabel(size)} conversations, ${format}${kind === 'text' ? '' : ` (${kind}: rows without language)`}`);
    const ds = await dataset(size, format, kind);
    if (ds.cached) console.log(`   cached: ${relative(ROOT, ds.file)} (${fmtInt(ds.rows)} rows, ${fmt(ds.bytes / 1e6, 1)} MB)`);
    const samples = Object.fromEntries(variants.map((v) => [v, []]));
    const outputs = {};
    for (let r = 0; r < RUNS; r++) {
      // Alternate the tools, and rotate who goes first each round.
      const order = variants.map((_, i) => variants[(i + r) % variants.length]);
      for (const v of order) {
        if (failures.some((f) => f.variant === v && f.size === size && f.format === format && f.kind === kind)) continue;
        const outFile = join(CACHE, 'out', `${v}-${size}-${kind}-${format}.json`);
        const m = await measure(VARIANTS[v].args(ds.file), outFile);
        if (m.code !== 0) {
          console.log(banner(`${v} FAILED on ${sizeLabel(size)} ${format} (exit ${m.code})`));
          console.log(m.stderr.trim().split('\n').slice(-15).join('\n'));
          failures.push({ variant: v, size, format, kind, code: m.code, stderr: m.stderr.slice(-2000) });
          continue;
        }
        samples[v].push(m);
        const text = readFileSync(outFile, 'utf8');
        let parsed;
        try {
          parsed = JSON.parse(text);
        } catch {
          failures.push({ variant: v, size, format, kind, code: 'bad JSON output' });
          continue;
        }
        if (outputs[v] === undefined) outputs[v] = parsed;
        else if (JSON.stringify(outputs[v].kpis) !== JSON.stringify(parsed.kpis)) console.log(banner(`${v}: run ${r + 1} gave different values than run 1 on ${sizeLabel(size)} ${format}`));
        console.log(`   run ${r + 1} ${v.padEnd(26)} ${fmt(m.wallS)} s wall  ${fmt(m.cpuS)} s cpu  ${fmt(m.rssMb, 0)} MB peak RSS`);
      }
    }

    // Values: botkpi (no breakdown) against DuckDB.
    let mismatches = null;
    if (outputs.botkpi && outputs.duckdb) {
      mismatches = compareValues(outputs.botkpi, outputs.duckdb);
      if (mismatches.length > 0) {
        console.log(banner(`VALUE MISMATCH botkpi vs DuckDB on ${sizeLabel(size)} ${format}: ${mismatches.length} field(s)`));
        console.log(table(['kpi', 'botkpi', 'duckdb'], mismatches.map((x) => [x.kpi, String(x.botkpi), String(x.duckdb)])));
        for (const x of mismatches) allMismatches.push({ size, format, ...x });
      } else {
        console.log(`   values: botkpi = DuckDB on all ${Object.keys(outputs.duckdb.kpis).length + 1} compared fields (rel. tol. ${REL_TOL})`);
      }
    }

    for (const v of variants) {
      const s = samples[v];
      if (s.length === 0) continue;
      const wall = median(s.map((x) => x.wallS));
      const rssMax = s.every((x) => x.rssMb !== null) ? Math.max(...s.map((x) => x.rssMb)) : null;
      const cpu = s.every((x) => x.cpuS !== null) ? median(s.map((x) => x.cpuS)) : null;
      results.push({
        variant: v,
        tool: VARIANTS[v].tool,
        size,
        format,
        data: kind,
        rows: ds.rows,
        bytes: ds.bytes,
        runs: s.length,
        wallS: s.map((x) => Math.round(x.wallS * 1000) / 1000),
        cpuS: s.map((x) => (x.cpuS === null ? null : Math.round(x.cpuS * 100) / 100)),
        wallMedianS: wall,
        cpuMedianS: cpu,
        peakRssMb: rssMax,
        mbPerS: ds.bytes / 1e6 / wall,
        rowsPerS: ds.rows / wall,
        nsPerRow: (wall / ds.rows) * 1e9,
        ...(v === 'duckdb' && outputs.duckdb ? { duckdbVersion: outputs.duckdb.duckdb } : {}),
        ...(v === 'botkpi' && mismatches !== null ? { mismatches: mismatches.length } : {}),
        ...(v.startsWith('botkpi') && outputs[v]
          ? {
              messages: outputs[v].kpis?.conversations?.messages?.total ?? null,
              customerMessages: outputs[v].kpis?.conversations?.messages?.customer ?? null,
              languageDetected: outputs[v].dataQuality?.languageDetected ?? null,
              sentimentComputed: outputs[v].dataQuality?.sentiment?.computed ?? null,
            }
          : {}),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const find = (variant, size, format, kind = 'text') => results.find((r) => r.variant === variant && r.size === size && r.format === format && r.data === kind);

console.log('\n== Results (wall = median of runs; peak RSS = max over runs; MB = 10^6 bytes of input; ratio = botkpi / DuckDB)');
const mainRows = [];
for (const size of SIZES) {
  for (const format of FORMATS) {
    const b = find('botkpi', size, format);
    const d = find('duckdb', size, format);
    if (!b && !d) continue;
    mainRows.push([
      `${sizeLabel(size)} ${format}`,
      fmtInt(b?.rows ?? d?.rows),
      fmt(b?.wallMedianS),
      fmt(b?.cpuMedianS),
      fmt(b?.peakRssMb, 0),
      fmt(b?.mbPerS, 1),
      fmtInt(b?.rowsPerS),
      fmt(d?.wallMedianS),
      fmt(d?.cpuMedianS),
      fmt(d?.peakRssMb, 0),
      fmt(d?.mbPerS, 1),
      fmtInt(d?.rowsPerS),
      b && d ? `${fmt(b.wallMedianS / d.wallMedianS)}×` : '—',
      b && d && b.peakRssMb && d.peakRssMb ? `${fmt(b.peakRssMb / d.peakRssMb)}×` : '—',
      b?.mismatches === undefined ? '—' : b.mismatches === 0 ? 'ok' : `${b.mismatches} MISMATCH`,
    ]);
  }
}
console.log(
  table(
    ['set', 'rows', 'bk wall s', 'bk cpu s', 'bk RSS MB', 'bk MB/s', 'bk rows/s', 'dd wall s', 'dd cpu s', 'dd RSS MB', 'dd MB/s', 'dd rows/s', 'time ratio', 'RSS ratio', 'values'],
    mainRows,
  ),
);
console.log('   bk = botkpi report --format json; dd = DuckDB (bench/duckdb-kpis.mjs); wall includes process start-up (node + imports)');

const ratios = { scaling: [], csvVsJsonl: [], breakdown: null, textAnalysis: null };

console.log('\n== Time per row across sizes (wall median / rows)');
const scaleRows = [];
for (const tool of ['botkpi', 'duckdb']) {
  for (const format of FORMATS) {
    const pts = SIZES.map((s) => find(tool, s, format)).filter(Boolean);
    if (pts.length === 0) continue;
    const cells = pts.map((p, i) => {
      const prev = pts[i - 1];
      const r = prev ? p.nsPerRow / prev.nsPerRow : null;
      ratios.scaling.push({ tool, format, size: p.size, nsPerRow: p.nsPerRow, vsPrevious: r });
      return `${sizeLabel(p.size)}: ${fmt(p.nsPerRow / 1000)} µs${r === null ? '' : ` (×${fmt(r)})`}`;
    });
    scaleRows.push([`${tool} ${format}`, cells.join('  →  ')]);
  }
}
console.log(table(['tool', 'µs per row (× previous size)'], scaleRows));

if (FORMATS.includes('csv') && FORMATS.includes('jsonl')) {
  console.log('\n== CSV vs JSONL (wall ratio csv / jsonl)');
  const rows = [];
  for (const size of SIZES) {
    const cells = [sizeLabel(size)];
    for (const tool of ['botkpi', 'duckdb']) {
      const c = find(tool, size, 'csv');
      const j = find(tool, size, 'jsonl');
      const r = c && j ? c.wallMedianS / j.wallMedianS : null;
      if (r !== null) ratios.csvVsJsonl.push({ tool, size, ratio: r, csvBytes: c.bytes, jsonlBytes: j.bytes });
      cells.push(r === null ? '—' : `${fmt(r)}×`);
    }
    const c = find('botkpi', size, 'csv');
    const j = find('botkpi', size, 'jsonl');
    cells.push(c && j ? `${fmt(c.bytes / j.bytes)}×` : '—');
    rows.push(cells);
  }
  console.log(table(['size', 'botkpi', 'duckdb', 'file size csv/jsonl'], rows));
}

const by = results.find((r) => r.variant === 'botkpi-by-week-channel' && r.data === 'text');
if (by) {
  const base = find('botkpi', by.size, by.format);
  const r = base ? by.wallMedianS / base.wallMedianS : null;
  ratios.breakdown = { size: by.size, format: by.format, withBreakdownS: by.wallMedianS, withoutS: base?.wallMedianS ?? null, ratio: r, rssRatio: base ? by.peakRssMb / base.peakRssMb : null };
  console.log(`\n== Breakdown cost (${sizeLabel(by.size)} ${by.format}): report --by week --by channel ${fmt(by.wallMedianS)} s vs ${fmt(base?.wallMedianS)} s without → ${fmt(r)}× wall, RSS ${fmt(by.peakRssMb, 0)} vs ${fmt(base?.peakRssMb, 0)} MB`);
}

/**
 * Cost of what `variant` turns off: medians of botkpi (default) minus `variant` on one set, in
 * seconds, and per million messages / customer messages; the run-to-run spread says what is noise.
 */
function textCost(variant, kind, label) {
  const off = results.find((r) => r.variant === variant && r.data === kind);
  if (!off) return null;
  const base = find('botkpi', off.size, off.format, kind);
  if (!base) return null;
  const spread = (r) => (r.wallS.length > 1 ? Math.max(...r.wallS) - Math.min(...r.wallS) : 0);
  const diffWall = base.wallMedianS - off.wallMedianS;
  const diffCpu = base.cpuMedianS !== null && off.cpuMedianS !== null ? base.cpuMedianS - off.cpuMedianS : null;
  const perM = (d, n) => (d === null || !n ? null : (d / n) * 1e6);
  return {
    label,
    size: off.size,
    format: off.format,
    data: kind,
    flags: VARIANTS[variant].args('F').slice(6).join(' '),
    defaultWallS: base.wallMedianS,
    offWallS: off.wallMedianS,
    diffWallS: diffWall,
    diffCpuS: diffCpu,
    noiseWallS: Math.max(spread(base), spread(off)),
    messages: base.messages,
    customerMessages: base.customerMessages,
    wallSecondsPerMillionMessages: perM(diffWall, base.messages),
    cpuSecondsPerMillionMessages: perM(diffCpu, base.messages),
    wallSecondsPerMillionCustomerMessages: perM(diffWall, base.customerMessages),
    cpuSecondsPerMillionCustomerMessages: perM(diffCpu, base.customerMessages),
    defaultDid: { languageDetected: base.languageDetected, sentimentComputed: base.sentimentComputed },
    offDid: { languageDetected: off.languageDetected, sentimentComputed: off.sentimentComputed },
  };
}

const textCosts = [
  textCost('botkpi-no-detect-language', 'text', 'A: --no-detect-language'),
  textCost('botkpi-no-text-analysis', 'text', 'B: --no-detect-language --no-text-sentiment'),
  textCost('botkpi-no-detect-language', 'text-nolang', 'C: --no-detect-language, no language field'),
].filter(Boolean);
if (textCosts.length > 0) {
  ratios.textAnalysis = textCosts;
  console.log(`\n== Text analysis cost (language detection + sentiment scoring), ${sizeLabel(textCosts[0].size)} ${textCosts[0].format}`);
  console.log(
    table(
      ['comparison', 'default s', 'off s', 'Δ wall s', 'Δ cpu s', 'spread s', 's/M msgs (wall)', 's/M msgs (cpu)', 's/M cust. msgs (cpu)', 'default did', 'off did'],
      textCosts.map((t) => [
        t.label,
        fmt(t.defaultWallS),
        fmt(t.offWallS),
        fmt(t.diffWallS),
        fmt(t.diffCpuS),
        fmt(t.noiseWallS),
        fmt(t.wallSecondsPerMillionMessages),
        fmt(t.cpuSecondsPerMillionMessages),
        fmt(t.cpuSecondsPerMillionCustomerMessages),
        `${t.defaultDid.languageDetected ?? '—'} lang, ${t.defaultDid.sentimentComputed ?? '—'} scores`,
        `${t.offDid.languageDetected ?? '—'} lang, ${t.offDid.sentimentComputed ?? '—'} scores`,
      ]),
    ),
  );
  console.log('   each row: default run minus the run with those flags (medians). A: language detection off; the generated rows all carry a language,');
  console.log('   so nothing is detected and A measures ~nothing. B: all text analysis off = the cost of sentiment scoring here. C: the same set');
  console.log('   without the language field: detection runs, and scoring depends on it, so C = detection + the scoring it enables.');
  console.log('   s/M msgs = seconds per million messages (all roles); the differences include one-off loading of lexicons / the language model.');
  console.log('   "did" = languages detected / sentiment scores computed in that run.');
  for (const t of textCosts) {
    if (Math.abs(t.diffWallS) <= t.noiseWallS) console.log(`   note: "${t.label}": the wall difference is within run-to-run spread`);
  }
}

// ---------------------------------------------------------------------------------------------
// Targets: each measured against what was asked of it; a target whose sets were not run says so.

const TARGET_SIZE = 200_000;
const LARGE_SIZE = 1_000_000;
/** One target: its statement, the measured value as text, and whether it is met (null: not measured). */
function target(statement, measured, met) {
  return { statement, measured: measured ?? 'not measured', met: measured === null ? null : met };
}
const targets = [];
{
  const b = find('botkpi', TARGET_SIZE, 'jsonl');
  const d = find('duckdb', TARGET_SIZE, 'jsonl');
  const r = b && d ? b.wallMedianS / d.wallMedianS : null;
  targets.push(target('200k JSONL: botkpi wall ≤ DuckDB wall (ratio ≤ 1.0)', r === null ? null : `${fmt(r)}× (${fmt(b.wallMedianS)} s vs ${fmt(d.wallMedianS)} s)`, r !== null && r <= 1));
  const c = find('botkpi', TARGET_SIZE, 'csv');
  const cr = c && b ? c.wallMedianS / b.wallMedianS : null;
  targets.push(target('200k: botkpi CSV within 1.3× of JSONL', cr === null ? null : `${fmt(cr)}×`, cr !== null && cr <= 1.3));
  const rss = [b, c].filter(Boolean).map((x) => x.peakRssMb).filter((x) => x !== null);
  targets.push(target('200k: peak RSS ≤ 400 MB', rss.length === 0 ? null : `${fmt(Math.max(...rss), 0)} MB`, rss.length > 0 && Math.max(...rss) <= 400));
  const large = [find('botkpi', LARGE_SIZE, 'jsonl'), find('botkpi', LARGE_SIZE, 'csv')].filter(Boolean);
  const lrss = large.map((x) => x.peakRssMb).filter((x) => x !== null);
  targets.push(target('1M: peak RSS ≤ 1 GB (1000 MB)', lrss.length === 0 ? null : `${fmt(Math.max(...lrss), 0)} MB`, lrss.length > 0 && Math.max(...lrss) <= 1000));
  for (const format of FORMATS) {
    const small = find('botkpi', TARGET_SIZE, format);
    const big = find('botkpi', LARGE_SIZE, format);
    const g = small && big ? big.nsPerRow / small.nsPerRow : null;
    targets.push(target(`${format}: time per row flat within 10 % from 200k to 1M`, g === null ? null : `×${fmt(g)} (${fmt(small.nsPerRow / 1000)} → ${fmt(big.nsPerRow / 1000)} µs)`, g !== null && g <= 1.1 && g >= 0.9));
  }
  const br = ratios.breakdown?.ratio ?? null;
  targets.push(target('--by week --by channel at most 10 % slower', br === null ? null : `${fmt(br)}×`, br !== null && br <= 1.1));
}
console.log('\n== Targets');
console.log(table(['target', 'measured', ''], targets.map((t) => [t.statement, t.measured, t.met === null ? '—' : t.met ? 'met' : 'MISSED'])));

// ---------------------------------------------------------------------------------------------
// Mismatches, failures, saved results, change vs previous

if (allMismatches.length > 0) {
  console.log(banner(`${allMismatches.length} VALUE MISMATCH(ES) between botkpi and DuckDB — one side is wrong`));
  console.log(table(['set', 'kpi', 'botkpi', 'duckdb'], allMismatches.map((m) => [`${sizeLabel(m.size)} ${m.format}`, m.kpi, String(m.botkpi), String(m.duckdb)])));
} else if (results.some((r) => r.variant === 'duckdb')) {
  console.log('\n== Values: botkpi and DuckDB agree on every compared KPI field for every set.');
}
if (failures.length > 0) console.log(banner(`${failures.length} run(s) FAILED: ${failures.map((f) => `${f.variant} ${sizeLabel(f.size)} ${f.format} ${f.kind}`).join(', ')}`));

const loadAfter = os.loadavg();
const output = {
  schema: 1,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { ...machine, loadAvgBefore: loadBefore, loadAvgAfter: loadAfter },
  gitCommit,
  botkpiVersion,
  distHash,
  duckdbVersion: results.find((r) => r.duckdbVersion)?.duckdbVersion ?? null,
  generator: { hash: genHash, seed: SEED, text: true, profile: PROFILE },
  runsPerTool: RUNS,
  rssMethod: RSS_METHOD,
  wallMethod: 'parent process hrtime from spawn to exit (includes node start-up and imports)',
  results,
  ratios,
  targets,
  mismatches: allMismatches,
  failures: failures.map(({ stderr, ...f }) => ({ ...f, stderr: stderr?.slice(-500) })),
};

const outPath = opt.out;
if (existsSync(outPath)) {
  try {
    const prev = JSON.parse(readFileSync(outPath, 'utf8'));
    const rows = [];
    for (const r of results) {
      const p = prev.results?.find((x) => x.variant === r.variant && x.size === r.size && x.format === r.format && (x.data ?? 'text') === r.data);
      if (!p) continue;
      rows.push([
        `${r.variant} ${sizeLabel(r.size)} ${r.format}${r.data === 'text' ? '' : ` ${r.data}`}`,
        `${fmt(p.wallMedianS)} → ${fmt(r.wallMedianS)}`,
        fmtPct(pct(r.wallMedianS, p.wallMedianS)),
        `${fmt(p.cpuMedianS)} → ${fmt(r.cpuMedianS)}`,
        fmtPct(pct(r.cpuMedianS, p.cpuMedianS)),
        `${fmt(p.peakRssMb, 0)} → ${fmt(r.peakRssMb, 0)}`,
        fmtPct(pct(r.peakRssMb, p.peakRssMb)),
      ]);
    }
    if (rows.length > 0) {
      console.log(`\n== Change vs previous ${relative(ROOT, outPath)} (${prev.startedAt ?? '?'}, commit ${prev.gitCommit?.slice(0, 10) ?? '?'}, ${prev.machine?.cpus ?? '?'} × ${prev.machine?.cpuModel ?? '?'})`);
      if (prev.machine?.cpuModel !== machine.cpuModel || prev.machine?.cpus !== machine.cpus) console.log('   note: different machine: compare with care');
      if (prev.generator?.hash !== genHash) console.log('   note: the generator changed since then: different data');
      if (prev.generator?.profile !== PROFILE) console.log(`   note: data profile then ${prev.generator?.profile ?? 'not recorded'}, now ${PROFILE}: different data`);
      if (prev.distHash !== undefined) console.log(`   build then ${prev.distHash}, now ${distHash}${prev.distHash === distHash ? ' (same build: differences are noise)' : ''}`);
      const l = (x) => (Array.isArray(x) ? x[0].toFixed(2) : '?');
      console.log(`   load average (1 min) then ${l(prev.machine?.loadAvgBefore)}→${l(prev.machine?.loadAvgAfter)}, now ${l(loadBefore)}→${l(loadAfter)}; on a busy machine trust Δ cpu more than Δ wall`);
      console.log(table(['variant / set', 'wall s', 'Δ wall', 'cpu s', 'Δ cpu', 'RSS MB', 'Δ RSS'], rows));
    }
  } catch (e) {
    console.log(`   (could not read previous results ${outPath}: ${e.message})`);
  }
}
if (!opt['no-save']) {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\n   results written to ${relative(ROOT, outPath)}`);
}

process.exitCode = allMismatches.length > 0 || failures.length > 0 ? 1 : 0;
