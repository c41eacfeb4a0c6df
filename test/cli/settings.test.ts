// Connections for HBP130 from a VS Code settings file: --settings, or the nearest .vscode/settings.json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintJson, makeWorkspace, removeWorkspace, runCli } from './support/cli';

const AZURE = 'policies/azure-crm.backup-policy.yaml';
/** settings.json as VS Code writes it: comments, trailing commas, dotted keys. */
const VSCODE_SETTINGS = `{
  // HANA systems of this repository
  "hanaBackup.connections": [
    { "name": "PRD", "host": "prd-hana", "port": 30013 },
  ],
}
`;

describe('CLI settings', () => {
  let workspace: string;
  beforeEach(() => {
    workspace = makeWorkspace({ 'ci/settings.json': VSCODE_SETTINGS });
  });
  afterEach(() => removeWorkspace(workspace));

  it('reports targets that are no configured connection (HBP130) as information, exit 0', async () => {
    const { problems, code } = await lintJson([AZURE, '--settings', 'ci/settings.json'], workspace);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.line, p.column]),
      [['HBP130', 'information', 10, 15]],
    );
    assert.match(problems[0].message, /"CRM".*"PRD"/);
    assert.equal(code, 0);
  });

  it('does not report HBP130 without configured connections', async () => {
    const { problems } = await lintJson([AZURE], workspace);
    assert.deepEqual(problems, []);
  });

  it('accepts the nested form and a configured target', async () => {
    const nested = { hanaBackup: { connections: [{ name: 'CRM', host: 'crm-hana', port: 30013 }] } };
    fs.writeFileSync(path.join(workspace, 'ci/nested.json'), JSON.stringify(nested));
    const { problems } = await lintJson(
      [AZURE, 'policies/sandbox.backup-policy.yaml', '--settings', 'ci/nested.json'],
      workspace,
    );
    assert.deepEqual(
      problems.filter((p) => p.code === 'HBP130').map((p) => p.file),
      ['policies/sandbox.backup-policy.yaml'],
      'CRM is configured; SBX is not',
    );
  });

  it('reads the nearest .vscode/settings.json when --settings is not given', async () => {
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.copyFileSync(path.join(workspace, 'ci/settings.json'), path.join(workspace, '.vscode/settings.json'));
    const { problems } = await lintJson(['azure-crm.backup-policy.yaml'], path.join(workspace, 'policies'));
    assert.deepEqual(
      problems.map((p) => p.code),
      ['HBP130'],
    );
  });

  it('is a usage error (2) when the settings file is missing or not JSON', async () => {
    const missing = await runCli(['lint', AZURE, '--settings', 'ci/none.json'], workspace);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /settings file not found/);
    fs.writeFileSync(path.join(workspace, 'ci/broken.json'), '{ "hanaBackup.connections": [');
    const broken = await runCli(['lint', AZURE, '--settings', 'ci/broken.json'], workspace);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not valid JSON/);
  });
});
