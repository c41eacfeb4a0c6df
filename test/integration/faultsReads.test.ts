// Faults while the "HANA Backup" view reads the catalog (client/src/tree/treeData.ts) through
// @sap/hana-client: a reply cut off mid-fetch by the network, the simulator killed (-9) and
// started again, a server slower than the statement deadline. Each time the view says what went
// wrong in words, and the next read shows exactly what HANA holds.
import * as assert from 'node:assert/strict';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import type { ConnectionSettings } from '../../client/src/hana/types';
import { TreeData } from '../../client/src/tree/treeData';
import type { NodeOf, TreeNode } from '../../client/src/tree/treeNodes';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';
import { FaultProxy } from './support/faultProxy';
import { CountingSource } from './support/treeSource';

const PAGE = 50;

describe('faults while the view reads the catalog', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('faults-reads', { seed: 'demo', deadlineMs: 60000 });
  let proxy: FaultProxy;
  const pools: HanaConnectionPool[] = [];
  const steps = new Map<string, number>();

  before(async () => {
    proxy = await FaultProxy.start(() => session.sim.ports.SYSTEMDB);
  });
  after(async () => {
    await Promise.all(pools.map((p) => p.dispose()));
    await proxy?.close();
  });

  /** The view over a pool of `settings` (read on every connect: after a restart the port is new). */
  function view(settings: () => ConnectionSettings, statementTimeoutMs = 20000) {
    const pool = new HanaConnectionPool(settings, { statementTimeoutMs, connectTimeoutMs: 5000 });
    pools.push(pool);
    const { name, host, port, user } = settings();
    const tree = new TreeData(new CountingSource({ name, host, port, user }, pool), {
      pageSize: () => PAGE,
      groupOlderThanDays: () => 14,
      stepsOf: (key) => steps.get(key) ?? 1,
      nodeChanged: () => undefined,
    });
    return { pool, tree };
  }
  const throughProxy = (): ConnectionSettings => ({
    name: 'PRD',
    host: '127.0.0.1',
    port: proxy.port,
    user: 'SYSTEM',
    password: PASSWORD,
  });

  async function child<K extends TreeNode['kind']>(
    tree: TreeData,
    parent: TreeNode | undefined,
    kind: K,
    match: (node: NodeOf<K>) => boolean = () => true,
  ): Promise<NodeOf<K>> {
    const list = await tree.getChildren(parent);
    const found = list.find((n): n is NodeOf<K> => n.kind === kind && match(n as NodeOf<K>));
    assert.ok(found, `no ${kind} under ${parent?.id ?? 'the root'}: ${JSON.stringify(list)}`);
    return found;
  }
  const prd = async (tree: TreeData) =>
    child(
      tree,
      await child(tree, await child(tree, undefined, 'system'), 'databases'),
      'database',
      (d) => d.database.name === 'PRD',
    );

  /** An error shown in the view: in words, one line, no stack, no password. */
  function assertReadable(text: string | undefined, expected: RegExp): void {
    assert.ok(text, 'an error text');
    assert.match(text, expected);
    assert.ok(!/\n\s+at /.test(text) && !text.includes(PASSWORD) && !text.includes('[object'), text);
  }

  it('a long list cut off mid-fetch: the driver’s error in words, then the full list on a new connection', async () => {
    const { pool, tree } = view(throughProxy);
    const logs = await child(tree, await prd(tree), 'logBackups');
    const days = (await tree.getChildren(logs)).filter((n): n is NodeOf<'logDay'> => n.kind === 'logDay');
    // A day that is over (nothing is added to it any more) with several pages of log backups, all shown.
    const day = days.slice(1).find((d) => d.day.count > 3 * PAGE);
    assert.ok(day, `a past day with more than ${3 * PAGE} log backups`);
    steps.set(day.id, Math.ceil(day.day.count / PAGE));
    const before = proxy.bytesFromServer;
    const reference = await tree.getChildren(day);
    const replyBytes = proxy.bytesFromServer - before;
    assert.equal(reference.filter((n) => n.kind === 'entry').length, day.day.count);
    const created = pool.stats().created;

    const cut = proxy.cutAfterServerBytes(Math.floor(replyBytes / 2));
    const broken = await tree.getChildren(day);
    await cut;
    assert.equal(broken.length, 1, JSON.stringify(broken));
    const [message] = broken;
    assert.equal(message.kind, 'message');
    assert.equal(message.severity, 'error');
    assertReadable(message.text, /connection to PRD was lost .*Connection reset by peer.*opened again/);

    assert.deepEqual(await tree.getChildren(day), reference, 'the whole list again, nothing missing');
    assert.equal(pool.stats().created, created + 1, 'one new connection replaced the broken one');
  });

  it('the simulator killed and started again: unreachable with the reason, then fresh content', async () => {
    // Straight to the simulator's port: a killed HANA refuses connections, which is the reason to show.
    const { tree } = view(() => ({ ...throughProxy(), port: session.sim.ports.SYSTEMDB }));
    const system = await child(tree, undefined, 'system');
    const databases = await child(tree, system, 'databases');
    const database = await prd(tree);
    const data = await child(tree, database, 'dataBackups');
    const reference = (await tree.getChildren(data)).map((n) => n.id);

    await session.sim.kill();
    const [down] = await tree.getChildren();
    assert.equal(down.kind, 'system');
    assert.equal(down.overview, undefined, 'no landscape from before the crash');
    assertReadable(down.error, /PRD.*(refused|lost)/);
    // Nodes the view still holds from before are read again, and fail visibly (in parallel: the
    // summaries of every database at once, more than the pool has connections).
    const stale = await tree.getChildren(databases);
    assert.equal(stale.length, system.overview?.databases.length);
    for (const node of stale) {
      assert.equal(node.kind, 'database');
      assert.equal(node.summary, undefined, `${node.id}: no summary from before the crash`);
      assertReadable(node.error, /PRD/);
    }
    const [dataDown] = await tree.getChildren(data);
    assert.equal(dataDown.kind, 'message');
    assertReadable(dataDown.text, /PRD/);

    await session.restart(true);
    const [up] = await tree.getChildren();
    assert.equal(up.kind, 'system');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.overview?.databases.map((d) => d.name),
      system.overview?.databases.map((d) => d.name),
    );
    const again = await child(tree, await prd(tree), 'dataBackups');
    assert.deepEqual(
      (await tree.getChildren(again)).map((n) => n.id),
      reference,
      'the same data backups, none lost, none stale',
    );
  });

  it('a server slower than the statement deadline: a timeout in words, then the next read succeeds', async () => {
    const { pool, tree } = view(throughProxy, 2000);
    const data = await child(tree, await prd(tree), 'dataBackups');
    const reference = await tree.getChildren(data);
    const created = pool.stats().created;

    await session.system.exec("CALL HANASIM.DELAY_NEXT_STATEMENT('5s')");
    const started = Date.now();
    const slow = await tree.getChildren(data);
    assert.ok(Date.now() - started < 4500, 'the view did not wait for the slow server');
    assert.equal(slow.length, 1, JSON.stringify(slow));
    assert.equal(slow[0].kind, 'message');
    assertReadable(slow[0].text, /did not finish within 2 s and was abandoned/);

    assert.deepEqual(await tree.getChildren(data), reference);
    assert.equal(pool.stats().created, created + 1, 'the abandoned connection was replaced');
  });
});
