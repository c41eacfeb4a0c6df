// `--format json`: one array of problems, files relative to the current folder, 1-based positions.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { SANDBOX } from '../lsp/support/policies';
import { lintJson, makeWorkspace, removeWorkspace } from './support/cli';

describe('CLI JSON output', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace();
  });
  after(() => removeWorkspace(workspace));

  it('lists each problem with file, 1-based range, severity, code and message', async () => {
    const { problems, code } = await lintJson([SANDBOX], workspace);
    assert.equal(code, 1);
    for (const problem of problems)
      assert.deepEqual(Object.keys(problem).sort(), [
        'code',
        'column',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'severity',
      ]);
    const byCode = new Map(problems.map((p) => [p.code, p]));
    assert.deepEqual([...byCode.keys()].sort(), ['HBP101', 'HBP103', 'HBP110']);
    const { message, ...rpo } = byCode.get('HBP101')!;
    assert.deepEqual(rpo, {
      file: SANDBOX,
      line: 17,
      column: 22,
      endLine: 17,
      endColumn: 25,
      severity: 'error',
      code: 'HBP101',
    });
    assert.match(message, /RPO/);
    assert.equal(byCode.get('HBP110')!.severity, 'warning');
    assert.deepEqual(
      problems.map((p) => [p.line, p.column]),
      [
        [17, 22],
        [20, 10],
        [20, 10],
      ],
      'sorted by line and column',
    );
  });

  it('names files relative to the current folder', async () => {
    const inPolicies = await lintJson(['.'], path.join(workspace, 'policies'));
    assert.deepEqual([...new Set(inPolicies.problems.map((p) => p.file))], ['sandbox.backup-policy.yaml']);
    const beside = await lintJson([`../${SANDBOX}`], path.join(workspace, 'config'));
    assert.deepEqual([...new Set(beside.problems.map((p) => p.file))], [`../${SANDBOX}`]);
  });

  it('prints an empty array for clean files', async () => {
    const { problems, code } = await lintJson(
      ['policies/erp.backup-policy.yaml', 'policies/azure-crm.backup-policy.yaml'],
      workspace,
    );
    assert.deepEqual(problems, []);
    assert.equal(code, 0);
  });
});
