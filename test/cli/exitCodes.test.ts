// Exit codes CI relies on: 0 no errors, 1 errors or too many warnings, 2 usage error.
import * as assert from 'node:assert/strict';
import { cleanPolicy, SANDBOX } from '../lsp/support/policies';
import { makeWorkspace, removeWorkspace, runCli } from './support/cli';

/** One warning (HBP106: differentials kept longer than the fulls they depend on), no error. */
const WARNING_ONLY = cleanPolicy('warning-only', 'QAS', ['QAS'])
  .replace(
    '    full: { every: day, at: "03:00" }',
    '    full: { every: week, on: [sun], at: "03:00" }\n    differential: { every: day, on: [mon, tue, wed, thu, fri, sat], at: "03:00" }',
  )
  .replace('    full: 14d', '    full: 14d\n    differential: 8w');

describe('CLI exit codes', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace({ 'policies/warning-only.backup-policy.yaml': WARNING_ONLY });
  });
  after(() => removeWorkspace(workspace));

  const exitOf = async (...args: string[]) => (await runCli(args, workspace)).code;

  it('is 0 for the clean erp and azure examples', async () => {
    assert.equal(
      await exitOf('lint', 'policies/erp.backup-policy.yaml', 'policies/azure-crm.backup-policy.yaml'),
      0,
    );
  });

  it('is 1 for the sandbox example (errors)', async () => {
    assert.equal(await exitOf('lint', SANDBOX), 1);
  });

  it('is 0 for warnings, and 1 once they are more than --max-warnings', async () => {
    const { stdout } = await runCli(['lint', 'policies/warning-only.backup-policy.yaml'], workspace);
    assert.match(stdout, /0 errors, 1 warning,/, 'the fixture has exactly one warning');
    assert.equal(await exitOf('lint', 'policies/warning-only.backup-policy.yaml'), 0);
    assert.equal(await exitOf('lint', 'policies/warning-only.backup-policy.yaml', '--max-warnings', '1'), 0);
    const over = await runCli(
      ['lint', 'policies/warning-only.backup-policy.yaml', '--max-warnings', '0'],
      workspace,
    );
    assert.equal(over.code, 1);
    assert.match(over.stderr, /more than --max-warnings 0/);
  });

  for (const [what, args, message] of [
    ['an unknown option', ['lint', '--bogus', SANDBOX], /--bogus/],
    ['an unknown --format', ['lint', SANDBOX, '--format', 'xml'], /--format must be text, json or sarif/],
    ['a --max-warnings that is no count', ['lint', SANDBOX, '--max-warnings', 'many'], /--max-warnings/],
    [
      'a path that does not exist',
      ['lint', 'policies/missing.backup-policy.yaml'],
      /no such file or folder: policies\/missing/,
    ],
    ['an unknown command', ['check', SANDBOX], /unknown command "check"/],
  ] as const) {
    it(`is 2 for ${what}, with the reason on stderr`, async () => {
      const { code, stdout, stderr } = await runCli([...args], workspace);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(stdout, '', 'nothing on stdout for a tool reading the output');
    });
  }

  it('is 2 without a command, and prints the usage', async () => {
    const { code, stdout, stderr } = await runCli([], workspace);
    assert.equal(code, 2);
    assert.match(stdout + stderr, /Usage:\n\s+hana-backup lint/);
  });
});
