// What `hana-backup lint` checks: files named, folders searched, globs expanded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanPolicy, SANDBOX } from '../lsp/support/policies';
import { FIXTURE_WORKSPACE, lintJson, makeWorkspace, removeWorkspace, runCli } from './support/cli';

/** A policy with one unknown key, so that it shows up in the output. */
const flagged = (name: string) =>
  cleanPolicy(name, name.toUpperCase().slice(0, 3), ['SYSTEMDB']).replace('retention:', 'retension:');
const filesIn = (problems: { file: string }[]) => [...new Set(problems.map((p) => p.file))].sort();

describe('CLI inputs', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace(
      {
        'repo/deep/down/one.backup-policy.yml': flagged('one'),
        'repo/team/backup-policies/nested/two.yaml': flagged('two'),
        'repo/notes.yaml': 'not: a policy\n',
        'repo/README.md': '# policies\n',
        'repo/node_modules/some-package/three.backup-policy.yaml': flagged('three'),
      },
      true,
    );
    fs.cpSync(path.join(FIXTURE_WORKSPACE, 'policies'), path.join(workspace, 'policies'), {
      recursive: true,
    });
  });
  after(() => removeWorkspace(workspace));

  it('finds every policy file below a folder, and skips node_modules and other files', async () => {
    const { stdout } = await runCli(['lint', 'repo'], workspace);
    assert.match(stdout, /\n2 files checked: /);
    const { problems } = await lintJson(['repo'], workspace);
    assert.deepEqual(filesIn(problems), [
      'repo/deep/down/one.backup-policy.yml',
      'repo/team/backup-policies/nested/two.yaml',
    ]);
  });

  it('checks the current folder when no path is given', async () => {
    const { problems } = await lintJson([], path.join(workspace, 'repo'));
    assert.deepEqual(filesIn(problems), [
      'deep/down/one.backup-policy.yml',
      'team/backup-policies/nested/two.yaml',
    ]);
  });

  it('expands a glob', async () => {
    const { stdout } = await runCli(['lint', 'policies/s*.yaml'], workspace);
    assert.match(stdout, /\n1 file checked: 2 errors, 1 warning, 0 information\n$/);
    const all = await runCli(['lint', '**/*.backup-policy.y*ml'], workspace);
    assert.match(
      all.stdout,
      /\n4 files checked: /,
      'three examples and one.backup-policy.yml, not node_modules',
    );
  });

  it('checks a file named outright whatever its name', async () => {
    fs.copyFileSync(path.join(workspace, SANDBOX), path.join(workspace, 'sandbox-draft.yaml'));
    const { problems } = await lintJson(['sandbox-draft.yaml'], workspace);
    assert.deepEqual(problems.map((p) => p.code).sort(), ['HBP101', 'HBP103', 'HBP110']);
  });

  it('checks a file reached twice only once', async () => {
    const { stdout } = await runCli(['lint', 'policies', SANDBOX, `./policies/../${SANDBOX}`], workspace);
    assert.match(
      stdout,
      /\n3 files checked: 2 errors, 1 warning, 0 information\n$/,
      'no duplicate, no HBP131 with itself',
    );
  });
});
