/**
 * What the "HANA Backup" view shows, without VS Code: the children of each node, read when it is
 * expanded, each list one page (or one bounded time range of HANA-side aggregates). The view's
 * provider wraps it; the benchmark drives it directly.
 */
import type { CatalogEntry } from '../catalog/catalogTypes';
import { readDatabaseSummary } from '../catalog/databaseSummary';
import {
  hasDataBackupsBefore,
  readDataBackups,
  readDataBackupWeeks,
  readSnapshots,
} from '../catalog/dataBackupQueries';
import { readEffectiveConfiguration } from '../catalog/configurationQueries';
import { readSystemOverview } from '../catalog/landscapeQueries';
import { hasLogBackupsBefore, readLogDays, readLogEntries } from '../catalog/logBackupQueries';
import type { ConnectionConfig } from '../connections/connectionConfig';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import type { SqlRunner } from '../hana/connectionPool';
import type { NodeOf, PolicyFacts, TreeNode } from './treeNodes';

const DAY_MS = 86_400_000;
/** Week groups per "Load older weeks" step; log days per "Load older days" step. */
const WEEKS_PER_STEP = 12;
const LOG_DAYS_PER_STEP = 30;

export type PolicyLookup = (system: string, database: string) => Promise<PolicyFacts | undefined>;

/** The connections the tree shows and a runner for each (prompting for a password only when asked to). */
export interface TreeSource {
  list(): ConnectionConfig[];
  problems(): string[];
  runner(connection: string, options: { prompt?: boolean }): Promise<SqlRunner>;
}

export interface TreeDataOptions {
  pageSize(): number;
  groupOlderThanDays(): number;
  policyFor?: PolicyLookup;
  /** How many pages (steps) a growable list shows. */
  stepsOf(key: string): number;
  /** A node's own line changed while its children were read (a system that just connected). */
  nodeChanged(node: TreeNode): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TreeData {
  constructor(
    private readonly source: TreeSource,
    private readonly options: TreeDataOptions,
  ) {}

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.systems();
    try {
      return await this.childrenOf(node);
    } catch (error) {
      if (error instanceof PasswordNotGiven)
        return [
          {
            kind: 'message',
            id: `${node.id}/error`,
            text: 'Not connected: no password given',
            severity: 'warning',
          },
        ];
      return [{ kind: 'message', id: `${node.id}/error`, text: errorText(error), severity: 'error' }];
    }
  }

  private runner(connection: string, prompt = true): Promise<SqlRunner> {
    return this.source.runner(connection, { prompt });
  }

  private async systems(): Promise<TreeNode[]> {
    const list = this.source.list();
    const problems = this.source.problems().map((problem, i): TreeNode => ({
      kind: 'message',
      id: `problem/${i}`,
      text: `hanaBackup.connections: ${problem}`,
      severity: 'warning',
    }));
    if (list.length === 0)
      return [
        ...problems,
        {
          kind: 'message',
          id: 'add',
          text: 'Add a HANA connection…',
          severity: 'info',
          commandId: 'hanaBackup.addConnection',
        },
      ];
    const systems = await Promise.all(
      list.map(async (connection): Promise<TreeNode> => {
        const id = `sys/${connection.name}`;
        try {
          const overview = await readSystemOverview(await this.runner(connection.name, false));
          return { kind: 'system', id, connection, overview };
        } catch (error) {
          if (error instanceof PasswordNotGiven) return { kind: 'system', id, connection };
          return { kind: 'system', id, connection, error: errorText(error) };
        }
      }),
    );
    return [...problems, ...systems];
  }

  private async childrenOf(node: TreeNode): Promise<TreeNode[]> {
    switch (node.kind) {
      case 'system': {
        const name = node.connection.name;
        if (!node.overview) {
          // Connected just now by expanding: the system line itself has news.
          node.overview = await readSystemOverview(await this.runner(name));
          node.error = undefined;
          this.options.nodeChanged(node);
        }
        const overview = node.overview;
        return [
          { kind: 'hosts', id: `${node.id}/hosts`, connection: name, overview },
          { kind: 'databases', id: `${node.id}/dbs`, connection: name, overview },
        ];
      }
      case 'hosts':
        return node.overview.hosts.map((host) => ({
          kind: 'host',
          id: `${node.id}/${host.name}`,
          connection: node.connection,
          host,
        }));
      case 'host':
        return node.host.overrides.map((o) => ({
          kind: 'message',
          id: `${node.id}/${o.section}/${o.key}`,
          text: `[${o.section}] ${o.key} = ${o.value}`,
          detail: `Set in the HOST layer of ${node.host.name}: it wins over the SYSTEM and DATABASE layers for every database's services on this host.`,
          severity: 'warning',
        }));
      case 'databases':
        return this.databases(node);
      case 'database':
        return this.databaseChildren(node);
      case 'dataBackups':
        return this.dataBackups(node);
      case 'dataWeek': {
        const runner = await this.runner(node.connection);
        const from = new Date(Math.floor(node.week.first.getTime() / DAY_MS) * DAY_MS);
        const to = new Date(Math.floor(node.week.last.getTime() / DAY_MS) * DAY_MS + DAY_MS);
        return this.pagedEntries(node, (limit) =>
          readDataBackups(runner, node.database, { from, to }, { offset: 0, limit }),
        );
      }
      case 'logBackups':
        return this.logDays(node);
      case 'logDay': {
        const runner = await this.runner(node.connection);
        return this.pagedEntries(node, (limit) =>
          readLogEntries(runner, node.database, node.day.day, { offset: 0, limit }),
        );
      }
      case 'snapshots': {
        const runner = await this.runner(node.connection);
        const nodes = await this.pagedEntries(node, (limit) =>
          readSnapshots(runner, node.database, { offset: 0, limit }),
        );
        return nodes.length
          ? nodes
          : [{ kind: 'message', id: `${node.id}/none`, text: 'No snapshots', severity: 'info' }];
      }
      case 'configuration': {
        const parameters = await readEffectiveConfiguration(
          await this.runner(node.connection),
          node.database,
        );
        return parameters.map((parameter) => ({
          kind: 'parameter',
          id: `${node.id}/${parameter.section}/${parameter.key}`,
          connection: node.connection,
          database: node.database,
          parameter,
        }));
      }
      default:
        return [];
    }
  }

