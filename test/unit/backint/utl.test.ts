import * as assert from 'node:assert/strict';
import { parseBackint } from '../../../server/src/languageService/backint';
import { check, codes } from './helpers';

const IBM = [
  '# Data Protection for SAP HANA profile',
  'BACKUPIDPREFIX ERP___',
  'MAX_SESSIONS 2',
  'CONFIG_FILE /usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/initERP.bki',
  '',
  'SERVER tsmserver',
  '   ADSMNODE erp_hana',
  '   SESSIONS 2',
  'REDOLOG_COPIES 1',
].join('\n');

describe('KEY value files', () => {
  it('keeps exact ranges of keys and values', () => {
    const file = parseBackint('utl', 'KEY  "quoted value"\r\n  NESTED=x\n# c\nALONE\n');
    assert.deepEqual(
      file.entries.map((e) => [e.key, e.keyStart, e.value?.source, e.value?.value, e.value?.start, e.nested]),
      [
        ['KEY', 0, '"quoted value"', 'quoted value', 5, false],
        ['NESTED', 23, 'x', 'x', 30, true],
        ['ALONE', 36, undefined, undefined, undefined, false],
      ],
    );
  });

  describe('IBM init<SID>.utl', () => {
    it('a sound profile is clean, keys the facts do not list included', () => {
      assert.deepEqual(codes('ibm', IBM), []);
    });
    it('HBB003: BACKUPIDPREFIX is exactly 6 characters', () => {
      const [finding] = check('ibm', IBM.replace('ERP___', 'ERP'));
      assert.equal(finding.code, 'HBB003');
      assert.equal(finding.text, 'ERP');
      assert.match(finding.message, /exactly 6/);
    });
    it('HBB003: MAX_SESSIONS is a whole number of at least 1', () => {
      assert.deepEqual(codes('ibm', IBM.replace('MAX_SESSIONS 2', 'MAX_SESSIONS two')), ['HBB003']);
      assert.deepEqual(codes('ibm', IBM.replace('MAX_SESSIONS 2', 'MAX_SESSIONS 0')), ['HBB003']);
    });
    it('near miss: no HBB002 for keys outside the (incomplete) IBM list', () => {
      assert.deepEqual(codes('ibm', `${IBM}\nMAX_SESION 3\n`), []);
    });
  });

  describe('generic *.utl, *.par and param files', () => {
    it('are never validated', () => {
      assert.deepEqual(codes('generic', 'BACKUPIDPREFIX X\nMAX_SESSIONS many\nwhatever: [\n{'), []);
    });
  });
});
