/**
 * The statements a recovery plan runs, and the plan as a document an administrator reads before
 * confirming. Forms (reference facts §3.2–3.4, §6.2, as hanasim accepts them):
 *
 *   RECOVER DATABASE FOR <db> UNTIL TIMESTAMP '<YYYY-MM-DD HH:MM:SS>' [USING SNAPSHOT] [USING BACKUP_ID <id>] [CLEAR LOG]
 *   RECOVER DATA FOR <db> USING BACKUP_ID <id> CLEAR LOG
 *   RECOVER DATA FOR <db> USING SNAPSHOT CLEAR LOG
 *
 * SYSTEMDB takes the same statements without FOR, run by recoverSys.py. Values are inlined with
 * identifier / literal / integer only: HANA takes no parameters in RECOVER.
 */
import { identifier, integer, literal, sql, type SqlStatement } from '../hana/sqlText';
import type { PlannedBackup, PlannedStatement, RecoveryPlan, VolumeReplay } from './recoveryTypes';

export type RecoverForm =
  | {
      kind: 'untilTimestamp';
      until: Date;
      /** Without it the log area is replayed after the log backups. */
      clearLog: boolean;
      snapshot: boolean;
      /** A base other than the one HANA would pick itself. */
      backupId?: string;
    }
  | { kind: 'dataBackup'; backupId: string }
  | { kind: 'snapshot'; backupId?: string };

const SYSTEMDB = 'SYSTEMDB';

/**
 * 'YYYY-MM-DD HH:MM:SS' in UTC. hanasim reads UNTIL TIMESTAMP as UTC and compares it with
 * UTC_START_TIME (its server zone is UTC, so it equals server time there); which zone a real HANA
 * takes is not confirmed (facts §3.2), so the plan says UTC wherever it shows this value.
 */
