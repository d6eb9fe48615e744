/**
 * Fallback resource probe, used only when /usr/bin/time is missing (see bench/README.md).
 * Loaded into a benchmarked Node process with `node --import <this file> …`; when the process
 * exits it writes its own peak RSS and CPU time (getrusage(RUSAGE_SELF) via
 * process.resourceUsage()) as JSON to the file named by BENCH_RSS_FILE. Native memory (DuckDB's
 * buffers) is part of the process's RSS, so this works for both tools.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    // maxRSS is in kilobytes; CPU times in microseconds.
    writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, userS: u.userCPUTime / 1e6, sysS: u.systemCPUTime / 1e6 }));
  });
}
