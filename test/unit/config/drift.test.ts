import * as assert from 'node:assert/strict';
import { SYSTEM_INI, TestWorkspace, dbIni, hostIni } from '../support/workspace';

const POLICY = '/policies/erp.backup-policy.yaml';
const policy = (interval = '15m', extra = '') =>
  [
    'apiVersion: hana-backup/v1',
    'kind: BackupPolicy',
    'metadata: { name: erp }',
    'spec:',
    extra,
    '  targets: [{ system: ERP, databases: [SYSTEMDB, ERP] }]',
    '  destinations:',
    '    data: { type: backint, channels: 8 }',
    '    log: { type: backint }',
    '  schedules:',
    '    full: { every: day, at: "01:00" }',
    `    log: { interval: ${interval} }`,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n') + '\n';

describe('HBP140 drift between a policy and the configuration files', () => {
  it('reports a DATABASE-layer value that contradicts the policy, on the policy and on the file', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [SYSTEM_INI]: '[persistence]\nlog_backup_timeout_s = 900\n',
      [dbIni('ERP')]: '[persistence]\nlog_backup_timeout_s = 3600\n',
    });
    const [onPolicy] = ws.check(POLICY).filter((f) => f.code === 'HBP140');
    assert.equal(onPolicy.text, '15m');
    assert.match(onPolicy.message, /ERP\/ERP gets 3600 from the DATABASE layer/);
    assert.ok(!/SYSTEMDB/.test(onPolicy.message), 'SYSTEMDB gets 900 from SYSTEM: no drift');
    assert.equal(onPolicy.diagnostic.relatedInformation?.[0].location.uri, ws.uri(dbIni('ERP')));
    const onFile = ws.check(dbIni('ERP')).filter((f) => f.code === 'HBP140');
    assert.equal(onFile.length, 1);
    assert.equal(onFile[0].text, '3600');
    assert.equal(onFile[0].diagnostic.relatedInformation?.[0].location.uri, ws.uri(POLICY));
  });

  it('reports a HOST override of what the policy sets, once per policy value', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [hostIni('erphana2')]: '[persistence]\nlog_backup_timeout_s = 3600\n',
    });
    const drift = ws.check(POLICY).filter((f) => f.code === 'HBP140');
    assert.equal(drift.length, 1);
    assert.match(drift[0].message, /host erphana2 overrides it to 3600/);
  });

  it('compares booleans and numbers by meaning', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [SYSTEM_INI]:
        '[backup]\nlog_backup_using_backint = TRUE\nparallel_data_backup_backint_channels = 08\ndata_backup_buffer_size = 4096\n',
    });
    assert.deepEqual(ws.codes(POLICY), []);
  });

  it('maps Backint, channels and file paths as the policy spec says', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [SYSTEM_INI]: '[backup]\nlog_backup_using_backint = false\nparallel_data_backup_backint_channels = 4\n',
    });
    const drift = ws.check(POLICY).filter((f) => f.code === 'HBP140');
    assert.deepEqual(drift.map((f) => f.text).sort(), ['8', 'backint']);
  });

  it('uses the connection’s SID when the connection is configured under another name', () => {
    const files = {
      [POLICY]: policy().replace('system: ERP', 'system: erp-prod'),
      [dbIni('ERP')]: '[persistence]\nlog_backup_timeout_s = 3600\n',
    };
    assert.deepEqual(new TestWorkspace(files).codes(POLICY), []);
    const withSid = new TestWorkspace(files, { connections: [{ name: 'erp-prod', sid: 'ERP' }] });
    assert.deepEqual(withSid.codes(POLICY), ['HBP140']);
  });

  it('checks the five Azure values for provider: azure', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy('30m', '  provider: azure').replace('channels: 8', 'channels: 1'),
      [dbIni('ERP')]: '[backup]\nbackint_response_timeout = 600\n',
    });
    const drift = ws.check(POLICY).filter((f) => f.code === 'HBP140');
    assert.equal(drift.length, 1);
    assert.equal(drift[0].text, 'azure');
    assert.match(drift[0].message, /backint_response_timeout = 7200/);
  });

  it('near miss: no configuration files for the system, or matching values', () => {
    assert.deepEqual(new TestWorkspace({ [POLICY]: policy() }).codes(POLICY), []);
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [dbIni('ERP')]: '[persistence]\nlog_backup_timeout_s = 900\n',
    });
    assert.deepEqual(ws.codes(POLICY), []);
  });

  it('follows changes on either side', () => {
    const ws = new TestWorkspace({
      [POLICY]: policy(),
      [dbIni('ERP')]: '[persistence]\nlog_backup_timeout_s = 900\n',
    });
    assert.deepEqual(ws.codes(POLICY), []);
    assert.deepEqual(ws.write(dbIni('ERP'), '[persistence]\nlog_backup_timeout_s = 1800\n'), [
      ws.uri(POLICY),
    ]);
    assert.deepEqual(ws.codes(POLICY), ['HBP140']);
    assert.deepEqual(ws.write(POLICY, policy('30m')), [ws.uri(dbIni('ERP'))]);
    assert.deepEqual(ws.codes(POLICY), []);
    assert.deepEqual(ws.codes(dbIni('ERP')), []);
  });
});
