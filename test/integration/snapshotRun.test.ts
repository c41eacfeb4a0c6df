// "Create snapshot" (client/src/operations/snapshotRun) against hanasim's demo system through @sap/hana-client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import {
  abandonSnapshot,
  confirmSnapshot,
  createSnapshot,
  type SnapshotCommand,
} from '../../client/src/operations/snapshotRun';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';

interface SnapshotRow {
  BACKUP_ID: number | string;
  STATE_NAME: string;
  COMMENT: string | null;
  MESSAGE: string | null;
}

/** Scripts standing in for a storage snapshot tool; each checks the environment HANA's id arrives in. */
const SCRIPTS = {
  ok: `
const { BACKUP_ID, SID, DATABASE } = process.env;
if (!/^\\d+$/.test(BACKUP_ID ?? '') || SID !== 'PRD' || DATABASE !== 'SYSTEMDB') {
  console.error('unexpected environment', BACKUP_ID, SID, DATABASE);
  process.exit(2);
}
console.log('freezing, snapshotting, thawing');
console.log('snap-' + SID + '-' + BACKUP_ID);
console.log('');
`,
  fails: `console.log('snap-would-be'); console.error('volume busy'); process.exit(1);`,
  silent: `console.log('   ');`,
  // Never ends, and has a helper of its own: both must be gone after the timeout. Writes its pid
  // to the file named by its argument, if any, once it runs.
  hangs: `
const { spawn } = require('node:child_process');
if (process.argv[2]) require('node:fs').writeFileSync(process.argv[2], String(process.pid));
const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' });
console.log('pids ' + process.pid + ' ' + helper.pid);
setInterval(() => {}, 1000);
`,
};

