/**
 * Which database to recover, and to what: from the tree node the command was invoked on (a
 * database, or a data backup or snapshot entry), from a plain argument (other extensions, tests:
 * `{ connection, database, target: { kind: 'time', at: '2026-11-20T14:30:00Z' } }`), or asked for.
 */
import * as vscode from 'vscode';
import { ENTRY_TYPE, type CatalogEntry } from '../catalog/catalogTypes';
import { readDataBackups, readSnapshots } from '../catalog/dataBackupQueries';
import { readSystemOverview } from '../catalog/landscapeQueries';
import { pickConnection } from '../connections/connectionCommands';
import type { SqlRunner } from '../hana/connectionPool';
import { POINT_IN_TIME_FORMS, parsePointInTime } from '../recovery/pointInTimeText';
import { untilTimestampText } from '../recovery/recoverStatements';
import type { RecoveryTarget } from '../recovery/recoveryTypes';
import { databaseOf, type CommandContext } from './commandContext';

export interface RecoveryRequest {
  connection: string;
  database: string;
  target: RecoveryTarget;
  runner: SqlRunner;
}

interface RecoveryArgument {
  kind?: string;
  connection?: string;
  database?: string | { name: string };
  entry?: CatalogEntry;
  target?: { kind?: string; at?: string | Date; backupId?: string | number; until?: string | Date };
}

/** How far back the data backup pick list reaches. */
const BACKUP_CHOICE_DAYS = 60;
const CHOICE_LIMIT = 50;

export async function chooseRecovery(
  ctx: CommandContext,
  argument: unknown,
  purpose: string,
): Promise<RecoveryRequest | undefined> {
  const given = (argument && typeof argument === 'object' ? argument : {}) as RecoveryArgument;
  const config = await pickConnection(ctx.connections, given.connection, `${purpose}: which system?`);
  if (!config) return undefined;
  const runner = await ctx.connections.runner(config.name);
  const database = databaseOf(given) ?? (await pickDatabase(runner, purpose));
  if (!database) return undefined;
  const target = given.entry
    ? entryTarget(given.entry)
    : given.target
      ? argumentTarget(given.target)
      : await pickTarget(runner, database, purpose);
  return target && { connection: config.name, database, target, runner };
}

async function pickDatabase(runner: SqlRunner, purpose: string): Promise<string | undefined> {
  const overview = await readSystemOverview(runner);
  const picked = await vscode.window.showQuickPick(
    overview.databases.map((d) => ({
      label: d.name,
      description: d.activeStatus === 'YES' ? '' : 'not running',
    })),
    { title: `${purpose}: which database?` },
  );
  return picked?.label;
}

function entryTarget(entry: CatalogEntry): RecoveryTarget {
  return entry.entryType === ENTRY_TYPE.snapshot
    ? { kind: 'snapshot', backupId: entry.backupId }
    : { kind: 'backup', backupId: entry.backupId };
}

function argumentTarget(target: NonNullable<RecoveryArgument['target']>): RecoveryTarget {
  const time = (value: string | Date | undefined, what: string): Date => {
    const date = value instanceof Date ? value : value === undefined ? undefined : parsePointInTime(value);
    if (!date) throw new Error(`${what} must be ${POINT_IN_TIME_FORMS}; got ${String(value)}`);
    return date;
  };
  switch (target.kind) {
    case 'latest':
      return { kind: 'latest' };
    case 'time':
      return { kind: 'time', at: time(target.at, 'target.at') };
    case 'backup':
      if (target.backupId === undefined) throw new Error('target.backupId is missing');
      return { kind: 'backup', backupId: String(target.backupId) };
    case 'snapshot':
      return {
        kind: 'snapshot',
        ...(target.backupId !== undefined ? { backupId: String(target.backupId) } : {}),
        ...(target.until !== undefined ? { until: time(target.until, 'target.until') } : {}),
      };
    default:
      throw new Error(`target.kind must be latest, time, backup or snapshot; got ${String(target.kind)}`);
  }
}

async function pickTarget(
  runner: SqlRunner,
  database: string,
  purpose: string,
): Promise<RecoveryTarget | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Most recent state', detail: 'all log backups, then the log area', choice: 'latest' as const },
      { label: 'Point in time…', detail: 'to the second, in UTC', choice: 'time' as const },
      {
        label: 'Data backup…',
        detail: 'one data backup, no log replay (CLEAR LOG)',
        choice: 'backup' as const,
      },
      { label: 'Data snapshot…', detail: 'alone, or followed by log replay', choice: 'snapshot' as const },
    ],
    { title: `${purpose} — ${database}: to what?` },
  );
  switch (choice?.choice) {
    case undefined:
      return undefined;
    case 'latest':
      return { kind: 'latest' };
    case 'time': {
      const at = await askPointInTime(`${purpose} — ${database}: point in time (UTC)`);
      return at && { kind: 'time', at };
    }
    case 'backup': {
      const page = await readDataBackups(
        runner,
        database,
        { from: new Date(Date.now() - BACKUP_CHOICE_DAYS * 86_400_000) },
        { offset: 0, limit: CHOICE_LIMIT },
      );
      const entry = await pickEntry(
        page.items.filter((e) => e.state === 'successful'),
        `${purpose} — ${database}: which data backup?`,
        `no successful data backup of ${database} in the last ${BACKUP_CHOICE_DAYS} days`,
      );
      return entry && { kind: 'backup', backupId: entry.backupId };
    }
    case 'snapshot': {
      const page = await readSnapshots(runner, database, { offset: 0, limit: CHOICE_LIMIT });
      const entry = await pickEntry(
        page.items.filter((e) => e.state === 'successful'),
        `${purpose} — ${database}: which data snapshot?`,
        `no confirmed data snapshot of ${database} in the catalog`,
      );
      if (!entry) return undefined;
      const replay = await vscode.window.showQuickPick(
        [
          { label: 'The snapshot alone', detail: 'RECOVER DATA … CLEAR LOG', replay: false },
          { label: 'Then the log up to a point in time…', detail: 'USING SNAPSHOT', replay: true },
        ],
        { title: `${purpose} — ${database}: snapshot ${entry.backupId}` },
      );
      if (!replay) return undefined;
      if (!replay.replay) return { kind: 'snapshot', backupId: entry.backupId };
      const until = await askPointInTime(`${purpose} — ${database}: replay the log until (UTC)`);
      return until && { kind: 'snapshot', backupId: entry.backupId, until };
    }
  }
}

async function pickEntry(
  entries: CatalogEntry[],
  title: string,
  none: string,
): Promise<CatalogEntry | undefined> {
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`${title.split(':')[0]}: ${none}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({
      label: `${entry.entryType} ${entry.backupId}`,
      description: `started ${untilTimestampText(entry.start)} server time`,
      detail: entry.comment || undefined,
      entry,
    })),
    { title, matchOnDescription: true },
  );
  return picked?.entry;
}

async function askPointInTime(title: string): Promise<Date | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    value: untilTimestampText(new Date(Date.now() - 3_600_000)),
    prompt: POINT_IN_TIME_FORMS,
    validateInput: (value) => (parsePointInTime(value) ? undefined : `Write ${POINT_IN_TIME_FORMS}.`),
  });
  return text === undefined ? undefined : parsePointInTime(text);
}
