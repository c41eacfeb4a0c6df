/**
 * "Create snapshot": a data snapshot registered in the catalog around a storage snapshot taken by
 * the policy's command — CREATE SNAPSHOT, the command, then CLOSE SNAPSHOT SUCCESSFUL with the id the
 * command printed, or UNSUCCESSFUL with the reason. No VS Code here: the command and the CLI both
 * use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { SqlRunner } from '../hana/connectionPool';
import { HanaAccessError } from '../hana/errors';
import { integer, literal, sql, type SqlStatement } from '../hana/sqlText';

export interface SnapshotCommand {
  program: string;
  args?: string[];
  timeoutMs: number;
  cwd?: string;
}

export interface SnapshotRequest {
  comment: string;
  /** The policy's `destinations.snapshot.command`; without it nothing is created. */
  command?: SnapshotCommand;
  /** SID handed to the command. */
  sid: string;
}

export interface SnapshotRunOptions {
  /** Aborting stops the command; the snapshot is then closed as unsuccessful. */
  signal?: AbortSignal;
  /** One line per step, with the statement about to run. */
  onStep?(text: string): void;
}

export interface SnapshotOutcome {
  state: 'successful' | 'unsuccessful';
  backupId: string;
  externalId?: string;
  /** Why the snapshot was closed as unsuccessful, as written to the catalog. */
  reason?: string;
  /** The end of what the command wrote to stdout and stderr. */
  commandOutput: string;
}

export type SnapshotClose = { successful: true; externalId: string } | { successful: false; reason?: string };

/** M_BACKUP_CATALOG_FILES.EXTERNAL_BACKUP_ID is NVARCHAR(64). */
const EXTERNAL_ID_MAX = 64;
/** M_BACKUP_CATALOG.MESSAGE is NVARCHAR(512). */
const REASON_MAX = 500;
const OUTPUT_TAIL = 4000;
/** Between SIGTERM and SIGKILL: time for the command to clean up (e.g. thaw a frozen file system). */
const KILL_GRACE_MS = 5000;
/** A process group (so helpers the command started go too) exists only on POSIX. */
const GROUPS = process.platform !== 'win32';

/** `BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT '<comment>'`. */
export function createSnapshotStatement(comment: string): SqlStatement {
  return sql`BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT ${literal(comment)}`;
}

/** `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID <id> SUCCESSFUL '<external id>' | UNSUCCESSFUL ['<reason>']`. */
export function closeSnapshotStatement(backupId: string | number, close: SnapshotClose): SqlStatement {
  const head = sql`BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${integer(backupId)}`;
  if (close.successful) return sql`${head} SUCCESSFUL ${literal(close.externalId)}`;
  return close.reason !== undefined
    ? sql`${head} UNSUCCESSFUL ${literal(close.reason)}`
    : sql`${head} UNSUCCESSFUL`;
}

/** Confirms a prepared snapshot (e.g. one found in the catalog) with the storage snapshot's id. */
export async function confirmSnapshot(
  runner: SqlRunner,
  backupId: string | number,
  externalId: string,
): Promise<void> {
  await runner.exec(closeSnapshotStatement(backupId, { successful: true, externalId }));
}

/** Closes a prepared snapshot as unsuccessful. */
export async function abandonSnapshot(
  runner: SqlRunner,
  backupId: string | number,
  reason?: string,
): Promise<void> {
  await runner.exec(closeSnapshotStatement(backupId, { successful: false, reason }));
}

/** Keeps the last `limit` characters of a stream of text. */
class Tail {
  private text = '';
  private cut = false;

  constructor(private readonly limit: number) {}

  add(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit) {
      this.text = this.text.slice(-this.limit);
      this.cut = true;
    }
  }

  toString(): string {
    return this.cut ? `…${this.text}` : this.text;
  }
}

interface CommandRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stoppedFor?: 'timeout' | 'abort';
  spawnError?: Error;
  stdout: string;
  output: string;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (GROUPS) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

/** Runs the command without a shell; resolves (never rejects) once it and its output are done. */
function runCommand(
  command: SnapshotCommand,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<CommandRun> {
  const stdout = new Tail(OUTPUT_TAIL);
  const output = new Tail(OUTPUT_TAIL);
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ code: null, signal: null, stoppedFor: 'abort', stdout: '', output: '' });
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(command.program, command.args ?? [], {
        cwd: command.cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: GROUPS,
        windowsHide: true,
      });
    } catch (error) {
      resolve({ code: null, signal: null, spawnError: error as Error, stdout: '', output: '' });
      return;
    }
    let stoppedFor: CommandRun['stoppedFor'];
    let spawnError: Error | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: 'timeout' | 'abort') => {
      if (stoppedFor) return;
      stoppedFor = why;
      kill(child, 'SIGTERM');
      killTimer = setTimeout(() => kill(child, 'SIGKILL'), KILL_GRACE_MS);
    };
    const timer = setTimeout(() => stop('timeout'), command.timeoutMs);
    const onAbort = () => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout.add(chunk);
      output.add(chunk);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.add(chunk));
    child.on('error', (error) => (spawnError = error));
    child.on('close', (code, closedBy) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve({
        code,
        signal: closedBy,
        stoppedFor,
        spawnError,
        stdout: stdout.toString(),
        output: output.toString(),
      });
    });
  });
}

