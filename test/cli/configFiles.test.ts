// The CLI on configuration files: global.ini layers, drift and Backint files, with the editor's rules.
import * as assert from 'node:assert/strict';
import { lintJson, makeWorkspace, removeWorkspace, runCli } from './support/cli';

const HOST = 'config/usr/sap/ERP/HDB10/erphana2/global.ini';
const AWS = 'config/usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml';

describe('CLI configuration files', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace({
      'exports/qas/hana03.ini':
        '# hana-backup: layer=HOST host=hana03 sid=QAS\n[persistence]\nlog_mode = overwrite\n',
    });
  });
  after(() => removeWorkspace(workspace));

  it('lints a whole workspace: layers, drift and Backint files together', async () => {
    const { problems, code } = await lintJson(['.'], workspace);
    assert.equal(code, 1);
    assert.deepEqual(
      problems
        .filter((p) => !p.file.startsWith('policies/sandbox'))
        .map((p) => `${p.file}:${p.line} ${p.code}`),
      [
        'config/usr/sap/ERP/HDB10/erphana2/global.ini:4 HBI010',
        'config/usr/sap/ERP/HDB10/erphana2/global.ini:8 HBI005',
        'exports/qas/hana03.ini:3 HBI010',
        'exports/qas/hana03.ini:3 HBI020',
        'policies/erp.backup-policy.yaml:23 HBP140',
      ],
    );
  });

  it('without the HOST file there is no drift: cross-file rules see exactly the files given', async () => {
    const { problems } = await lintJson(['policies', 'config/usr/sap/ERP/SYS'], workspace);
    assert.deepEqual(
      problems.filter((p) => p.code === 'HBP140'),
      [],
    );
  });

  it('checks a Backint file named outright, and reports its problems', async () => {
    const broken = makeWorkspace({ [AWS]: 'S3BucketName: b\nS3BucketOwnerAccountID: 012345678901\n' }, true);
    try {
      const { problems, code } = await lintJson([AWS], broken);
      assert.equal(code, 1);
      assert.deepEqual(problems.map((p) => p.code).sort(), ['HBB004', 'HBB010']);
    } finally {
      removeWorkspace(broken);
    }
  });

  it('counts every kind of file in the text summary', async () => {
    const { stdout } = await runCli(['lint', HOST, AWS], workspace);
    assert.match(stdout, /2 files checked: 1 error, 1 warning, 0 information/);
  });
});