export function untilTimestampText(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** '+01:00' style, empty for UTC itself. */
export function offsetText(minutes: number): string {
  if (minutes === 0) return '';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The RECOVER statement; for SYSTEMDB without FOR (recoverSys.py runs it in the stopped system). */
export function recoverStatement(database: string, form: RecoverForm): SqlStatement {
  const target = database.toUpperCase() === SYSTEMDB ? sql`` : sql` FOR ${identifier(database)}`;
  switch (form.kind) {
    case 'untilTimestamp': {
      const snapshot = form.snapshot ? sql` USING SNAPSHOT` : sql``;
      const backup = form.backupId !== undefined ? sql` USING BACKUP_ID ${integer(form.backupId)}` : sql``;
      const clear = form.clearLog ? sql` CLEAR LOG` : sql``;
      return sql`RECOVER DATABASE${target} UNTIL TIMESTAMP ${literal(untilTimestampText(form.until))}${snapshot}${backup}${clear}`;
    }
    case 'dataBackup':
      return sql`RECOVER DATA${target} USING BACKUP_ID ${integer(form.backupId)} CLEAR LOG`;
    case 'snapshot':
      return form.backupId !== undefined
        ? sql`RECOVER DATA${target} USING BACKUP_ID ${integer(form.backupId)} CLEAR LOG`
        : sql`RECOVER DATA${target} USING SNAPSHOT CLEAR LOG`;
  }
}

/** A tenant: stop it, recover it, start it. SYSTEMDB: only the RECOVER that recoverSys.py runs. */
export function recoveryStatements(database: string, form: RecoverForm): PlannedStatement[] {
  const recover: PlannedStatement = {
    step: 'recover',
    statement: recoverStatement(database, form),
    note:
      form.kind === 'untilTimestamp' && !form.clearLog
        ? 'no CLEAR LOG: the log area supplies what no log backup holds yet'
        : 'CLEAR LOG: the log area is initialized, only backups are used',
  };
  if (database.toUpperCase() === SYSTEMDB) return [recover];
  const name = identifier(database);
  return [
    {
      step: 'stop',
      statement: sql`ALTER SYSTEM STOP DATABASE ${name}`,
      note: 'a tenant is recovered while it is stopped',
    },
    recover,
    {
      step: 'start',
      statement: sql`ALTER SYSTEM START DATABASE ${name}`,
      note: 'HANA starts the tenant when the recovery ends; only needed if it is still stopped',
    },
  ];
}

/** `HDBSettings.sh recoverSys.py --command="RECOVER …"` — what <sid>adm runs for SYSTEMDB (facts §3.3). */
export function recoverSysCommandLine(statement: SqlStatement): string {
  return `HDBSettings.sh recoverSys.py --command="${statement.toDisplayString()}"`;
}

// ---- the plan as a document ------------------------------------------------------------------

const KIB = 1024;

function bytesText(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= KIB && unit < units.length - 1) {
    value /= KIB;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function durationText(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function serverTime(plan: RecoveryPlan, date: Date): string {
  return untilTimestampText(new Date(date.getTime() + plan.serverUtcOffsetMinutes * 60_000));
}

function targetText(plan: RecoveryPlan): string {
  const t = plan.target;
  switch (t.kind) {
    case 'latest':
      return 'the most recent state';
    case 'time':
      return `the point in time ${untilTimestampText(plan.pointInTime)} UTC`;
    case 'backup':
      return `data backup ${t.backupId}`;
    case 'snapshot':
      return t.until
        ? `data snapshot ${plan.base.backupId}, then the log up to ${untilTimestampText(plan.pointInTime)} UTC`
        : `data snapshot ${plan.base.backupId}`;
  }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function dataRow(plan: RecoveryPlan, step: string, b: PlannedBackup): string {
  const where = b.destinationType || (b.externalBackupIds.length ? 'storage snapshot' : '');
  return `| ${step} | ${b.entryType} | ${b.backupId} | ${serverTime(plan, b.utcStart)} | ${bytesText(b.sizeBytes)} | ${cell(where)} |`;
}

function volumeLabel(v: VolumeReplay): string {
  return `${v.serviceType} on ${v.host}${v.volumeId === undefined ? '' : `, volume ${v.volumeId}`}`;
}

function logRow(plan: RecoveryPlan, v: VolumeReplay): string {
  const first = v.logBackups[0];
  const last = v.logBackups.at(-1);
  const backups =
    first && last
      ? `${v.logBackups.length} log backups, ${first.backupId} … ${last.backupId}` +
        ` (${serverTime(plan, first.utcStart)} → ${serverTime(plan, last.utcStart)})`
      : 'no log backup';
  const positions =
    v.lastPosition !== undefined ? `${v.startPosition} → ${v.lastPosition}` : `from ${v.startPosition}`;
  const area = v.usesLogArea ? ', then the log area' : '';
  return `| log | ${cell(volumeLabel(v))} | ${backups}${area} | ${positions} | ${bytesText(v.logBytes)} |`;
}

function timeline(plan: RecoveryPlan): string[] {
  const lines = [plan.base, ...plan.deltas].map(
    (b) => `- ${serverTime(plan, b.utcStart)} — ${b.entryType} ${b.backupId} is restored`,
  );
  const replayed = plan.volumes.filter((v) => v.logBackups.length || v.usesLogArea);
  if (replayed.length) {
    const last = plan.deltas.at(-1) ?? plan.base;
    lines.push(
      `- ${serverTime(plan, last.utcStart)} → ${serverTime(plan, plan.pointInTime)} — log replayed on ${replayed.length} volume(s)` +
        (plan.usesLogArea ? ', the last part from the log area' : ''),
    );
  }
  lines.push(`- ${serverTime(plan, plan.pointInTime)} — the database is at this point after the recovery`);
  return lines;
}

/** The plan as Markdown: chain, timeline, sizes, duration, statements, assumptions. */
export function planAsText(plan: RecoveryPlan): string {
  const system = plan.database.toUpperCase() === SYSTEMDB;
  const zone = `server time, UTC${offsetText(plan.serverUtcOffsetMinutes)}`;
  const out: string[] = [
    `# Recovery plan for ${plan.database}`,
    '',
    `Target: ${targetText(plan)}. Point reached: ${serverTime(plan, plan.pointInTime)} (${zone}).`,
    `Planned at ${serverTime(plan, plan.serverNow)}.`,
    '',
    '## Chain',
    '',
    '| step | type | backup id | started | size | destination |',
    '| --- | --- | --- | --- | ---: | --- |',
    dataRow(plan, 'base', plan.base),
    ...plan.deltas.map((d) => dataRow(plan, 'delta', d)),
    '',
  ];
  if (plan.volumes.some((v) => v.logBackups.length || v.usesLogArea)) {
    out.push(
      '| step | volume | log backups | redo log positions | size |',
      '| --- | --- | --- | --- | ---: |',
      ...plan.volumes.map((v) => logRow(plan, v)),
      '',
    );
  } else {
    out.push('No log is replayed.', '');
  }
  out.push(
    `## Timeline (${zone})`,
    '',
    ...timeline(plan),
    '',
    '## Size and duration',
    '',
    `Data: ${bytesText(plan.dataBytes)}. Log backups: ${bytesText(plan.logBytes)}${plan.usesLogArea ? ' (plus the log area)' : ''}.`,
    `Estimated duration: ${durationText(plan.estimatedSeconds)}.`,
    '',
    '## Statements',
    '',
  );
  if (system) {
    out.push(
      'SYSTEMDB cannot be recovered with SQL. As <sid>adm on the master host:',
      '',
      '```sh',
      ...plan.statements.map((s) => recoverSysCommandLine(s.statement)),
      '```',
    );
  } else {
    out.push(
      '```sql',
      ...plan.statements.map((s) => `${s.statement.toDisplayString()}; -- ${s.note}`),
      '```',
    );
  }
  out.push('', '## Assumptions', '', ...plan.assumptions.map((a) => `- ${a}`), '');
  return out.join('\n');
}
