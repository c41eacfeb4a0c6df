// The machine a run measured on: its figures only mean something next to its CPU and its load.
import os from 'node:os';

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

export function printMachine(machine) {
  const load = machine.loadAverage1m;
  console.log(
    `\nNode ${machine.node}, ${machine.cpu}, load average (1 min) ${load.before} before, ${load.after} after`,
  );
}
