// The CLI's live commands (apply, run-due) against hanasim, as a script or a cron job runs them:
// connection from a settings file, password from an environment variable, exit codes.
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
});
