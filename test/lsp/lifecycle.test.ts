// Starting and ending the language server the way an editor does.
import * as assert from 'node:assert/strict';
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type TextDocumentSyncOptions,
} from 'vscode-languageserver-protocol/node';
import { LspSession } from './support/lspClient';

describe('LSP lifecycle', () => {
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('announces the features an editor needs in its initialize result', async () => {
    session = await LspSession.start();
    const { capabilities, serverInfo } = session.initializeResult;
    const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.ok(sync.save, 'the server wants didSave (cross-file rules run on save)');
    assert.ok(capabilities.completionProvider, 'completion');
    for (const trigger of [':', '[', ' '])
      assert.ok(
        capabilities.completionProvider.triggerCharacters?.includes(trigger),
        `completion triggers on "${trigger}"`,
      );
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: [CodeActionKind.QuickFix] });
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(serverInfo?.name, 'hana-backup-language-server');
  });

  it('exits with code 0 after shutdown and exit', async () => {
    session = await LspSession.start();
    await session.open('policies/sandbox.backup-policy.yaml');
    const ended = await session.shutdown();
    assert.deepEqual(ended, { code: 0, signal: null });
  });

  it('exits on its own when the editor goes away without a shutdown', async () => {
    session = await LspSession.start();
    session.child.stdin!.end();
    const ended = await session.exited;
    assert.equal(ended.signal, null, 'it ended by itself, not by a kill');
  });
});
