// Faults against hanasim, many times over: the network cut at a random moment while the view
// reads a long list, while a backup is followed and while a tenant is recovered (the extension's
// own code, @sap/hana-client, the test fault proxy in between), and the simulator killed (-9) and
// restarted while a backup runs. After each one, what the extension reported is compared with what
// hanasim holds: the catalog, the tenant's state, the statements it received. Prints the
// scenarios run, how many ended in the true state, the time from a lost connection to the next
// statement that succeeded (median / p95), and every wrong outcome. Asserts nothing.
// Run: npm run bench:faults [-- --cuts=200 --kills=10 --seed=7]
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HanaConnectionPool, type SqlRunner } from '../client/src/hana/connectionPool';
import { isConnectionFailure } from '../client/src/hana/readAgain';
import { runDataBackup, type BackupOutcome } from '../client/src/operations/backupRun';
import { readRecoverySlice } from '../client/src/recovery/catalogSlice';
import { planRecovery } from '../client/src/recovery/planner';
import type { RecoveryPlan } from '../client/src/recovery/recoveryTypes';
import { runRecovery, type RecoveryOutcome } from '../client/src/recovery/runRecovery';
import { TreeData } from '../client/src/tree/treeData';
import type { NodeOf, TreeNode } from '../client/src/tree/treeNodes';
import { openSqlite } from '../test/hanasim/sql/sqlite';
import { start, type RunningSimulator } from '../test/hanasim/start';
import { connect, type Connection } from '../test/hanasim/support/driver';
import { FaultProxy } from '../test/integration/support/faultProxy';
import { seededRandom } from './support/random.mjs';
import { summarise } from './support/stats.mjs';
import { runBenchmark } from './support/runBenchmark';

const PASSWORD = 'Manager1-Bench';
/** 100× real time: a complete backup of PRD (~90 simulated seconds) takes about a second. */
const SPEED = 100;
const DAY = 86_400_000;
const PAGE = 50;

type Kind = 'fetch' | 'backup' | 'recovery' | 'kill';
/** What the extension reported and, when that was not the truth, how it differed. */
interface Verdict {
  reported: string;
  problem?: string;
}

const option = (name: string, fallback: number): number => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.slice(name.length + 3)) : fallback;
};

/** The statements hanasim logged after a byte offset of its statement log (read incrementally). */
class StatementLog {
  constructor(private readonly file: string) {}
  mark(): number {
    try {
      return statSync(this.file).size;
    } catch {
      return 0;
    }
  }
  since(offset: number): string[] {
    const size = this.mark();
    if (size <= offset) return [];
    const buffer = Buffer.alloc(size - offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      closeSync(fd);
    }
    return buffer
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { sql: string }).sql);
  }
}

/**
 * The pool seen from outside: the time from a statement failing on an unusable connection to the
 * next statement that succeeds — how long the extension was without HANA because of the fault.
 */
function timingRunner(inner: SqlRunner, reconnects: number[]): SqlRunner {
  let lostAt: number | undefined;
  return {
    name: inner.name,
    exec: async (statement, params, options) => {
      try {
        const rows = await inner.exec(statement, params, options);
        if (lostAt !== undefined) reconnects.push(performance.now() - lostAt);
        lostAt = undefined;
        return rows as never[];
      } catch (error) {
        if (isConnectionFailure(error)) lostAt ??= performance.now();
        throw error;
      }
    },
  };
}

