// Runs the built CLI (bin/hana-backup.js) as a user or a CI job does, in a temporary copy of the
// shared example workspace.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'hana-backup.js');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'shared-examples', 'workspace');
const DEADLINE_MS = 20_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/hana-backup.js ...args` in `cwd` (with `env` added); resolves when it exits (killed after 20 s). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const deadline = setTimeout(() => {
      child.kill();
      reject(
        new Error(`hana-backup ${args.join(' ')} did not finish within ${DEADLINE_MS} ms; stderr: ${stderr}`),
      );
    }, DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A JSON-format run, parsed. */
export async function lintJson(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; problems: JsonProblem[] }> {
  const result = await runCli(['lint', ...args, '--format', 'json'], cwd);
  let problems: JsonProblem[];
  try {
    problems = JSON.parse(result.stdout) as JsonProblem[];
  } catch {
    throw new Error(`not JSON (exit ${String(result.code)}): ${result.stdout}\n${result.stderr}`);
  }
  return { code: result.code, problems };
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/**
 * A fresh copy of the example workspace in the temp folder, with `files` (relative path → text)
 * added; `withoutExamples` leaves the examples out.
 */
export function makeWorkspace(files: Record<string, string> = {}, withoutExamples = false): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-cli-')));
  if (!withoutExamples) fs.cpSync(FIXTURE_WORKSPACE, folder, { recursive: true });
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(folder, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return folder;
}

export function removeWorkspace(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}
