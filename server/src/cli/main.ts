import { parseArgs } from 'node:util';
import { startServer } from '../lsp/server';
import { applyCommand } from './live/applyCommand';
import { planRecoveryCommand } from './live/planRecoveryCommand';
import { pruneCommand } from './live/pruneCommand';
import { runDueCommand } from './live/runDueCommand';
import { loadSettings } from './cliSettings';
import { formatJson, formatSarif, formatText } from './formatters';
import { lintFiles, resolveInputs, UsageError } from './lintFiles';

declare const HANA_BACKUP_VERSION: string | undefined;
const VERSION = typeof HANA_BACKUP_VERSION === 'string' ? HANA_BACKUP_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  hana-backup lint [paths or globs...] [--format text|json|sarif] [--max-warnings N] [--settings FILE]
  hana-backup lsp --stdio
  hana-backup apply --policy FILE [--dry-run] [connection options]
  hana-backup run-due --policy FILE [--dry-run] [connection options]
  hana-backup prune --policy FILE [--dry-run] [connection options]
  hana-backup plan-recovery --database DB TARGET [connection options]
  hana-backup --version

Connection options (live commands): [--connection NAME] [--settings FILE] [--password-env VAR]
[--format text|json]. The connection comes from hanaBackup.connections in --settings or the nearest
.vscode/settings.json; its secret from its hdbuserstore key (userStoreKey) or the environment
variable named by --password-env or its passwordEnv — never from the command line. apply, run-due
and prune act on each system the policy targets (--connection: only that one); plan-recovery needs
--connection unless the settings hold a single connection.

prune deletes the catalog entries the policy's retention no longer needs (ALL BEFORE BACKUP_ID,
COMPLETE only with deleteFromDestination); a policy without retention is left alone.
plan-recovery plans, it does not recover. TARGET is exactly one of (never guessed):
  --until TIME                 a point in time
  --latest                     the most recent state
  --backup-id ID               one data backup, no log replay
  --snapshot [ID] [--until TIME]  the newest (or the named) data snapshot, with log replay to TIME
TIME is ISO 8601 with a zone (2026-11-20T14:30:00Z, 2026-11-20T15:30:00+01:00) or
'YYYY-MM-DD HH:MM:SS', which means UTC (as HANA's UNTIL TIMESTAMP).

Live commands exit 0 when done or nothing is to do, 1 when a dry run finds work to do or a
backup/statement failed, 2 on a usage error, 3 when HANA cannot be reached or refuses.
plan-recovery exits 0 when the target can be reached — for SYSTEMDB too, whose plan it prints with
the recoverSys.py command line that runs it, as SQL cannot — and 1 when it cannot (the reason
printed). prune exits 2 also for a policy whose time zone is unknown (the others still run).

lint checks backup policies (*.backup-policy.yaml, backup-policies/**/*.yaml), global.ini layers
(global.ini, *.ini with a "# hana-backup: layer=..." line) and Backint parameter files with the rules
of the editor. A folder means every such file below it; no path means the current folder. Connections for
HBP130 come from --settings or the nearest .vscode/settings.json.
Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage error.
`;

async function lint(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      settings: { type: 'string' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError('--max-warnings must be a whole number of 0 or more');
  }
  const cwd = process.cwd();
  const settings = loadSettings(cwd, values.settings);
  const files = await resolveInputs(positionals, cwd);
  const { problems, checked } = lintFiles(files, settings, cwd);
  const output =
    format === 'json'
      ? formatJson(problems)
      : format === 'sarif'
        ? formatSarif(problems, VERSION)
        : formatText(problems, checked);
  process.stdout.write(output);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    process.stderr.write(
      `hana-backup: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'lint') return lint(rest);
  if (command === 'apply') return applyCommand(rest);
  if (command === 'run-due') return runDueCommand(rest);
  if (command === 'prune') return pruneCommand(rest);
  if (command === 'plan-recovery') return planRecoveryCommand(rest);
  if (command === 'lsp') {
    if (!rest.includes('--stdio'))
      throw new UsageError('lsp needs --stdio (the only transport offered to other editors)');
    startServer();
    return undefined;
  }
  throw new UsageError(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`hana-backup: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`hana-backup: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  },
);