async function main(): Promise<void> {
  const cuts = option('cuts', 200);
  const kills = option('kills', 10);
  const random = seededRandom(option('seed', 7));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-faults-'));
  const log = new StatementLog(path.join(dataDir, 'statements.log'));
  const launch = () =>
    start({
      dataDir,
      password: PASSWORD,
      seed: 'demo',
      speed: SPEED,
      statementLog: path.join(dataDir, 'statements.log'),
      deadlineMs: 120_000,
    });
  let sim: RunningSimulator = await launch();
  let truth: Connection = await connect({ port: sim.ports.SYSTEMDB, password: PASSWORD });
  const proxy = await FaultProxy.start(() => sim.ports.SYSTEMDB);
  const settings = { name: 'PRD', host: '127.0.0.1', port: proxy.port, user: 'SYSTEM' };
  const pool = new HanaConnectionPool(
    { ...settings, password: PASSWORD },
    { statementTimeoutMs: 10_000, connectTimeoutMs: 5000 },
  );
  const reconnects: Record<'cut' | 'kill', number[]> = { cut: [], kill: [] };
  const cutRunner = timingRunner(pool, reconnects.cut);
  const killRunner = timingRunner(pool, reconnects.kill);
  const tree = new TreeData(
    { list: () => [settings], problems: () => [], runner: async () => cutRunner },
    { pageSize: () => PAGE, groupOlderThanDays: () => 14, stepsOf: () => 8, nodeChanged: () => undefined },
  );
  const ran: Record<Kind, number> = { fetch: 0, backup: 0, recovery: 0, kill: 0 };
  const right: Record<Kind, number> = { fetch: 0, backup: 0, recovery: 0, kill: 0 };
  const cutsHappened: Record<Kind, number> = { fetch: 0, backup: 0, recovery: 0, kill: 0 };
  const wrong: string[] = [];
  /** What the extension reported, per kind of scenario: "successful", "recover failed, NO, …". */
  const reports = new Map<string, number>();
  const judge = (kind: Kind, { problem, reported }: Verdict, scenario: number) => {
    ran[kind]++;
    reports.set(`${kind}: ${reported}`, (reports.get(`${kind}: ${reported}`) ?? 0) + 1);
    if (problem === undefined) right[kind]++;
    else wrong.push(`#${scenario} ${kind}: ${problem}`);
  };

  try {
    const child = async <K extends TreeNode['kind']>(
      parent: TreeNode | undefined,
      kind: K,
      match: (n: NodeOf<K>) => boolean = () => true,
    ): Promise<NodeOf<K>> => {
      const found = (await tree.getChildren(parent)).find(
        (n): n is NodeOf<K> => n.kind === kind && match(n as NodeOf<K>),
      );
      if (!found) throw new Error(`no ${kind} under ${parent?.id ?? 'the root'}`);
      return found;
    };
    const prd = await child(
      await child(await child(undefined, 'system'), 'databases'),
      'database',
      (d) => d.database.name === 'PRD',
    );
    const days = await tree.getChildren(await child(prd, 'logBackups'));
    // A past day (nothing is added to it any more), every entry on it: several fetches' worth.
    const day = days.filter((n): n is NodeOf<'logDay'> => n.kind === 'logDay')[3];
    const mark = proxy.bytesFromServer;
    const reference = JSON.stringify(await tree.getChildren(day));
    const dayBytes = proxy.bytesFromServer - mark;

    const catalogOf = async (): Promise<Map<number, string>> =>
      new Map(
        (
          await truth.exec<{ BACKUP_ID: number; STATE_NAME: string }>(
            "SELECT BACKUP_ID, STATE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD' AND ENTRY_TYPE_NAME = 'complete data backup'",
          )
        ).map((r) => [Number(r.BACKUP_ID), r.STATE_NAME]),
      );
    const activeStatus = async (): Promise<string> =>
      (
        await truth.exec<{ S: string }>(
          "SELECT ACTIVE_STATUS AS S FROM M_DATABASES WHERE DATABASE_NAME = 'PRD'",
        )
      )[0].S;
    const recoveries = (): number => {
      const db = openSqlite(path.join(dataDir, 'catalog.sqlite'));
      try {
        return (
          db.prepare("SELECT COUNT(*) AS n FROM HS_RECOVERY WHERE database = 'PRD'").get() as { n: number }
        ).n;
      } finally {
        db.close();
      }
    };
    const backupRequest = () => ({
      database: 'PRD',
      type: 'complete' as const,
      destination: 'file' as const,
      prefix: `BENCH_FAULTS_${Date.now()}`,
    });
    const now = async (): Promise<number> => {
      const [{ T }] = await truth.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
      return new Date(`${String(T).replace(' ', 'T')}Z`).getTime();
    };
    const recoveryPlan = async (): Promise<RecoveryPlan> => {
      // A point of the last six days (each recovery begins a new log sequence after it).
      const target = { kind: 'time' as const, at: new Date((await now()) - (1 + random() * 5) * DAY) };
      const result = planRecovery(await readRecoverySlice(pool, 'PRD', target), target);
      if (!result.ok) throw new Error(`no plan: ${result.refusal.reason}`);
      return result.plan;
    };

    /**
     * A backup followed to its end (`whenRunning` sees every progress report while it runs,
     * `settle` is awaited before the truth is read); wrong when the outcome and the catalog
     * disagree in anything.
     */
    async function backupScenario(
      runner: SqlRunner,
      whenRunning: () => void = () => undefined,
      settle: () => Promise<unknown> = async () => undefined,
    ): Promise<Verdict> {
      const before = await catalogOf();
      const offset = log.mark();
      let outcome: BackupOutcome | undefined;
      let thrown: unknown;
      try {
        outcome = await runDataBackup(runner, backupRequest(), {
          pollIntervalMs: 50,
          onProgress: (p) => p.state === 'running' && whenRunning(),
        });
      } catch (error) {
        thrown = error;
      }
      await settle();
      const after = await catalogOf();
      const added = [...after.keys()].filter((id) => !before.has(id));
      const sent = log.since(offset).filter((s) => s.startsWith('BACKUP DATA')).length;
      const reported = outcome ? outcome.state : 'error before the backup started';
      const verdict = (problem?: string): Verdict => ({ reported, problem });
      if (sent > 1 || added.length > 1)
        return verdict(`${sent} BACKUP statements, ${added.length} new entries`);
      if (thrown !== undefined)
        return verdict(
          added.length === 0
            ? undefined
            : `threw "${String(thrown)}" although backup ${added[0]} started (${after.get(added[0])})`,
        );
      if (!outcome || added.length !== 1)
        return verdict(`outcome ${JSON.stringify(outcome)}, ${added.length} new entries`);
      const truthState = after.get(added[0]);
      if (String(added[0]) !== outcome.backupId || truthState !== outcome.state)
        return verdict(
          `outcome ${outcome.state} for ${outcome.backupId}, catalog ${truthState} for ${added[0]}`,
        );
      return verdict();
    }

    /** A recovery run; wrong when it claims what hanasim did not do, or hides what it did. */
    async function recoveryScenario(fault: () => void): Promise<Verdict> {
      if ((await activeStatus()) !== 'YES') await truth.exec('ALTER SYSTEM START DATABASE PRD');
      const plan = await recoveryPlan();
      const offset = log.mark();
      const before = recoveries();
      let outcome: RecoveryOutcome | undefined;
      let thrown: unknown;
      fault();
      try {
        outcome = await runRecovery(cutRunner, plan, { recoverTimeoutMs: 60_000 });
      } catch (error) {
        thrown = error;
      }
      const made = recoveries() - before;
      const sent = log.since(offset).filter((s) => s.startsWith('RECOVER')).length;
      const status = await activeStatus();
      const reported = !outcome
        ? 'error before the stop'
        : outcome.ok
          ? `recovered${outcome.confirmedAfterReconnect ? ' (confirmed after reconnecting)' : ''}`
          : `${outcome.step} failed, tenant ${outcome.activeStatus ?? 'unknown'}${outcome.mayStillBeRecovering ? ', may still be recovering' : ''}`;
      const verdict = (problem?: string): Verdict => ({ reported, problem });
      if (sent > 1 || made > 1) return verdict(`${sent} RECOVER statements, ${made} recoveries`);
      if (thrown !== undefined)
        return verdict(
          made === 0 && status === 'YES'
            ? undefined
            : `threw "${String(thrown)}" with ${made} recoveries, ${status}`,
        );
      if (!outcome) return verdict('no outcome');
      if (outcome.ok)
        return verdict(
          made === 1 && status === 'YES' ? undefined : `claims a recovery: ${made} made, ${status}`,
        );
      if (outcome.activeStatus !== undefined && outcome.activeStatus !== status)
        return verdict(`says ${outcome.activeStatus}, HANA says ${status}`);
      if (made === 1 && outcome.activeStatus !== undefined)
        return verdict(`recovery made but reported failed at ${outcome.step}: ${String(outcome.error)}`);
      return verdict();
    }

    const kinds: Kind[] = ['fetch', 'backup', 'recovery'];
    // How many bytes a backup and a recovery receive, so the cuts can fall anywhere in them.
    let backupBytes = 0;
    let recoveryBytes = 0;
    {
      const b0 = proxy.bytesFromServer;
      await backupScenario(pool);
      backupBytes = proxy.bytesFromServer - b0;
      // Counted from the moment the fault is armed: after planning, when the run begins.
      let r0 = 0;
      await recoveryScenario(() => (r0 = proxy.bytesFromServer));
      recoveryBytes = proxy.bytesFromServer - r0;
    }
    const started = performance.now();
    for (let scenario = 1; scenario <= cuts; scenario++) {
      const kind = kinds[Math.floor(random() * kinds.length)];
      const before = proxy.cut;
      if (kind === 'fetch') {
        void proxy.cutAfterServerBytes(Math.floor(random() * dayBytes));
        const first = await tree.getChildren(day);
        proxy.disarm();
        const second = JSON.stringify(await tree.getChildren(day));
        const broken = first.length === 1 && first[0].kind === 'message' ? first[0].text : undefined;
        const whole = JSON.stringify(first) === reference;
        const firstOk = whole || (broken !== undefined && !/\n\s+at /.test(broken));
        judge(
          kind,
          {
            // The driver itself recovers a cut before a statement's execution (e.g. in a PREPARE).
            reported: whole ? 'the whole list (the driver recovered)' : 'an error, then the whole list',
            problem: firstOk && second === reference ? undefined : `read ${first.length} nodes: ${broken}`,
          },
          scenario,
        );
      } else if (kind === 'backup') {
        // The truth is read beside the proxy: the cut falls on the extension's traffic only.
        void proxy.cutAfterServerBytes(Math.floor(random() * backupBytes));
        judge(kind, await backupScenario(cutRunner), scenario);
        proxy.disarm();
      } else {
        const at = Math.floor(random() * recoveryBytes);
        judge(kind, await recoveryScenario(() => void proxy.cutAfterServerBytes(at)), scenario);
        proxy.disarm();
      }
      if (proxy.cut > before) cutsHappened[kind]++;
    }
    const cutSeconds = (performance.now() - started) / 1000;

    for (let scenario = 1; scenario <= kills; scenario++) {
      let restarted: Promise<void> | undefined;
      // At the k-th progress report: early, mid-way or (when the backup is done first) never.
      let progressReports = 1 + Math.floor(random() * 8);
      const verdict = await backupScenario(
        killRunner,
        () => {
          if (--progressReports > 0) return;
          restarted ??= (async () => {
            await truth.close();
            await sim.kill();
            sim = await launch();
            truth = await connect({ port: sim.ports.SYSTEMDB, password: PASSWORD });
          })();
        },
        async () => restarted,
      );
      judge('kill', verdict, scenario);
      if (restarted) cutsHappened.kill++;
    }

    const total = (k: Record<Kind, number>) => k.fetch + k.backup + k.recovery + k.kill;
    const cut = summarise(reconnects.cut);
    const kill = summarise(reconnects.kill.length ? reconnects.kill : [0]);
    console.log(`| faults (seed ${option('seed', 7)}) | run | correct final state | fault hit |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const kind of [...kinds, 'kill'] as Kind[])
      console.log(`| ${kind} | ${ran[kind]} | ${right[kind]} | ${cutsHappened[kind]} |`);
    console.log(`| all | ${total(ran)} | ${total(right)} | ${total(cutsHappened)} |`);
    console.log(
      `\nLost connection → next statement that succeeded: cuts ${cut.median} / ${cut.p95} ms (median / p95, n=${cut.n}); ` +
        `kill -9 and restart ${kill.median} / ${kill.p95} ms (n=${reconnects.kill.length}).`,
    );
    console.log(
      `${cuts} cut scenarios in ${cutSeconds.toFixed(0)} s; connections opened: ${pool.stats().created}.`,
    );
    console.log('What the extension reported:');
    for (const [reported, n] of [...reports].sort()) console.log(`  ${reported}: ${n}`);
    console.log(wrong.length ? `Wrong outcomes:\n${wrong.join('\n')}` : 'Wrong outcomes: none.');
  } finally {
    await pool.dispose();
    await proxy.close();
    await truth.close().catch(() => undefined);
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
