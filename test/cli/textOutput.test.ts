// `hana-backup lint` default output: one line per problem, sorted, then a summary line.
import * as assert from 'node:assert/strict';
import { cleanPolicy, SANDBOX } from '../lsp/support/policies';
import { makeWorkspace, removeWorkspace, runCli } from './support/cli';

describe('CLI text output', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = makeWorkspace({
      'policies/a-first.backup-policy.yaml': cleanPolicy('a-first', 'QAS', ['QAS']).replace(
        '    log: 14d',
        '    log: 14m',
      ),
      'policies/z-last.backup-policy.yaml': cleanPolicy('z-last', 'DEV', ['DEV']).replace(
        'retention:',
        'retension:',
      ),
    });
  });
  afterEach(() => removeWorkspace(workspace));

  it('prints file:line:col: severity code message for each problem, and a summary', async () => {
    const { stdout, code } = await runCli(['lint', SANDBOX], workspace);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 4, stdout);
    assert.match(
      lines[0],
      /^policies\/sandbox\.backup-policy\.yaml:17:22: error HBP101 RPO not met: .*10m or less\.$/,
    );
    const line20 = lines.slice(1, 3).sort();
    assert.match(
      line20[0],
      /^policies\/sandbox\.backup-policy\.yaml:20:10: error HBP103 Log retention 14 minutes /,
    );
    assert.match(
      line20[1],
      /^policies\/sandbox\.backup-policy\.yaml:20:10: warning HBP110 Retention `14m` means 14 minutes/,
    );
    assert.equal(lines[3], '1 file checked: 2 errors, 1 warning, 0 information');
    assert.equal(code, 1);
  });

  it('sorts by file, line and column, whatever order the files are given in', async () => {
    const { stdout } = await runCli(
      ['lint', 'policies/z-last.backup-policy.yaml', SANDBOX, 'policies/a-first.backup-policy.yaml'],
      workspace,
    );
    const positions = stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((line) => /^(.+?):(\d+):(\d+): /.exec(line)!)
      .map(([, file, line, column]) => ({ file, line: Number(line), column: Number(column) }));
    assert.deepEqual(
      [...new Set(positions.map((p) => p.file))],
      ['policies/a-first.backup-policy.yaml', SANDBOX, 'policies/z-last.backup-policy.yaml'],
    );
    for (let i = 1; i < positions.length; i++) {
      const [a, b] = [positions[i - 1], positions[i]];
      if (a.file === b.file)
        assert.ok(a.line < b.line || (a.line === b.line && a.column <= b.column), stdout);
    }
    assert.match(stdout, /\n3 files checked: \d+ errors?, \d+ warnings?, 0 information\n$/);
  });

  it('prints only the summary for clean files', async () => {
    const { stdout, code } = await runCli(
      ['lint', 'policies/erp.backup-policy.yaml', 'policies/azure-crm.backup-policy.yaml'],
      workspace,
    );
    assert.equal(stdout, '2 files checked: 0 errors, 0 warnings, 0 information\n');
    assert.equal(code, 0);
  });
});
