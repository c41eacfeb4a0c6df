/**
 * Which system privilege each statement needs (facts §3.5), as data. `anyOf`: one of them
 * suffices. From SYSTEMDB, statements FOR a tenant also accept the SPS05+ DATABASE BACKUP/RECOVERY
 * privileges. SELECTs on the monitoring views need none (PUBLIC; rows are not filtered further).
 * CALL HANASIM.* is for the simulator's admin user only ('HANASIM ADMIN', not a HANA privilege).
 */
import type { Statement, StatementKind } from './statementAst';

export type Privilege =
  | 'BACKUP ADMIN'
  | 'BACKUP OPERATOR'
  | 'CATALOG READ'
  | 'DATABASE ADMIN'
  | 'DATABASE BACKUP ADMIN'
  | 'DATABASE BACKUP OPERATOR'
  | 'DATABASE RECOVERY OPERATOR'
  | 'DATABASE START'
  | 'DATABASE STOP'
  | 'INIFILE ADMIN'
  | 'HANASIM ADMIN';

export interface PrivilegeRule {
  /** One of these is required; empty: none. */
  anyOf: Privilege[];
  /** Additionally accepted when the statement names a tenant (FOR <db>) from SYSTEMDB. */
  forTenant?: Privilege[];
}

export const STATEMENT_PRIVILEGES: Readonly<Record<StatementKind, PrivilegeRule>> = {
  backupData: {
    anyOf: ['BACKUP ADMIN', 'BACKUP OPERATOR'],
    forTenant: ['DATABASE BACKUP ADMIN', 'DATABASE BACKUP OPERATOR'],
  },
  createSnapshot: { anyOf: ['BACKUP ADMIN', 'BACKUP OPERATOR'] },
  closeSnapshot: { anyOf: ['BACKUP ADMIN', 'BACKUP OPERATOR'] },
  backupCancel: { anyOf: ['BACKUP ADMIN', 'BACKUP OPERATOR'] },
  catalogDelete: { anyOf: ['BACKUP ADMIN'], forTenant: ['DATABASE BACKUP ADMIN'] },
  recoverDatabase: { anyOf: ['DATABASE ADMIN'], forTenant: ['DATABASE RECOVERY OPERATOR'] },
  recoverData: { anyOf: ['DATABASE ADMIN'], forTenant: ['DATABASE RECOVERY OPERATOR'] },
  alterConfiguration: { anyOf: ['INIFILE ADMIN'] },
  stopDatabase: { anyOf: ['DATABASE STOP', 'DATABASE ADMIN'] },
  startDatabase: { anyOf: ['DATABASE START', 'DATABASE ADMIN'] },
  alterDatabaseNoRestart: { anyOf: ['DATABASE ADMIN'] },
  call: { anyOf: ['HANASIM ADMIN'] },
  commit: { anyOf: [] },
  rollback: { anyOf: [] },
  set: { anyOf: [] },
};

/** The privileges of which the session needs one to run `stmt` (empty: none needed). */
export function requiredPrivileges(stmt: Statement): Privilege[] {
  const rule = STATEMENT_PRIVILEGES[stmt.kind];
  const namesTenant =
    ('database' in stmt && stmt.database !== undefined) ||
    ('target' in stmt && stmt.target.kind === 'database');
  return namesTenant && rule.forTenant ? [...rule.anyOf, ...rule.forTenant] : [...rule.anyOf];
}
