/** The system, its hosts and databases: a handful of small queries on the SYSTEMDB. */
import type { SqlRunner } from '../hana/connectionPool';
import { isBackupParameter } from './backupParameters';
import type { DatabaseStatus, HostInfo, ParameterValue, SystemOverview } from './catalogTypes';
import { toText } from './rowValues';

type Row = Record<string, unknown>;

export async function readSystemOverview(runner: SqlRunner): Promise<SystemOverview> {
  const [identity, hostRows, serviceRows, databaseRows, overrideRows] = await Promise.all([
    runner.exec<Row>("SELECT SYSTEM_ID, VERSION FROM M_DATABASE WHERE DATABASE_NAME = 'SYSTEMDB'"),
    runner.exec<Row>(
      'SELECT HOST, HOST_ACTIVE, HOST_STATUS, INDEXSERVER_ACTUAL_ROLE, NAMESERVER_ACTUAL_ROLE FROM M_LANDSCAPE_HOST_CONFIGURATION ORDER BY HOST',
    ),
    runner.exec<Row>(
      'SELECT DISTINCT HOST, SERVICE_NAME FROM SYS_DATABASES.M_SERVICES ORDER BY HOST, SERVICE_NAME',
    ),
    runner.exec<Row>(
      'SELECT DATABASE_NAME, ACTIVE_STATUS, ACTIVE_STATUS_DETAILS FROM M_DATABASES ORDER BY DATABASE_NAME',
    ),
    runner.exec<Row>(
      "SELECT HOST, SECTION, KEY, VALUE FROM M_INIFILE_CONTENTS WHERE FILE_NAME = 'global.ini' AND LAYER_NAME = 'HOST' ORDER BY HOST, SECTION, KEY",
    ),
  ]);
  const hosts: HostInfo[] = hostRows.map((row) => {
    const name = toText(row.HOST);
    return {
      name,
      role: toText(row.INDEXSERVER_ACTUAL_ROLE) || toText(row.NAMESERVER_ACTUAL_ROLE),
      active: toText(row.HOST_ACTIVE).toLowerCase() === 'yes',
      status: toText(row.HOST_STATUS),
      services: serviceRows.filter((s) => toText(s.HOST) === name).map((s) => toText(s.SERVICE_NAME)),
      overrides: overrideRows
        .filter((o) => toText(o.HOST) === name && isBackupParameter(toText(o.SECTION), toText(o.KEY)))
        .map((o): ParameterValue => ({
          section: toText(o.SECTION),
          key: toText(o.KEY),
          value: toText(o.VALUE),
          layer: 'HOST',
          layerName: name,
        })),
    };
  });
  // SYSTEMDB first, then the tenants by name: the order HANA's own tools use.
  const databases: DatabaseStatus[] = databaseRows
    .map((row) => ({
      name: toText(row.DATABASE_NAME),
      activeStatus: toText(row.ACTIVE_STATUS),
      details: toText(row.ACTIVE_STATUS_DETAILS),
    }))
    .sort((a, b) => Number(b.name === 'SYSTEMDB') - Number(a.name === 'SYSTEMDB'));
  return {
    sid: toText(identity[0]?.SYSTEM_ID),
    version: toText(identity[0]?.VERSION),
    hosts,
    databases,
  };
}
