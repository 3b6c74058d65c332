// What the rush measures about time and the bot's process: percentiles (nearest rank, over every answer) and the
// process's CPU seconds and memory, read from /proc like ps does.
import { readFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';

const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Nearest-rank percentile of `values` (ms); NaN when there are none. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const summary = values => ({ n: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100) });

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid) {
  // Fields after the ")" that closes the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / ticks;
}

/** Resident memory now and at its peak (VmRSS, VmHWM), MiB. */
export function memoryMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = key => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export const sleepUntil = (at, now = () => performance.now()) => new Promise(ok => setTimeout(ok, Math.max(0, at - now())));

/**
 * With RUSH_COUNTERS=1: the runtime's and the bot's own counters (thread pool, GC, lock contention, turn durations)
 * once a second into `file` (CSV), by dotnet-counters (install: dotnet tool install dotnet-counters --tool-path
 * artifacts/tools). Returns a function that stops it; a no-op when not asked for.
 */
export function startCounters(tool, pid, file) {
  if (process.env.RUSH_COUNTERS !== '1') return () => {};
  const p = spawn(tool, ['collect', '--process-id', String(pid), '--refresh-interval', '1', '--format', 'csv', '-o', file,
    '--counters', 'System.Runtime,Microsoft.AspNetCore.Hosting,VocEdWeek.Bot'], { stdio: 'ignore' });
  p.on('error', e => console.error(`dotnet-counters did not start (${e.message}); install it with: dotnet tool install dotnet-counters --tool-path artifacts/tools`));
  return () => p.kill('SIGINT');
}
