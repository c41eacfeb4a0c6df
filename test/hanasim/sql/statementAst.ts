/** AST of the non-SELECT statements hanasim implements (facts §2.3, §3). */

/** Whose data a BACKUP DATA statement concerns. */
export type BackupTarget = { kind: 'current' } | { kind: 'database'; name: string } | { kind: 'fullSystem' };

export type Destination = { type: 'file' | 'backint'; prefix: string };

export type Statement =
  | {
      kind: 'backupData';
      backupType: 'complete' | 'differential' | 'incremental';
      target: BackupTarget;
      destination: Destination;
      asynchronous: boolean;
      comment?: string;
    }
  | { kind: 'createSnapshot'; target: BackupTarget; comment?: string }
  | {
      kind: 'closeSnapshot';
      target: BackupTarget;
      backupId: number;
      successful: boolean;
      /** SUCCESSFUL '<external backup id>'. */
      externalBackupId?: string;
      /** UNSUCCESSFUL ['<text>']. */
      message?: string;
    }
  | { kind: 'backupCancel'; backupId?: number }
  | {
      kind: 'catalogDelete';
      database?: string;
      /** 'allBefore': ALL BEFORE BACKUP_ID; 'single': BACKUP_ID. */
      scope: 'allBefore' | 'single';
      backupId: number;
      /** catalog only; COMPLETE: also files and Backint objects; WITH FILE / WITH BACKINT: only those. */
      remove: 'catalog' | 'complete' | 'file' | 'backint';
    }
  | {
      kind: 'recoverDatabase';
      database?: string;
      untilTimestamp: string;
      untilTime: Date;
      clearLog: boolean;
      catalog?: RecoverCatalog;
      logPaths?: string[];
      dataPaths?: string[];
      backupId?: number;
      useSnapshot: boolean;
      source?: string;
      checkAccess?: 'file' | 'backint';
    }
  | {
      kind: 'recoverData';
      database?: string;
      /** Exactly one source of the data backup. */
      using:
        | { type: 'backupId'; backupId: number }
        | { type: 'file' | 'backint'; prefix: string }
        | { type: 'snapshot' };
      clearLog: boolean;
      catalog?: RecoverCatalog;
      dataPaths?: string[];
      source?: string;
      checkAccess?: 'file' | 'backint';
    }
  | {
      kind: 'alterConfiguration';
      file: string;
      layer: 'SYSTEM' | 'DATABASE' | 'HOST';
      layerName?: string;
      action: 'set' | 'unset';
      entries: { section: string; key: string; value?: string }[];
      reconfigure: boolean;
      comment?: string;
    }
  | { kind: 'stopDatabase'; database: string; immediate: boolean }
  | { kind: 'startDatabase'; database: string }
  | { kind: 'alterDatabaseNoRestart'; database: string }
  | { kind: 'call'; procedure: string; args: (string | number | null)[] }
  | { kind: 'commit' }
  | { kind: 'rollback' }
  | { kind: 'set'; what: 'schema' | 'isolationLevel' | 'transaction' | 'sessionVariable'; value: string };

/** USING CATALOG PATH ('…') / USING CATALOG BACKINT / USING CATALOG FILE. */
export type RecoverCatalog = { type: 'path'; paths: string[] } | { type: 'backint' } | { type: 'file' };

export type StatementKind = Statement['kind'];