/** A zombie (ended, not yet reaped by its new parent) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !fs.existsSync(stat) || fs.readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
}

/** Polls `condition` until it holds or `ms` have passed. */
async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe('createSnapshot against hanasim', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('snapshot-run', { seed: 'demo', deadlineMs: 60000 });
  let pool: HanaConnectionPool;
  let scripts: string;

  before(() => {
    pool = new HanaConnectionPool(
      {
        name: 'sim',
        host: '127.0.0.1',
        port: session.sim.ports.SYSTEMDB,
        user: 'SYSTEM',
        password: PASSWORD,
      },
      { statementTimeoutMs: 20000 },
    );
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-scripts-'));
    for (const [name, text] of Object.entries(SCRIPTS))
      fs.writeFileSync(path.join(scripts, `${name}.js`), text);
  });
  after(async () => {
    await pool.dispose();
    fs.rmSync(scripts, { recursive: true, force: true });
  });

  const command = (script: keyof typeof SCRIPTS, timeoutMs = 20000): SnapshotCommand => ({
    program: process.execPath,
    args: [path.join(scripts, `${script}.js`)],
    timeoutMs,
  });

  const snapshot = async (backupId: string | number): Promise<SnapshotRow> => {
    const rows = await session.system.exec<SnapshotRow>(
      "SELECT BACKUP_ID, STATE_NAME, COMMENT, MESSAGE FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = 'data snapshot' AND BACKUP_ID = ?",
      [Number(backupId)],
    );
    assert.equal(rows.length, 1, `one SYSTEMDB entry for snapshot ${backupId}`);
    return rows[0];
  };

  const prepared = () =>
    session.system.exec<SnapshotRow>(
      "SELECT BACKUP_ID, STATE_NAME, COMMENT, MESSAGE FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = 'data snapshot' AND STATE_NAME = 'prepared'",
    );

  describe('a snapshot found prepared in the catalog', () => {
    it('abandons the demo system’s unconfirmed snapshot', async () => {
      const [found] = await prepared();
      assert.ok(found, 'the demo seed leaves one prepared');
      assert.equal(found.COMMENT, 'storage snapshot, not confirmed');
      await abandonSnapshot(pool, String(found.BACKUP_ID), "never taken: the tool's job failed");
      const row = await snapshot(found.BACKUP_ID);
      assert.deepEqual([row.STATE_NAME, row.MESSAGE], ['failed', "never taken: the tool's job failed"]);
    });

    it('confirms a prepared snapshot with its external id', async () => {
      await session.system.exec("BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'taken by hand'");
      const [found] = await prepared();
      await confirmSnapshot(pool, String(found.BACKUP_ID), 'vol-0abc/snap-1');
      assert.equal((await snapshot(found.BACKUP_ID)).STATE_NAME, 'successful');
      const files = await session.system.exec<{ EXTERNAL_BACKUP_ID: string }>(
        'SELECT EXTERNAL_BACKUP_ID FROM M_BACKUP_CATALOG_FILES WHERE BACKUP_ID = ?',
        [Number(found.BACKUP_ID)],
      );
      assert.ok(files.length > 0 && files.every((f) => f.EXTERNAL_BACKUP_ID === 'vol-0abc/snap-1'));
    });
  });

  describe('creating a snapshot', () => {
    beforeEach(async () => {
      assert.deepEqual(await prepared(), [], 'no snapshot left prepared by an earlier test');
    });

    it('refuses without a command, before creating anything', async () => {
      const before = await session.system.exec('SELECT BACKUP_ID FROM M_BACKUP_CATALOG');
      await assert.rejects(
        createSnapshot(pool, { comment: 'no tool', sid: 'PRD' }),
        /No snapshot command is configured: set destinations\.snapshot\.command/,
      );
      assert.equal(
        (await session.system.exec('SELECT BACKUP_ID FROM M_BACKUP_CATALOG')).length,
        before.length,
      );
    });

    it('confirms the snapshot with the id the command printed', async () => {
      const steps: string[] = [];
      const comment = `nightly 'ebs' -- "x"`;
      const outcome = await createSnapshot(
        pool,
        { comment, command: command('ok'), sid: 'PRD' },
        { onStep: (text) => steps.push(text) },
      );
      assert.equal(outcome.state, 'successful', `${outcome.reason}\n${outcome.commandOutput}`);
      assert.equal(outcome.externalId, `snap-PRD-${outcome.backupId}`, 'the command saw BACKUP_ID and SID');
      assert.match(outcome.commandOutput, /freezing/);
      const row = await snapshot(outcome.backupId);
      assert.deepEqual([row.STATE_NAME, row.COMMENT], ['successful', comment]);
      const files = await session.system.exec<{ EXTERNAL_BACKUP_ID: string }>(
        'SELECT EXTERNAL_BACKUP_ID FROM M_BACKUP_CATALOG_FILES WHERE BACKUP_ID = ?',
        [Number(outcome.backupId)],
      );
      assert.ok(files.length > 0 && files.every((f) => f.EXTERNAL_BACKUP_ID === outcome.externalId));
      assert.equal(steps.length, 3);
      assert.match(steps[0], /CREATE SNAPSHOT COMMENT 'nightly ''ebs'' -- "x"'/);
      assert.match(
        steps[2],
        new RegExp(`CLOSE SNAPSHOT BACKUP_ID ${outcome.backupId} SUCCESSFUL 'snap-PRD-`),
      );
    });

    it('closes the snapshot as unsuccessful when the command fails', async () => {
      const outcome = await createSnapshot(pool, { comment: 'fails', command: command('fails'), sid: 'PRD' });
      assert.equal(outcome.state, 'unsuccessful');
      assert.equal(outcome.externalId, undefined);
      assert.match(outcome.reason ?? '', /exited with code 1/);
      assert.match(outcome.commandOutput, /volume busy/);
      const row = await snapshot(outcome.backupId);
      assert.deepEqual([row.STATE_NAME, row.MESSAGE], ['failed', outcome.reason]);
    });

    it('closes the snapshot as unsuccessful when the command prints no id', async () => {
      const outcome = await createSnapshot(pool, {
        comment: 'silent',
        command: command('silent'),
        sid: 'PRD',
      });
      assert.equal(outcome.state, 'unsuccessful');
      assert.match(outcome.reason ?? '', /printed no external id/);
      assert.equal((await snapshot(outcome.backupId)).STATE_NAME, 'failed');
    });

    it('closes the snapshot as unsuccessful when the command cannot start', async () => {
      const outcome = await createSnapshot(pool, {
        comment: 'missing',
        command: { program: path.join(scripts, 'no-such-tool'), timeoutMs: 5000 },
        sid: 'PRD',
      });
      assert.equal(outcome.state, 'unsuccessful');
      assert.match(outcome.reason ?? '', /could not be started: .*ENOENT/);
      assert.equal((await snapshot(outcome.backupId)).STATE_NAME, 'failed');
    });

    it('stops a command that runs past its timeout, helpers included', async () => {
      const outcome = await createSnapshot(pool, {
        comment: 'hangs',
        command: command('hangs', 500),
        sid: 'PRD',
      });
      assert.equal(outcome.state, 'unsuccessful');
      assert.match(outcome.reason ?? '', /did not finish within 0\.5 s/);
      assert.equal((await snapshot(outcome.backupId)).STATE_NAME, 'failed');
      const pids = /pids (\d+) (\d+)/.exec(outcome.commandOutput);
      assert.ok(pids, outcome.commandOutput);
      assert.ok(!alive(Number(pids[1])), 'the command is gone');
      // The helper is not our child: its end is only observable from outside, so poll for it.
      assert.ok(await waitFor(() => !alive(Number(pids[2])), 5000), 'its helper is gone too');
    });

    it('closes the snapshot as unsuccessful when the caller aborts while the command runs', async () => {
      const controller = new AbortController();
      const marker = path.join(scripts, 'hangs.pid');
      const hangs = command('hangs');
      const running = createSnapshot(
        pool,
        { comment: 'aborted', command: { ...hangs, args: [...(hangs.args ?? []), marker] }, sid: 'PRD' },
        { signal: controller.signal },
      );
      assert.ok(await waitFor(() => fs.existsSync(marker), 15000), 'the command started');
      controller.abort();
      const outcome = await running;
      assert.ok(!alive(Number(fs.readFileSync(marker, 'utf8'))), 'the command is gone');
      assert.equal(outcome.state, 'unsuccessful');
      assert.match(outcome.reason ?? '', /canceled by the user/);
      assert.equal((await snapshot(outcome.backupId)).STATE_NAME, 'failed');
    });
  });
});
