import * as assert from 'node:assert/strict';
import { DEFAULT_INI, SYSTEM_INI, TestWorkspace, dbIni, hostIni } from '../support/workspace';

const timeout = (value: number) => `[persistence]\nlog_backup_timeout_s = ${value}\n`;

describe('configuration layers', () => {
  describe('precedence DEFAULT < SYSTEM < DATABASE < HOST', () => {
    const ws = new TestWorkspace({
      [DEFAULT_INI]: timeout(600),
      [SYSTEM_INI]: timeout(900),
      [dbIni('ERP')]: timeout(1200),
      [dbIni('QAS')]: '[backup]\nbackint_response_timeout = 7200\n',
      [hostIni('hana01')]: '[backup]\nbackint_response_timeout = 600\n',
      [hostIni('hana02')]: timeout(3000),
    });
    const resolve = (db: string) =>
      ws.service.workspace.config.resolve('ERP', db, 'persistence', 'log_backup_timeout_s');

    it('a DATABASE value beats SYSTEM and DEFAULT for its database only', () => {
      assert.equal(resolve('ERP').database?.value, '1200');
      assert.equal(resolve('ERP').database?.layer, 'DATABASE');
      assert.deepEqual(
        resolve('ERP').hidden.map((h) => h.layer),
        ['DEFAULT', 'SYSTEM'],
      );
    });
    it('databases without their own value get SYSTEM, which beats DEFAULT', () => {
      assert.equal(resolve('QAS').database?.value, '900');
      assert.equal(resolve('SYSTEMDB').database?.layer, 'SYSTEM');
    });
    it('HOST values override every database on their host, and only the hosts that set them', () => {
      assert.deepEqual(
        resolve('ERP').hostOverrides.map((o) => [o.file.layer?.host, o.value]),
        [['hana02', '3000']],
      );
    });
    it('knows the system’s databases and hosts from the files', () => {
      assert.deepEqual(ws.service.workspace.config.databasesOf('ERP').sort(), ['ERP', 'QAS', 'SYSTEMDB']);
      assert.deepEqual(ws.service.workspace.config.hostsOf('ERP'), ['hana01', 'hana02']);
    });
    it('hover shows what each database gets', () => {
      const document = ws.document(hostIni('hana02'));
      const text = (ws.service.hover(document, { line: 1, character: 3 })!.contents as { value: string })
        .value;
      assert.match(text, /- ERP: 1200 \(DATABASE\) · hana02 overrides to 3000 \(HOST\)/);
      assert.match(text, /- QAS: 900 \(SYSTEM\) · hana02 overrides to 3000 \(HOST\)/);
    });
  });

  describe('HBI010 HOST layer overrides a backup parameter', () => {
    const ws = new TestWorkspace({
      [SYSTEM_INI]: timeout(900),
      [dbIni('ERP')]: timeout(900),
      [hostIni('hana02')]: `${timeout(3600)}[persistence]\nsavepoint_interval_s = 300\n`,
    });
    it('warns on the key with related information to every overridden value', () => {
      const [finding, ...rest] = ws.check(hostIni('hana02'));
      assert.deepEqual(rest, []);
      assert.equal(finding.code, 'HBI010');
      assert.equal(finding.text, 'log_backup_timeout_s');
      assert.deepEqual(
        finding.diagnostic.relatedInformation?.map((r) => r.location.uri).sort(),
        [ws.uri(SYSTEM_INI), ws.uri(dbIni('ERP'))].sort(),
      );
      assert.match(finding.message, /instead of .*ERP 900 from DATABASE/);
    });
    it('near miss: a parameter that does not decide backups (savepoint_interval_s), and the same value in SYSTEM', () => {
      assert.deepEqual(ws.codes(SYSTEM_INI), []);
    });
  });

  describe('HBI011 HOST layer overrides an Azure Backup parameter', () => {
    const azureDb =
      '[backup]\ncatalog_backup_using_backint = true\nenable_accumulated_catalog_backup = false\nparallel_data_backup_backint_channels = 1\nbackint_response_timeout = 7200\n[persistence]\nlog_backup_timeout_s = 900\n';
    it('is an error when the DATABASE layer carries Azure’s values', () => {
      const ws = new TestWorkspace({
        [dbIni('ERP')]: azureDb,
        [hostIni('hana01')]: '[backup]\nbackint_response_timeout = 600\n',
      });
      assert.deepEqual(ws.codes(hostIni('hana01')), ['HBI011']);
    });
    it('is an error when an azure policy targets the system', () => {
      const policy =
        'apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata: { name: erp }\nspec:\n  provider: azure\n  targets: [{ system: ERP, databases: [ERP] }]\n  destinations: { data: { type: backint }, log: { type: backint } }\n';
      const ws = new TestWorkspace({
        '/p/erp.backup-policy.yaml': policy,
        [hostIni('hana01')]: '[backup]\ncatalog_backup_using_backint = false\n',
      });
      assert.deepEqual(ws.codes(hostIni('hana01')), ['HBI011']);
    });
    it('near miss: HBI010 for a non-Azure system', () => {
      const ws = new TestWorkspace({ [hostIni('hana01')]: '[backup]\nbackint_response_timeout = 600\n' });
      assert.deepEqual(ws.codes(hostIni('hana01')), ['HBI010']);
    });
  });

  describe('HBI012 SYSTEM and DATABASE differ', () => {
    it('says which value each database gets', () => {
      const ws = new TestWorkspace({ [SYSTEM_INI]: timeout(900), [dbIni('ERP')]: timeout(1800) });
      const [finding] = ws.check(dbIni('ERP'));
      assert.equal(finding.code, 'HBI012');
      assert.match(
        finding.message,
        /ERP gets `log_backup_timeout_s = 1800` from its DATABASE layer; databases without their own value get 900/,
      );
    });
    it('near miss: equal values written differently (true vs TRUE is not equal text, 0900 = 900)', () => {
      const ws = new TestWorkspace({
        [SYSTEM_INI]: timeout(900),
        [dbIni('ERP')]: '[persistence]\nlog_backup_timeout_s = 0900\n',
      });
      assert.deepEqual(ws.codes(dbIni('ERP')), []);
    });
  });

  describe('HBI023 with layers', () => {
    it('uses the buffer each database really gets', () => {
      const ws = new TestWorkspace({
        [SYSTEM_INI]: '[backup]\nparallel_data_backup_backint_channels = 4\ndata_backup_buffer_size = 2048\n',
        [dbIni('ERP')]: '[backup]\ndata_backup_buffer_size = 1024\n',
      });
      const [finding] = ws.check(SYSTEM_INI);
      assert.equal(finding.code, 'HBI023');
      assert.match(finding.message, /but ERP has 1024 MB/);
    });
  });

  describe('files outside HANA’s layout, with a directive', () => {
    const ws = new TestWorkspace({
      '/exports/prd/system.global.ini': '# hana-backup: layer=SYSTEM sid=PRD\n' + timeout(900),
      '/exports/prd/tenant.global.ini': '# hana-backup: layer=DATABASE database=PRD sid=PRD\n' + timeout(600),
      '/exports/prd/hana02.ini':
        '# exported 2026-11-01\n# hana-backup: layer=HOST host=hana02 sid=PRD\n' + timeout(3600),
    });
    it('places them in their layers and groups them by SID', () => {
      const config = ws.service.workspace.config;
      assert.equal(
        config.resolve('PRD', 'PRD', 'persistence', 'log_backup_timeout_s').database?.value,
        '600',
      );
      assert.equal(
        config.resolve('PRD', 'SYSTEMDB', 'persistence', 'log_backup_timeout_s').database?.value,
        '900',
      );
    });
    it('reports the host override in the exported HOST file', () => {
      assert.deepEqual(ws.codes('/exports/prd/hana02.ini'), ['HBI010']);
    });
    it('groups files without a SID by their folder', () => {
      const loose = new TestWorkspace({
        '/a/sys.global.ini': '# hana-backup: layer=SYSTEM\n' + timeout(900),
        '/a/h1.global.ini': '# hana-backup: layer=HOST host=h1\n' + timeout(900),
        '/b/h2.global.ini': '# hana-backup: layer=HOST host=h2\n' + timeout(900),
      });
      assert.deepEqual(
        loose.check('/a/h1.global.ini')[0].diagnostic.relatedInformation?.map((r) => r.location.uri),
        [loose.uri('/a/sys.global.ini')],
      );
      assert.equal(loose.check('/b/h2.global.ini')[0].diagnostic.relatedInformation?.length, 0);
    });
  });

  describe('staying current', () => {
    it('names the files to re-check when a layer changes, and reacts to deletes', () => {
      const ws = new TestWorkspace({
        [SYSTEM_INI]: timeout(900),
        [dbIni('ERP')]: timeout(1800),
        [hostIni('hana02')]: timeout(3600),
      });
      assert.deepEqual(ws.codes(dbIni('ERP')), ['HBI012']);
      const affected = ws.write(SYSTEM_INI, timeout(1800));
      assert.deepEqual(affected.sort(), [ws.uri(dbIni('ERP')), ws.uri(hostIni('hana02'))].sort());
      assert.deepEqual(ws.codes(dbIni('ERP')), []);
      ws.remove(dbIni('ERP'));
      assert.equal(ws.check(hostIni('hana02'))[0].diagnostic.relatedInformation?.length, 1);
    });
    it('follows a file renamed into another system', () => {
      const ws = new TestWorkspace({ [SYSTEM_INI]: timeout(900), [hostIni('hana02')]: timeout(3600) });
      ws.remove(SYSTEM_INI);
      ws.write('/usr/sap/QAS/SYS/global/hdb/custom/config/global.ini', timeout(900));
      assert.equal(ws.check(hostIni('hana02'))[0].diagnostic.relatedInformation?.length, 0);
    });
  });
});
