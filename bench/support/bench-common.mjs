// Helpers shared by the benchmarks in bench/: seeded randomness, deadlines, statistics, process
// memory and CPU from /proc, and the bookkeeping that makes sure no spawned process outlives a run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

// ---------------------------------------------------------------------------------------------
// Seeded randomness: generated workspaces are the same on every machine and every run.
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomTools(random) {
  return {
    pick: (values) => values[Math.floor(random() * values.length)],
    chance: (p) => random() < p,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
}

// ---------------------------------------------------------------------------------------------
// Deadlines and statistics.
// ---------------------------------------------------------------------------------------------

/** Rejects when `promise` has not settled within `ms`; every wait in the benchmarks goes through here. */
export function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function percentile(sorted, p) {
  // Nearest rank: p95 of 30 samples is the 29th, an observed value rather than an interpolation.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

export function verdict(value, limit, { atMost = false } = {}) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return (atMost ? value <= limit : value < limit) ? 'met' : 'MISSED';
}

export function machineInfo(loadBefore) {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}`,
    loadAverage1m: {
      before: Math.round(loadBefore[0] * 100) / 100,
      after: Math.round(os.loadavg()[0] * 100) / 100,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Process memory and CPU.
// ---------------------------------------------------------------------------------------------

/** VmRSS (now) and VmHWM (peak) of a process, in MB; undefined where /proc is not available. */
export function processMemory(pid) {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return undefined;
  const status = readFileSync(file, 'utf8');
  const megabytes = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return {
    rssMB: Math.round(megabytes('VmRSS') * 10) / 10,
    peakMB: Math.round(megabytes('VmHWM') * 10) / 10,
  };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on practically every Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system) a process has used so far, in ms; undefined without /proc. Unlike wall
 * time it does not grow when other processes compete for the CPU, so it is the steadier figure on a
 * busy machine (resolution 10 ms: only meaningful summed over many edits).
 */
export function processCpuMs(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

// ---------------------------------------------------------------------------------------------
// Child processes.
// ---------------------------------------------------------------------------------------------

const children = new Set();

/**
 * Spawns `node <args>` with piped stdio and remembers the child until it exits, so that
 * killRemainingChildren can end whatever is left however the benchmark ends.
 */
export function spawnNode(args, { cwd } = {}) {
  const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000); // the tail is what explains a crash
  });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, stderrTail: () => stderr };
}

/** Kills whatever is still running when the script ends, however it ends. */
export function killRemainingChildren() {
  for (const child of children) child.kill('SIGKILL');
}
