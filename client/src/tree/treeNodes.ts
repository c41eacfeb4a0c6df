/** The nodes of the "HANA Backup" view. Each carries what its children's queries need. */
import type {
  CatalogEntry,
  DatabaseStatus,
  DatabaseSummary,
  HostInfo,
  LogDay,
  SystemOverview,
  WeekGroup,
} from '../catalog/catalogTypes';
import type { EffectiveParameter } from '../catalog/configurationQueries';
import type { PolicyFacts } from '../../../server/src/lsp/requests';
import type { ConnectionConfig } from '../connections/connectionConfig';

export type { PolicyFacts };

export type TreeNode =
  | { kind: 'system'; id: string; connection: ConnectionConfig; overview?: SystemOverview; error?: string }
  | {
      kind: 'message';
      id: string;
      text: string;
      detail?: string;
      severity: 'info' | 'warning' | 'error';
      commandId?: string;
    }
  | { kind: 'hosts'; id: string; connection: string; overview: SystemOverview }
  | { kind: 'host'; id: string; connection: string; host: HostInfo }
  | { kind: 'databases'; id: string; connection: string; overview: SystemOverview }
  | {
      kind: 'database';
      id: string;
      connection: string;
      database: DatabaseStatus;
      summary?: DatabaseSummary;
      policy?: PolicyFacts;
      error?: string;
    }
  | {
      kind: 'summary';
      id: string;
      connection: string;
      database: string;
      summary: DatabaseSummary;
      policy?: PolicyFacts;
    }
  | { kind: 'dataBackups'; id: string; connection: string; database: string; summary: DatabaseSummary }
  | { kind: 'dataWeek'; id: string; connection: string; database: string; week: WeekGroup }
  | { kind: 'logBackups'; id: string; connection: string; database: string; summary: DatabaseSummary }
  | { kind: 'logDay'; id: string; connection: string; database: string; day: LogDay }
  | { kind: 'snapshots'; id: string; connection: string; database: string; summary: DatabaseSummary }
  | { kind: 'configuration'; id: string; connection: string; database: string }
  | { kind: 'parameter'; id: string; connection: string; database: string; parameter: EffectiveParameter }
  | { kind: 'entry'; id: string; connection: string; database: string; entry: CatalogEntry }
  /** "Load 200 more" / "Load older …": `container` is the node that shows the list, `stepKey` the list. */
  | { kind: 'loadMore'; id: string; container: string; stepKey: string; label: string };

export type NodeOf<K extends TreeNode['kind']> = Extract<TreeNode, { kind: K }>;
