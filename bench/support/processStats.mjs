// Process memory and CPU from /proc.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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

/** CPU time `pid` has used since `before` (a processCpuMs reading); undefined without /proc. */
export function cpuMsSince(pid, before) {
  return before === undefined ? undefined : processCpuMs(pid) - before;
}
