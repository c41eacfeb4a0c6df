// The CLI's live commands (apply, run-due, plan-recovery, prune) against hanasim, as a script or a
// cron job runs them: connection from a settings file, password from an environment variable, exit
// codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';
import { runCli } from './support/cli';

const POLICY = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: prd-cli }
spec:
  targets:
    - system: PRD
      databases: [PRD]
  destinations:
    data: { type: backint, channels: 2 }
    log: { type: backint }
  schedules:
    full: { every: week, on: [sun], at: "01:00" }
    log: { interval: 5m }
  retention:
    full: 5w
    log: 35d
`;

const QAS_PRUNE_POLICY = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: qas-prune }
spec:
  targets:
    - system: PRD
      databases: [QAS]
  retention:
    full: { weekly: 2w }
    log: 10d
`;

const PRD_PRUNE_COMPLETE_POLICY = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: prd-prune-complete }
spec:
  targets:
    - system: PRD
      databases: [prd, NOPE]
  retention:
    full: 3w
    log: 14d
    deleteFromDestination: true
`;

const NO_RETENTION_POLICY = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: no-retention }
spec:
  targets:
    - system: PRD
      databases: [QAS]
`;

/** HANA's timestamp form, which plan-recovery reads as UTC. */
const hanaTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

describe('live CLI commands against hanasim', function () {
  this.timeout(60000);
  // Simulated time runs 30 times faster: a full backup of PRD takes seconds.
  const session = SimulatorSession.use('cli-live', { seed: 'demo', speed: 30 });
  let dir: string;
  const env = { HANA_CLI_TEST_PASSWORD: PASSWORD };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-cli-live-'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(
      path.join(dir, '.vscode', 'settings.json'),
      JSON.stringify({
        'hanaBackup.connections': [
          {
            name: 'PRD',
            host: '127.0.0.1',
            port: session.sim.ports.SYSTEMDB,
            user: 'SYSTEM',
            passwordEnv: 'HANA_CLI_TEST_PASSWORD',
          },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, 'prd.backup-policy.yaml'), POLICY);
    fs.writeFileSync(path.join(dir, 'qas-prune.backup-policy.yaml'), QAS_PRUNE_POLICY);
    fs.writeFileSync(path.join(dir, 'prd-prune-complete.backup-policy.yaml'), PRD_PRUNE_COMPLETE_POLICY);
    fs.writeFileSync(path.join(dir, 'no-retention.backup-policy.yaml'), NO_RETENTION_POLICY);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('apply --dry-run lists the differences and their statements, exits 1, changes nothing', async () => {
    const result = await runCli(['apply', '--policy', 'prd.backup-policy.yaml', '--dry-run'], dir, env);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /PRD \[persistence\] log_backup_timeout_s: 900 \(SYSTEM\) → 300/);
    assert.match(
      result.stdout,
      /ALTER SYSTEM ALTER CONFIGURATION \('global\.ini', 'DATABASE', 'PRD'\) SET \('persistence', 'log_backup_timeout_s'\) = '300' WITH RECONFIGURE;/,
    );
    assert.match(result.stdout, /warning HBP140: .*hana02/);
    const rows = await session.system.exec(
      "SELECT VALUE FROM M_INIFILE_CONTENTS WHERE LAYER_NAME = 'DATABASE' AND TENANT_NAME = 'PRD' AND KEY = 'log_backup_timeout_s'",
    );
    assert.equal(rows.length, 0, 'a dry run changes nothing');
  });

  it('apply sets the values (exit 0); the next dry run finds nothing (exit 0)', async () => {
    const applied = await runCli(['apply', '--policy', 'prd.backup-policy.yaml'], dir, env);
    assert.equal(applied.code, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /applied \d+/);
    const again = await runCli(
      ['apply', '--policy', 'prd.backup-policy.yaml', '--dry-run', '--format', 'json'],
      dir,
      env,
    );
    assert.equal(again.code, 0, again.stderr);
    const [report] = JSON.parse(again.stdout) as { differences: unknown[] }[];
    assert.deepEqual(report.differences, []);
  });

  it('run-due takes the full the weekly schedule calls for after a week, then nothing is due', async () => {
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('8d')");
    const dry = await runCli(['run-due', '--policy', 'prd.backup-policy.yaml', '--dry-run'], dir, env);
    assert.equal(dry.code, 1, dry.stderr);
    assert.match(dry.stdout, /PRD\/PRD: full \(scheduled /);
    const run = await runCli(['run-due', '--policy', 'prd.backup-policy.yaml'], dir, env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /full: successful/);
    const after = await runCli(['run-due', '--policy', 'prd.backup-policy.yaml', '--dry-run'], dir, env);
    assert.equal(after.code, 0, after.stdout);
    assert.match(after.stdout, /PRD\/PRD: nothing due/);
  });

  it('never takes a password from the command line; says where it must come from', async () => {
    const missing = await runCli(['apply', '--policy', 'prd.backup-policy.yaml', '--dry-run'], dir, {
      HANA_CLI_TEST_PASSWORD: '',
    });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /environment variable HANA_CLI_TEST_PASSWORD is not set/);
    const unknown = await runCli(
      ['apply', '--policy', 'prd.backup-policy.yaml', '--password', 'x'],
      dir,
      env,
    );
    assert.equal(unknown.code, 2);
  });

  it('exits 3 with HANA’s words when the password is wrong', async () => {
    const wrong = await runCli(['apply', '--policy', 'prd.backup-policy.yaml', '--dry-run'], dir, {
      HANA_CLI_TEST_PASSWORD: 'not-the-password',
    });
    assert.equal(wrong.code, 3, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /authentication failed/);
    assert.ok(!wrong.stderr.includes('not-the-password'));
  });
  it('plan-recovery plans PRD to a point in time given in UTC, with its statements (exit 0)', async () => {
    const at = new Date((await session.now()).getTime() - 2 * 86_400_000);
    const result = await runCli(
      ['plan-recovery', '--connection', 'PRD', '--database', 'PRD', '--until', hanaTime(at)],
      dir,
      env,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^# Recovery plan for PRD/);
    assert.ok(
      result.stdout.includes(`RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${hanaTime(at)}'`),
      result.stdout,
    );
    assert.match(result.stdout, /ALTER SYSTEM STOP DATABASE "PRD"/);
    assert.match(result.stdout, /Estimated duration: /);
  });

  it('plan-recovery --format json: possible, the chain and the statements; a zone offset is honoured', async () => {
    const at = new Date(Math.floor((await session.now()).getTime() / 1000) * 1000 - 86_400_000);
    // The same instant written in UTC+01:00: the statement still says UTC.
    const local = new Date(at.getTime() + 3_600_000).toISOString().slice(0, 19) + '+01:00';
    const result = await runCli(
      ['plan-recovery', '--database', 'QAS', '--until', local, '--format', 'json'],
      dir,
      env,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout) as {
      database: string;
      possible: boolean;
      pointInTime: string;
      base: { backupId: string; entryType: string };
      logBackups: { count: number; bytes: number };
      statements: string[];
    };
    assert.equal(report.database, 'QAS');
    assert.equal(report.possible, true);
    assert.equal(report.pointInTime, at.toISOString());
    assert.match(report.base.entryType, /complete data backup/);
    assert.ok(report.logBackups.count > 0);
    assert.deepEqual(
      report.statements.map((s) => s.split(' ').slice(0, 3).join(' ')),
      ['ALTER SYSTEM STOP', 'RECOVER DATABASE FOR', 'ALTER SYSTEM START'],
    );
    assert.ok(report.statements[1].includes(`UNTIL TIMESTAMP '${hanaTime(at)}'`), report.statements[1]);
  });

  it("plan-recovery refuses a point inside QAS's log gap, naming it and the last point reachable (exit 1)", async () => {
    const [missing] = await session.system.exec<{ BACKUP_ID: number; UTC_START_TIME: string }>(
      "SELECT BACKUP_ID, UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND ENTRY_TYPE_NAME = 'log missing'",
    );
    const recorded = new Date(`${String(missing.UTC_START_TIME).slice(0, 23).replace(' ', 'T')}Z`);
    const inside = new Date(recorded.getTime() + 5 * 60_000).toISOString();
    const text = await runCli(['plan-recovery', '--database', 'QAS', '--until', inside], dir, env);
    assert.equal(text.code, 1, text.stdout + text.stderr);
    assert.match(text.stdout, /^not possible: QAS cannot be recovered to /);
    assert.match(text.stdout, new RegExp(`'log missing' entry ${String(missing.BACKUP_ID)}`));
    assert.match(text.stdout, /hana02/);
    assert.match(text.stdout, /\nlatest point still reachable: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\n/);
    const json = await runCli(
      ['plan-recovery', '--database', 'QAS', '--until', inside, '--format', 'json'],
      dir,
      env,
    );
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as {
      possible: boolean;
      refusal: { kind: string; gap: { fromPosition: string }; reachableUntil: string };
    };
    assert.equal(report.possible, false);
    assert.equal(report.refusal.kind, 'logGap');
    assert.match(report.refusal.gap.fromPosition, /^\d+$/, 'redo log positions as strings');
    assert.ok(new Date(report.refusal.reachableUntil) < recorded);
  });

  it('plan-recovery of SYSTEMDB prints the plan and the recoverSys.py command line (exit 0)', async () => {
    const result = await runCli(['plan-recovery', '--database', 'SYSTEMDB', '--latest'], dir, env);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^# Recovery plan for SYSTEMDB/);
    assert.match(
      result.stdout,
      /\nHDBSettings\.sh recoverSys\.py --command="RECOVER DATABASE UNTIL TIMESTAMP '[^']+'"\n/,
    );
    assert.match(result.stdout, /## Why not over SQL\n\nSQL cannot recover the system database/);
  });

  it('plan-recovery: a time it cannot read, no target or two targets are usage errors (exit 2)', async () => {
    const badTime = await runCli(
      ['plan-recovery', '--database', 'QAS', '--until', '20.11.2026 14:30'],
      dir,
      env,
    );
    assert.equal(badTime.code, 2);
    assert.match(badTime.stderr, /--until "20\.11\.2026 14:30" is not a valid time/);
    assert.match(
      badTime.stderr,
      /ISO 8601 with a zone \(2026-11-20T14:30:00Z, .*'YYYY-MM-DD HH:MM:SS' \(UTC\)/,
    );
    const noZone = await runCli(
      ['plan-recovery', '--database', 'QAS', '--until', '2026-11-20T14:30:00'],
      dir,
      env,
    );
    assert.equal(noZone.code, 2);
    const none = await runCli(['plan-recovery', '--database', 'QAS'], dir, env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /a recovery target is required .*never guessed/);
    const two = await runCli(
      ['plan-recovery', '--database', 'QAS', '--latest', '--backup-id', '1'],
      dir,
      env,
    );
    assert.equal(two.code, 2);
    assert.match(two.stderr, /exactly one recovery target/);
  });

  it('plan-recovery and prune take no password from the command line, only from the environment', async () => {
    for (const args of [
      ['plan-recovery', '--database', 'QAS', '--latest'],
      ['prune', '--policy', 'qas-prune.backup-policy.yaml', '--dry-run'],
    ]) {
      const option = await runCli([...args, '--password', PASSWORD], dir, env);
      assert.equal(option.code, 2, option.stdout);
      assert.match(option.stderr, /Unknown option '--password'/);
      assert.ok(!option.stderr.includes(PASSWORD));
      const unset = await runCli(args, dir, { HANA_CLI_TEST_PASSWORD: '' });
      assert.equal(unset.code, 2);
      assert.match(unset.stderr, /environment variable HANA_CLI_TEST_PASSWORD is not set/);
      const wrong = await runCli(args, dir, { HANA_CLI_TEST_PASSWORD: 'not-the-password' });
      assert.equal(wrong.code, 3, wrong.stdout + wrong.stderr);
    }
  });

  // Mocha runs a suite's own tests before its nested suites: pruning QAS's catalog (and its 'log
  // missing' entry) cannot take anything from the tests above.
  describe('prune (runs last: it deletes catalog entries)', () => {
    const entriesBefore = async (database: string, backupId: string): Promise<number> => {
      const [{ N }] = await session.system.exec<{ N: number }>(
        'SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID < ?',
        [database, Number(backupId)],
      );
      return Number(N);
    };
    const cutoffOf = (output: string, database: string): string => {
      const match = new RegExp(`BACKUP CATALOG DELETE FOR "${database}" ALL BEFORE BACKUP_ID (\\d+);`).exec(
        output,
      );
      assert.ok(match, output);
      return match[1];
    };

    it('--dry-run lists the catalog deletes (no COMPLETE without deleteFromDestination), deletes nothing, exits 1', async () => {
      // Log backups keep coming while the test runs: compare the entries that were there before it.
      const [{ LAST, N }] = await session.system.exec<{ LAST: number; N: number }>(
        "SELECT MAX(BACKUP_ID) AS LAST, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS'",
      );
      const result = await runCli(
        ['prune', '--policy', 'qas-prune.backup-policy.yaml', '--dry-run'],
        dir,
        env,
      );
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /^qas-prune → PRD\/QAS\n\n# Prune QAS by retention/);
      assert.match(result.stdout, /\| log backups \| [\d,]+ \|/);
      assert.doesNotMatch(result.stdout, / COMPLETE;/);
      assert.doesNotMatch(result.stdout, /^running:/m);
      assert.ok((await entriesBefore('QAS', cutoffOf(result.stdout, 'QAS'))) > 0);
      assert.equal(
        await entriesBefore('QAS', String(Number(LAST) + 1)),
        Number(N),
        'a dry run deletes nothing',
      );
    });

    it('ends its statements in COMPLETE when the policy says deleteFromDestination; names a database the system lacks', async () => {
      const result = await runCli(
        ['prune', '--policy', 'prd-prune-complete.backup-policy.yaml', '--dry-run', '--format', 'json'],
        dir,
        env,
      );
      assert.equal(result.code, 1, result.stdout + result.stderr);
      const [report] = JSON.parse(result.stdout) as {
        database: string;
        statements: string[];
        executed: number;
      }[];
      assert.equal(report.database, 'PRD');
      assert.ok(report.statements.length > 0);
      assert.ok(
        report.statements.every((s) => s.endsWith(' COMPLETE')),
        report.statements.join('\n'),
      );
      assert.equal(report.executed, 0);
      assert.match(result.stderr, /warning: PRD has no database NOPE; it is skipped/);
    });

    it('leaves a database alone when the policy sets no retention (exit 0)', async () => {
      const result = await runCli(['prune', '--policy', 'no-retention.backup-policy.yaml'], dir, env);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.stdout, 'no-retention: the policy sets no retention, so nothing is pruned\n');
    });

    it('deletes what the plan says (exit 0); the next dry run finds nothing left (exit 0)', async () => {
      const result = await runCli(['prune', '--policy', 'qas-prune.backup-policy.yaml'], dir, env);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const cutoff = cutoffOf(result.stdout, 'QAS');
      assert.ok(
        result.stdout.includes(
          `running: BACKUP CATALOG DELETE FOR "QAS" ALL BEFORE BACKUP_ID ${cutoff};\n  done\n`,
        ),
        result.stdout,
      );
      assert.equal(await entriesBefore('QAS', cutoff), 0);
      const again = await runCli(
        ['prune', '--policy', 'qas-prune.backup-policy.yaml', '--dry-run', '--format', 'json'],
        dir,
        env,
      );
      assert.equal(again.code, 0, again.stdout + again.stderr);
      const [report] = JSON.parse(again.stdout) as { statements: string[]; nothingReason: string }[];
      assert.deepEqual(report.statements, []);
      assert.match(report.nothingReason, /needed/);
    });
  });
});
