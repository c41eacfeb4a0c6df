// The machine's processes as /proc shows them (Linux), for tests that look at what runs beside them.
import * as fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  /** Command line arguments; empty for a process that exited and was not reaped yet. */
  args: string[];
}

/** Whether this machine has a /proc to read. */
export function hasProcFs(): boolean {
  return fs.existsSync('/proc/self/cmdline');
}

function readArgs(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
  } catch {
    return undefined; // exited while we were looking
  }
}

/** Every process of the machine. */
export function processes(): ProcessInfo[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      const args = readArgs(Number(entry));
      return args ? [{ pid: Number(entry), args }] : [];
    });
}

/** This process and its parents up to (not including) init, nearest first. */
export function ancestors(): ProcessInfo[] {
  const chain: ProcessInfo[] = [];
  for (let pid = process.pid; pid > 1;) {
    chain.push({ pid, args: readArgs(pid) ?? [] });
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state ppid …": the name may hold spaces and parentheses, so read after the last ")".
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain;
}

/**
 * The language server this extension host started: vscode-languageclient hands the server our pid
 * (`--clientProcessId`), so another window's server on the same machine is never taken for it.
 */
export function languageServerPid(): number | undefined {
  return processes().find(
    (p) => p.args.some((a) => a.endsWith('server.js')) && p.args.includes(`--clientProcessId=${process.pid}`),
  )?.pid;
}