/** The external id the command printed (its last non-empty stdout line), or why there is none. */
function verdict(command: SnapshotCommand, run: CommandRun): { externalId: string } | { reason: string } {
  const program = command.program;
  if (run.spawnError)
    return { reason: `the snapshot command ${program} could not be started: ${run.spawnError.message}` };
  if (run.stoppedFor === 'timeout')
    return {
      reason: `the snapshot command ${program} did not finish within ${command.timeoutMs / 1000} s and was stopped`,
    };
  if (run.stoppedFor === 'abort') return { reason: `canceled by the user (snapshot command ${program})` };
  if (run.signal) return { reason: `the snapshot command ${program} was ended by ${run.signal}` };
  if (run.code !== 0) return { reason: `the snapshot command ${program} exited with code ${run.code}` };
  const externalId = run.stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
  if (!externalId)
    return { reason: `the snapshot command ${program} printed no external id (expected on its last line)` };
  if (externalId.length > EXTERNAL_ID_MAX || /\p{Cc}/u.test(externalId)) {
    return {
      reason: `the snapshot command ${program} printed an external id HANA cannot keep (at most ${EXTERNAL_ID_MAX} characters, no control characters)`,
    };
  }
  return { externalId };
}

async function preparedSnapshotId(runner: SqlRunner): Promise<string> {
  const rows = await runner.exec<{ BACKUP_ID: number | string }>(
    sql`SELECT TOP 1 BACKUP_ID FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = ${'data snapshot'} AND STATE_NAME = ${'prepared'} ORDER BY BACKUP_ID DESC`,
  );
  if (!rows.length) {
    throw new Error(
      `CREATE SNAPSHOT ran on ${runner.name}, but no prepared data snapshot is in its catalog.`,
    );
  }
  return String(rows[0].BACKUP_ID);
}

/**
 * Creates a data snapshot around the storage snapshot taken by `request.command`, which gets
 * BACKUP_ID, SID and DATABASE=SYSTEMDB in its environment and prints the storage snapshot's id on
 * its last line. Runs on a SYSTEMDB connection.
 */
export async function createSnapshot(
  runner: SqlRunner,
  request: SnapshotRequest,
  options: SnapshotRunOptions = {},
): Promise<SnapshotOutcome> {
  const { command } = request;
  if (!command) {
    throw new Error(
      'No snapshot command is configured: set destinations.snapshot.command (and its timeout) in the backup policy. Nothing was created.',
    );
  }
  options.signal?.throwIfAborted();
  const create = createSnapshotStatement(request.comment);
  options.onStep?.(`Preparing the data snapshot: ${create.toDisplayString()}`);
  await runner.exec(create);
  const backupId = await preparedSnapshotId(runner);

  options.onStep?.(`Taking the storage snapshot: ${[command.program, ...(command.args ?? [])].join(' ')}`);
  const env = { ...process.env, BACKUP_ID: backupId, SID: request.sid, DATABASE: 'SYSTEMDB' };
  const run = await runCommand(command, env, options.signal);
  const result = verdict(command, run);

  if ('reason' in result) {
    const reason = result.reason.slice(0, REASON_MAX);
    const close = closeSnapshotStatement(backupId, { successful: false, reason });
    options.onStep?.(`Closing the data snapshot as unsuccessful: ${close.toDisplayString()}`);
    await runner.exec(close);
    return { state: 'unsuccessful', backupId, reason, commandOutput: run.output };
  }
  const close = closeSnapshotStatement(backupId, { successful: true, externalId: result.externalId });
  options.onStep?.(`Confirming the data snapshot: ${close.toDisplayString()}`);
  try {
    await runner.exec(close);
  } catch (error) {
    // The storage snapshot exists: say which id confirms it, rather than abandon a usable snapshot.
    if (!(error instanceof HanaAccessError)) throw error;
    throw new HanaAccessError(
      `The storage snapshot ${result.externalId} was taken, but confirming data snapshot ${backupId} failed (${error.message}); it stays prepared: confirm it with that external id.`,
      error.kind,
      error.code,
      error.hanaText,
      error.privileges,
    );
  }
  return { state: 'successful', backupId, externalId: result.externalId, commandOutput: run.output };
}
