// The other commands: --version, and the language server for editors other than VS Code.
import * as assert from 'node:assert/strict';
import { LspSession } from '../lsp/support/lspClient';
import { SANDBOX } from '../lsp/support/policies';
import { BIN, makeWorkspace, packageVersion, removeWorkspace, runCli } from './support/cli';

describe('CLI commands', () => {
  let workspace: string;
  before(() => {
    workspace = makeWorkspace();
  });
  after(() => removeWorkspace(workspace));

  it('prints the version with --version', async () => {
    const { code, stdout } = await runCli(['--version'], workspace);
    assert.equal(code, 0);
    assert.equal(stdout, `${packageVersion()}\n`);
  });

  it('serves LSP over stdio with `lsp --stdio`', async () => {
    const session = await LspSession.start({ command: [process.execPath, BIN, 'lsp', '--stdio'] });
    try {
      assert.equal(session.initializeResult.serverInfo?.name, 'hana-backup-language-server');
      const sandbox = await session.open(SANDBOX);
      const codes = (await session.diagnosticsOf(sandbox)).map((d) => d.code);
      assert.deepEqual(codes, ['HBP101', 'HBP110', 'HBP103']);
      assert.deepEqual(await session.shutdown(), { code: 0, signal: null });
    } finally {
      await session.dispose();
    }
  });

  it('refuses `lsp` without --stdio (2)', async () => {
    const { code, stderr } = await runCli(['lsp'], workspace);
    assert.equal(code, 2);
    assert.match(stderr, /--stdio/);
  });
});
