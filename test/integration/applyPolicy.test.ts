// "Apply policy" (client/src/policyOps/applyPolicy) against hanasim's demo system through @sap/hana-client.
import * as assert from 'node:assert/strict';
import { planApply, applyPlan } from '../../client/src/policyOps/applyPolicy';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { setConfigurationStatement } from '../../client/src/hana/sqlText';
import { policyOperations } from '../../server/src/languageService/operations/policyOperations';
import { TextDocument } from '../../server/src/languageService';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';

// The demo system has SYSTEM-layer log_backup_timeout_s = 900 and 4 Backint channels, and hana02
// overrides log_backup_timeout_s to 3600 in its HOST layer.
const POLICY = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: prd-apply }
spec:
  targets:
    - system: PRD
      databases: [PRD]
  destinations:
    data: { type: backint, parameterFile: /usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param, channels: 2 }
    log: { type: backint }
  schedules:
    full: { every: week, on: [sun], at: "01:00" }
    log: { interval: 5m }
`;

interface IniRow {
  KEY: string;
  VALUE: string;
}

describe('apply policy against hanasim', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('apply-policy', { seed: 'demo' });
  const document = TextDocument.create('file:///ws/prd.backup-policy.yaml', 'hana-backup-policy', 1, POLICY);
  const [policy] = policyOperations(document);
  let pool: HanaConnectionPool;

  before(() => {
    pool = systemDbPool(session, 20000);
  });
  after(() => pool.dispose());

  const databaseLayer = (database: string) =>
    session.system.exec<IniRow>(
      "SELECT KEY, VALUE FROM M_INIFILE_CONTENTS WHERE FILE_NAME = 'global.ini' AND LAYER_NAME = 'DATABASE' AND TENANT_NAME = ? ORDER BY KEY",
      [database],
    );

  it('shows the differences with their live layer and the statements, and fixes them', async () => {
    const plan = await planApply(pool, policy.targets[0].databases, policy.expectations);
    assert.deepEqual(plan.databases, ['PRD']);
    assert.deepEqual(plan.unknownDatabases, []);
    assert.deepEqual(
      plan.differences.map((d) => [d.database, d.key, d.live?.value, d.live?.layer, d.wanted, d.said]),
      [
        ['PRD', 'log_backup_timeout_s', '900', 'SYSTEM', '300', '`5m`'],
        ['PRD', 'parallel_data_backup_backint_channels', '4', 'SYSTEM', '2', '`channels: 2`'],
        [
          'PRD',
          'data_backup_parameter_file',
          undefined,
          undefined,
          '/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param',
          'data `parameterFile`',
        ],
      ],
    );
    assert.equal(document.getText(plan.differences[0].range), '5m');
    assert.deepEqual(
      plan.statements.map((s) => s.toDisplayString()),
      [
        "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'DATABASE', 'PRD') SET ('persistence', 'log_backup_timeout_s') = '300' WITH RECONFIGURE",
        "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'DATABASE', 'PRD') SET ('backup', 'parallel_data_backup_backint_channels') = '2' WITH RECONFIGURE",
        "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'DATABASE', 'PRD') SET ('backup', 'data_backup_parameter_file') = '/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param' WITH RECONFIGURE",
      ],
    );

    assert.deepEqual(await applyPlan(pool, plan), { applied: 3 });
    assert.deepEqual(await databaseLayer('PRD'), [
      { KEY: 'backint_response_timeout', VALUE: '7200' },
      { KEY: 'data_backup_parameter_file', VALUE: '/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param' },
      { KEY: 'log_backup_timeout_s', VALUE: '300' },
      { KEY: 'parallel_data_backup_backint_channels', VALUE: '2' },
    ]);
    assert.deepEqual(await databaseLayer('QAS'), [], 'a database the policy does not target is left alone');

    const again = await planApply(pool, policy.targets[0].databases, policy.expectations);
    assert.deepEqual(again.differences, []);
    assert.deepEqual(again.statements, []);
  });

  it('reports hana02’s HOST-layer log_backup_timeout_s as HBP140 on the policy’s interval', async () => {
    const plan = await planApply(pool, ['PRD'], policy.expectations);
    assert.equal(plan.findings.length, 1);
    const [finding] = plan.findings;
    assert.equal(finding.code, 'HBP140');
    assert.deepEqual(finding.overrides, [{ host: 'hana02', value: '3600' }]);
    assert.equal(document.getText(finding.range), '5m');
    assert.equal(
      finding.message,
      'Drift: `5m` means `[persistence] log_backup_timeout_s = 300`, but on PRD host hana02 overrides it to 3600 (HOST layer) for every database on that host. Apply policy sets only the DATABASE layer: remove the HOST-layer value, or change the policy.',
    );
  });

  it('expands `*` to every database of the system and names targets the system does not have', async () => {
    const all = await planApply(pool, ['*'], policy.expectations);
    assert.deepEqual([...all.databases].sort(), ['PRD', 'QAS', 'SYSTEMDB']);
    assert.deepEqual([...new Set(all.differences.map((d) => d.database))].sort(), ['QAS', 'SYSTEMDB']);
    assert.equal(all.statements.length, 6);

    const unknown = await planApply(pool, ['prd', 'NOPE'], policy.expectations);
    assert.deepEqual([unknown.databases, unknown.unknownDatabases], [['PRD'], ['NOPE']]);
  });

  it('stops at the first statement HANA refuses and says how many were applied', async () => {
    const plan = await planApply(pool, ['QAS'], policy.expectations);
    const refused = setConfigurationStatement({
      file: 'global.ini',
      layer: 'DATABASE',
      layerName: 'NOPE',
      section: 'backup',
      key: 'log_backup_using_backint',
      value: 'true',
    });
    const outcome = await applyPlan(pool, {
      ...plan,
      statements: [plan.statements[0], refused, plan.statements[1]],
    });
    assert.equal(outcome.applied, 1);
    assert.equal(outcome.failed?.statement, refused);
    assert.match(String((outcome.failed?.error as Error).message), /NOPE/);
    assert.deepEqual(await databaseLayer('QAS'), [{ KEY: 'log_backup_timeout_s', VALUE: '300' }]);
  });
});
