// What the "HANA Backup" view shows (client/src/tree/treeData.ts, no VS Code) for the demo seed, and
// how much it fetches per expansion.
import * as assert from 'node:assert/strict';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { TreeData } from '../../client/src/tree/treeData';
import type { NodeOf, TreeNode } from '../../client/src/tree/treeNodes';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';
import { CountingSource } from './support/treeSource';

const PAGE = 10;

describe('tree content on the demo seed', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('tree', { seed: 'demo' });
  let pool: HanaConnectionPool;
  let source: CountingSource;
  let tree: TreeData;
  const steps = new Map<string, number>();
  const changed: TreeNode[] = [];

  before(() => {
    const connection = { name: 'PRD', host: '127.0.0.1', port: session.sim.ports.SYSTEMDB, user: 'SYSTEM' };
    pool = new HanaConnectionPool({ ...connection, password: PASSWORD });
    source = new CountingSource(connection, pool);
    tree = new TreeData(source, {
      pageSize: () => PAGE,
      groupOlderThanDays: () => 14,
      policyFor: async (system) =>
        system === 'PRD' ? { policy: 'prd', uri: 'file:///prd', rpoSeconds: 900, rpoText: '15m' } : undefined,
      stepsOf: (key) => steps.get(key) ?? 1,
      nodeChanged: (node) => changed.push(node),
    });
  });
  after(() => pool.dispose());

  async function child<K extends TreeNode['kind']>(
    parent: TreeNode | undefined,
    kind: K,
    match: (node: NodeOf<K>) => boolean = () => true,
  ): Promise<NodeOf<K>> {
    const list = await tree.getChildren(parent);
    const found = list.find((n): n is NodeOf<K> => n.kind === kind && match(n as NodeOf<K>));
    assert.ok(found, `no ${kind} under ${parent?.id ?? 'the root'}: ${list.map((n) => n.id).join(', ')}`);
    return found;
  }

  const prd = async () =>
    child(
      await child(await child(undefined, 'system'), 'databases'),
      'database',
      (d) => d.database.name === 'PRD',
    );

  it('the system, its hosts with the override, its databases with summaries and the policy', async () => {
    const system = await child(undefined, 'system');
    assert.equal(system.overview?.hosts.length, 2);
    const hosts = await child(system, 'hosts');
    const hana02 = await child(hosts, 'host', (h) => h.host.name === 'hana02');
    assert.deepEqual(
      (await tree.getChildren(hana02)).map((n) => n.kind === 'message' && n.text),
      ['[persistence] log_backup_timeout_s = 3600'],
    );
    const database = await prd();
    assert.ok(database.summary?.window.from);
    assert.equal(database.policy?.rpoText, '15m');
  });

  it('pages the entries of a log day: one page, then one more per "Load more"', async () => {
    const logs = await child(await prd(), 'logBackups');
    const day = (await tree.getChildren(logs)).find(
      (n): n is NodeOf<'logDay'> => n.kind === 'logDay' && n.day.count > 3 * PAGE,
    );
    assert.ok(day, 'a day with more than three pages of log backups');
    source.take();
    const first = await tree.getChildren(day);
    assert.equal(first.filter((n) => n.kind === 'entry').length, PAGE);
    const more = first.at(-1);
    assert.equal(more?.kind, 'loadMore');
    assert.ok(source.take().rows <= PAGE + 1, 'one page (and one row to know there is more) was fetched');
    steps.set((more as NodeOf<'loadMore'>).stepKey, 2);
    const second = await tree.getChildren(day);
    assert.equal(second.filter((n) => n.kind === 'entry').length, 2 * PAGE);
    assert.deepEqual(
      second.slice(0, PAGE).map((n) => n.id),
      first.slice(0, PAGE).map((n) => n.id),
    );
  });

  it('data backups: recent ones one by one (paged), older ones as weeks aggregated by HANA', async () => {
    const data = await child(await prd(), 'dataBackups');
    source.take();
    const nodes = await tree.getChildren(data);
    const { rows } = source.take();
    const entries = nodes.filter((n) => n.kind === 'entry');
    const weeks = nodes.filter((n): n is NodeOf<'dataWeek'> => n.kind === 'dataWeek');
    assert.equal(entries.length, PAGE, 'the first page of the last 14 days');
    assert.ok(nodes.some((n) => n.kind === 'loadMore' && n.stepKey === data.id));
    assert.ok(weeks.length >= 4, String(weeks.length));
    assert.ok(rows <= PAGE + 1 + weeks.length + 1, `${rows} rows for ${nodes.length} nodes`);
    const week = await tree.getChildren(weeks[0]);
    assert.equal(week.filter((n) => n.kind === 'entry').length, weeks[0].week.count);
  });

  it('an unreachable system is shown with the reason on its node', async () => {
    const broken = new TreeData(
      {
        list: () => [{ name: 'GONE', host: '127.0.0.1', port: 1 }],
        problems: () => [],
        runner: async () => ({
          name: 'GONE',
          exec: () => Promise.reject(new Error('Connection refused by 127.0.0.1:1')),
        }),
      },
      { pageSize: () => PAGE, groupOlderThanDays: () => 14, stepsOf: () => 1, nodeChanged: () => undefined },
    );
    const [node] = await broken.getChildren();
    assert.equal(node.kind, 'system');
    assert.match((node as NodeOf<'system'>).error ?? '', /Connection refused/);
  });
});
