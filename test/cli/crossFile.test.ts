// HBP131 in the CLI: the cross-file rule sees exactly the files given.
import * as assert from 'node:assert/strict';
import { CLEAN_POLICY_DATABASES_LINE, cleanPolicy, SANDBOX } from '../lsp/support/policies';
import { lintJson, makeWorkspace, removeWorkspace } from './support/cli';

const SECOND = 'policies/sandbox-copy.backup-policy.yaml';

describe('CLI cross-file HBP131', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace({ [SECOND]: cleanPolicy('sandbox-copy', 'SBX', ['SYSTEMDB']) });
  });
  after(() => removeWorkspace(workspace));

  it('reports a database governed by two files given on the command line, on both', async () => {
    const { problems, code } = await lintJson([SANDBOX, SECOND], workspace);
    assert.equal(code, 1);
    const conflicts = problems.filter((p) => p.code === 'HBP131');
    assert.deepEqual(
      conflicts.map((p) => [p.file, p.line, p.severity]),
      [
        [SECOND, CLEAN_POLICY_DATABASES_LINE + 1, 'error'],
        [SANDBOX, 9, 'error'],
      ],
    );
    assert.match(conflicts[0].message, /policy "sandbox"/);
    assert.match(conflicts[1].message, /policy "sandbox-copy"/);
  });

  it('sees the files of a folder argument', async () => {
    const { problems } = await lintJson(['policies'], workspace);
    assert.equal(problems.filter((p) => p.code === 'HBP131').length, 2);
  });

  it('does not look at files that were not given', async () => {
    const { problems } = await lintJson([SANDBOX], workspace);
    assert.deepEqual(
      problems.filter((p) => p.code === 'HBP131'),
      [],
    );
  });
});