  private async databases(node: NodeOf<'databases'>): Promise<TreeNode[]> {
    const runner = await this.runner(node.connection);
    return Promise.all(
      node.overview.databases.map(async (database): Promise<TreeNode> => {
        const id = `${node.id}/${database.name}`;
        const base = { kind: 'database' as const, id, connection: node.connection, database };
        try {
          const [summary, policy] = await Promise.all([
            readDatabaseSummary(runner, database.name),
            this.options.policyFor?.(node.connection, database.name).catch(() => undefined),
          ]);
          return { ...base, summary, policy };
        } catch (error) {
          return { ...base, error: errorText(error) };
        }
      }),
    );
  }

  private async databaseChildren(node: NodeOf<'database'>): Promise<TreeNode[]> {
    const summary =
      node.summary ?? (await readDatabaseSummary(await this.runner(node.connection), node.database.name));
    const common = { connection: node.connection, database: node.database.name };
    return [
      { kind: 'summary', id: `${node.id}/summary`, ...common, summary, policy: node.policy },
      { kind: 'dataBackups', id: `${node.id}/data`, ...common, summary },
      { kind: 'logBackups', id: `${node.id}/log`, ...common, summary },
      { kind: 'snapshots', id: `${node.id}/snapshots`, ...common, summary },
      { kind: 'configuration', id: `${node.id}/config`, ...common },
    ];
  }

  /** Entries from a query that takes a limit; one more page per "Load more". */
  private async pagedEntries(
    node: TreeNode & { connection: string; database: string },
    read: (limit: number) => Promise<{ items: CatalogEntry[]; more: boolean }>,
  ): Promise<TreeNode[]> {
    const pageSize = this.options.pageSize();
    const page = await read(pageSize * this.options.stepsOf(node.id));
    const nodes: TreeNode[] = page.items.map((entry) => ({
      kind: 'entry',
      id: `${node.id}/${entry.entryType}/${entry.backupId}`,
      connection: node.connection,
      database: node.database,
      entry,
    }));
    if (page.more)
      nodes.push({
        kind: 'loadMore',
        id: `${node.id}/more`,
        container: node.id,
        stepKey: node.id,
        label: `Load ${pageSize} more`,
      });
    return nodes;
  }

  private async dataBackups(node: NodeOf<'dataBackups'>): Promise<TreeNode[]> {
    const runner = await this.runner(node.connection);
    const now = node.summary.now;
    const groupBefore = new Date(now.getTime() - this.options.groupOlderThanDays() * DAY_MS);
    const recent = await this.pagedEntries(node, (limit) =>
      readDataBackups(runner, node.database, { from: groupBefore }, { offset: 0, limit }),
    );
    const weeksId = `${node.id}/weeks`;
    const weeksFrom = new Date(
      groupBefore.getTime() - this.options.stepsOf(weeksId) * WEEKS_PER_STEP * 7 * DAY_MS,
    );
    const [weeks, older] = await Promise.all([
      readDataBackupWeeks(runner, node.database, { from: weeksFrom, before: groupBefore }),
      hasDataBackupsBefore(runner, node.database, weeksFrom),
    ]);
    const nodes: TreeNode[] = [
      ...recent,
      ...weeks.map((week): TreeNode => ({
        kind: 'dataWeek',
        id: `${node.id}/week/${week.week}`,
        connection: node.connection,
        database: node.database,
        week,
      })),
    ];
    if (older)
      nodes.push({
        kind: 'loadMore',
        id: `${weeksId}/more`,
        container: node.id,
        stepKey: weeksId,
        label: `Load ${WEEKS_PER_STEP} older weeks`,
      });
    if (nodes.length === 0)
      nodes.push({ kind: 'message', id: `${node.id}/none`, text: 'No data backups', severity: 'warning' });
    return nodes;
  }

  private async logDays(node: NodeOf<'logBackups'>): Promise<TreeNode[]> {
    const runner = await this.runner(node.connection);
    const now = node.summary.now;
    const before = new Date(now.getTime() + DAY_MS);
    const from = new Date(
      Math.floor(now.getTime() / DAY_MS) * DAY_MS -
        (this.options.stepsOf(node.id) * LOG_DAYS_PER_STEP - 1) * DAY_MS,
    );
    const [days, older] = await Promise.all([
      readLogDays(runner, node.database, { from, before }),
      hasLogBackupsBefore(runner, node.database, from),
    ]);
    const nodes: TreeNode[] = days.map((day) => ({
      kind: 'logDay',
      id: `${node.id}/${day.day}`,
      connection: node.connection,
      database: node.database,
      day,
    }));
    if (older)
      nodes.push({
        kind: 'loadMore',
        id: `${node.id}/more`,
        container: node.id,
        stepKey: node.id,
        label: `Load ${LOG_DAYS_PER_STEP} older days`,
      });
    if (nodes.length === 0)
      nodes.push({ kind: 'message', id: `${node.id}/none`, text: 'No log backups', severity: 'warning' });
    return nodes;
  }
}
