import * as assert from 'node:assert/strict';
import { SYSTEM_INI, TestWorkspace } from '../support/workspace';

const HEADER = '# global.ini last modified 2026-10-30 08:12:44.381920 by hdbnameserver\n';

function check(body: string) {
  return new TestWorkspace({ [SYSTEM_INI]: HEADER + body }).check(SYSTEM_INI);
}

describe('global.ini rules (one file)', () => {
  it('a sound SYSTEM layer is clean', () => {
    assert.deepEqual(
      check(
        '[backup]\nlog_backup_using_backint = true\nparallel_data_backup_backint_channels = 4\ndata_backup_buffer_size = 2048\n\n[persistence]\nlog_mode = normal\nenable_auto_log_backup = yes\nlog_backup_timeout_s = 900\n',
      ),
      [],
    );
  });

  describe('HBI001 line not understood', () => {
    it('fires on a line that is no section, entry or comment', () => {
      const [finding] = check('[backup]\nthis is not valid\n');
      assert.equal(finding.code, 'HBI001');
      assert.equal(finding.text, 'this is not valid');
    });
    it('fires on an entry before any section', () => {
      assert.deepEqual(
        check('log_mode = normal\n[persistence]\n').map((f) => f.code),
        ['HBI001'],
      );
    });
    it('near miss: `;` comments and blank lines', () => {
      assert.deepEqual(check('; comment\n\n[backup]\n'), []);
    });
  });

  describe('HBI002 unknown parameter', () => {
    it('proposes the closest name in [backup]', () => {
      const [finding] = check('[backup]\nlog_backup_using_backin = true\n');
      assert.equal(finding.code, 'HBI002');
      assert.match(finding.message, /did you mean `log_backup_using_backint`/);
    });
    it('flags any unknown name in [backup], whose list is authoritative', () => {
      assert.deepEqual(
        check('[backup]\nbackup_everything = true\n').map((f) => f.code),
        ['HBI002'],
      );
    });
    it('near miss: unknown [persistence] names that are not near a known one (it has many more)', () => {
      assert.deepEqual(check('[persistence]\ndatavolume_striping = true\n'), []);
    });
    it('near miss: other sections are not validated, and *_backup_parameter_file is a pattern', () => {
      assert.deepEqual(
        check(
          '[memorymanager]\nglobal_allocation_limit = 1\n[backup]\nsnapshot_backup_parameter_file = /p\n',
        ),
        [],
      );
    });
  });

  describe('HBI003 wrong type or range', () => {
    it('rejects yes for a true/false parameter, and 33 channels', () => {
      const found = check(
        '[backup]\nlog_backup_using_backint = yes\nparallel_data_backup_backint_channels = 33\n',
      );
      assert.deepEqual(
        found.map((f) => [f.code, f.text]),
        [
          ['HBI003', 'yes'],
          ['HBI003', '33'],
        ],
      );
      assert.match(found[1].message, /between 1 and 32/);
    });
    it('accepts yes/no where HANA does, and true/false there too', () => {
      assert.deepEqual(check('[persistence]\nenable_auto_log_backup = true\n'), []);
      assert.deepEqual(check('[persistence]\nenable_auto_log_backup = yes\n'), []);
    });
    it('rejects an unknown log_mode', () => {
      assert.deepEqual(
        check('[persistence]\nlog_mode = legacy\n').map((f) => f.code),
        ['HBI003'],
      );
    });
  });

  describe('HBI004 set twice', () => {
    it('reports both values, each pointing at the other', () => {
      const [earlier, later] = check(
        '[persistence]\nlog_backup_timeout_s = 900\nlog_backup_timeout_s = 600\n',
      );
      assert.deepEqual([earlier.code, earlier.line, later.code, later.line], ['HBI004', 2, 'HBI004', 3]);
      assert.match(later.message, /uses this later value \(600\)/);
      assert.match(earlier.message, /ignores this value \(900\)/);
      assert.equal(later.diagnostic.relatedInformation?.[0].location.range.start.line, 2);
      assert.equal(earlier.diagnostic.relatedInformation?.[0].location.range.start.line, 3);
    });
    it('near miss: the same name in two sections is HBI005, not HBI004', () => {
      assert.ok(
        !check('[persistence]\nlog_backup_timeout_s = 900\n[backup]\nlog_backup_timeout_s = 900\n').some(
          (f) => f.code === 'HBI004',
        ),
      );
    });
  });

  describe('HBI005 wrong section', () => {
    it('says where log_backup_timeout_s belongs', () => {
      const [finding] = check('[backup]\nlog_backup_timeout_s = 900\n');
      assert.equal(finding.code, 'HBI005');
      assert.match(finding.message, /belongs in \[persistence\]/);
    });
    it('near miss: in its own section', () => {
      assert.deepEqual(check('[persistence]\nlog_backup_timeout_s = 900\n'), []);
    });
  });

  describe('HBI006 names that do not exist', () => {
    for (const name of ['parallel_backup_using_backint', 'data_backup_using_backint']) {
      it(`explains ${name}`, () => {
        const [finding] = check(`[backup]\n${name} = true\n`);
        assert.equal(finding.code, 'HBI006');
        assert.match(finding.message, /does not exist/);
      });
    }
  });

  describe('HBI020–HBI022 recoverability risks', () => {
    it('HBI020 log_mode = overwrite', () => {
      assert.deepEqual(
        check('[persistence]\nlog_mode = overwrite\n').map((f) => f.code),
        ['HBI020'],
      );
    });
    it('HBI021 enable_auto_log_backup = no', () => {
      assert.deepEqual(
        check('[persistence]\nenable_auto_log_backup = no\n').map((f) => f.code),
        ['HBI021'],
      );
    });
    it('HBI022 log_backup_timeout_s = 0 or above an hour', () => {
      assert.deepEqual(
        check('[persistence]\nlog_backup_timeout_s = 0\n').map((f) => f.code),
        ['HBI022'],
      );
      assert.deepEqual(
        check('[persistence]\nlog_backup_timeout_s = 3601\n').map((f) => f.code),
        ['HBI022'],
      );
    });
    it('near miss: normal, yes, 3600', () => {
      assert.deepEqual(
        check(
          '[persistence]\nlog_mode = normal\nenable_auto_log_backup = yes\nlog_backup_timeout_s = 3600\n',
        ),
        [],
      );
    });
  });

  describe('HBI023 buffer for Backint channels', () => {
    it('fires when 8 channels get the default 512 MB', () => {
      const [finding] = check('[backup]\nparallel_data_backup_backint_channels = 8\n');
      assert.equal(finding.code, 'HBI023');
      assert.match(finding.message, /at least 4096 MB/);
    });
    it('near miss: 8 channels with 4096 MB', () => {
      assert.deepEqual(
        check('[backup]\nparallel_data_backup_backint_channels = 8\ndata_backup_buffer_size = 4096\n'),
        [],
      );
    });
  });
});
