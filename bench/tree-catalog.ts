// Opening the "HANA Backup" view's nodes on the demo seed and on the large seed (over a million
// catalog entries): the time each expansion takes and the rows it fetches, through the view's own
// code (client/src/tree/treeData.ts) and @sap/hana-client. Prints figures, asserts nothing.
// Run: npm run bench:tree
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HanaConnectionPool } from '../client/src/hana/connectionPool';
import { TreeData } from '../client/src/tree/treeData';
import type { NodeOf, TreeNode } from '../client/src/tree/treeNodes';
import { launchSimulator } from '../test/hanasim/launch.mjs';
import { CountingSource } from '../test/integration/support/treeSource';
import { runBenchmark } from './support/runBenchmark';

const PASSWORD = 'Manager1-Bench';
const PAGE = 200;
const RUNS = 5;

interface Figure {
  step: string;
  medianMs: number;
  rows: number;
}

function find<K extends TreeNode['kind']>(
  nodes: TreeNode[],
  kind: K,
  match: (n: NodeOf<K>) => boolean = () => true,
): NodeOf<K> {
  const found = nodes.find((n): n is NodeOf<K> => n.kind === kind && match(n as NodeOf<K>));
  if (!found) throw new Error(`no ${kind} among ${nodes.map((n) => n.id).join(', ')}`);
  return found;
}

async function measure(
  seed: 'demo' | 'large',
  database: string,
): Promise<{ figures: Figure[]; catalogRows: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-tree-${seed}-`));
  const sim = await launchSimulator({ dataDir, password: PASSWORD, seed });
  const connection = { name: 'BENCH', host: '127.0.0.1', port: sim.ports.SYSTEMDB, user: 'SYSTEM' };
  const pool = new HanaConnectionPool({ ...connection, password: PASSWORD }, { statementTimeoutMs: 60_000 });
  try {
    const source = new CountingSource(connection, pool);
    const tree = new TreeData(source, {
      pageSize: () => PAGE,
      groupOlderThanDays: () => 14,
      stepsOf: () => 1,
      nodeChanged: () => undefined,
    });
    const figures: Figure[] = [];
    const time = async (step: string, open: () => Promise<TreeNode[]>): Promise<TreeNode[]> => {
      let result: TreeNode[] = [];
      const times: number[] = [];
      let rows = 0;
      for (let run = 0; run < RUNS; run++) {
        source.take();
        const started = performance.now();
        result = await open();
        times.push(performance.now() - started);
        rows = Math.max(rows, source.take().rows);
      }
      times.sort((a, b) => a - b);
      figures.push({ step, medianMs: times[Math.floor(times.length / 2)], rows });
      return result;
    };
    const roots = await time('system (overview)', () => tree.getChildren());
    const system = find(roots, 'system');
    const groups = await tree.getChildren(system);
    const dbs = await time('Databases (every database summarised)', () =>
      tree.getChildren(find(groups, 'databases')),
    );
    const db = find(dbs, 'database', (d) => d.database.name === database);
    const children = await time('a database (its summary)', () =>
      tree.getChildren({ ...db, summary: undefined }),
    );
    await time('Data backups', () => tree.getChildren(find(children, 'dataBackups')));
    const days = await time('Log backups (days)', () => tree.getChildren(find(children, 'logBackups')));
    await time('one day of log backups (first page)', () => tree.getChildren(find(days, 'logDay')));
    await time('Snapshots', () => tree.getChildren(find(children, 'snapshots')));
    await time('Configuration', () => tree.getChildren(find(children, 'configuration')));
    const [{ N }] = await pool.exec<{ N: number }>(
      'SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ?',
      [database],
    );
    return { figures, catalogRows: Number(N) };
  } finally {
    await pool.dispose();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const demo = await measure('demo', 'PRD');
  const large = await measure('large', 'T02');
  console.log(
    `| opening a node (median of ${RUNS}) | demo: PRD, ${demo.catalogRows.toLocaleString('en-US')} entries | large: T02, ${large.catalogRows.toLocaleString('en-US')} entries | rows fetched (large) | target |`,
  );
  console.log('| --- | ---: | ---: | ---: | --- |');
  demo.figures.forEach((d, i) => {
    const l = large.figures[i];
    const ok = l.medianMs < 500 ? '✔' : '✘';
    console.log(
      `| ${d.step} | ${d.medianMs.toFixed(0)} ms | ${l.medianMs.toFixed(0)} ms | ${l.rows.toLocaleString('en-US')} | < 500 ms ${ok} |`,
    );
  });
  const most = Math.max(...large.figures.map((f) => f.rows));
  console.log(`\nMost rows one expansion fetched on the large seed: ${most} (page size ${PAGE}).`);
}

runBenchmark(main);
