// HBP131 (one database, two policies) across the files of the workspace, opened or not.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { codesOf, LspSession } from './support/lspClient';
import { CLEAN_POLICY_DATABASES_LINE, cleanPolicy, SANDBOX } from './support/policies';

const SECOND = 'policies/sandbox-copy.backup-policy.yaml';
const conflicts = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'HBP131');
const hasConflict = (diagnostics: Diagnostic[]) => conflicts(diagnostics).length > 0;

describe('LSP cross-file HBP131', () => {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('reports a database governed by a policy file created on disk, and forgets it once deleted', async () => {
    const sandbox = await session.open(SANDBOX);
    assert.ok(!hasConflict(await session.diagnosticsOf(sandbox)));

    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'SBX', ['SYSTEMDB']));
    const [conflict, ...more] = conflicts(await session.waitForDiagnostics(sandbox.uri, hasConflict));
    assert.equal(more.length, 0);
    assert.equal(sandbox.document.getText(conflict.range), '"*"');
    assert.match(conflict.message, /every database of SBX is also governed by policy "sandbox-copy"/);
    assert.deepEqual(
      conflict.relatedInformation?.map((info) => [info.location.uri, info.location.range.start.line]),
      [[session.uriOf(SECOND), CLEAN_POLICY_DATABASES_LINE]],
    );

    await session.deleteFile(SECOND);
    await session.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasConflict(diagnostics));
  });

  it('finds the policy files that are in the workspace when the server starts', async () => {
    await session.dispose();
    // Nested, and named by folder rather than by suffix: the scan at `initialized` finds it unopened.
    const nested = 'teams/basis/backup-policies/sbx.yaml';
    session = await LspSession.start({ files: { [nested]: cleanPolicy('sandbox-copy', 'SBX', ['SBX']) } });
    const sandbox = await session.open(SANDBOX);
    const [conflict] = conflicts(await session.diagnosticsOf(sandbox));
    assert.equal(conflict?.relatedInformation?.[0].location.uri, session.uriOf(nested));
  });

  it('drops the conflict when the other file changes on disk to govern another system', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'SBX', ['SBX']));
    const sandbox = await session.open(SANDBOX);
    assert.ok(hasConflict(await session.diagnosticsOf(sandbox)));
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'QAS', ['QAS']), FileChangeType.Changed);
    await session.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasConflict(diagnostics));
  });

  it('reports both sides when both files are open', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'SBX', ['SBX']));
    const sandbox = await session.open(SANDBOX);
    const second = await session.open(SECOND);
    const [other] = conflicts(await session.diagnosticsOf(second));
    assert.equal(other?.relatedInformation?.[0].location.uri, sandbox.uri);
    assert.ok(hasConflict(await session.diagnosticsOf(sandbox)));
  });

  it('goes back to the file on disk when an unsaved conflicting edit is closed', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'QAS', ['QAS']));
    const sandbox = await session.open(SANDBOX);
    const second = await session.open(SECOND, cleanPolicy('sandbox-copy', 'SBX', ['SBX']));
    await session.waitForDiagnostics(sandbox.uri, hasConflict);
    await session.close(second);
    await session.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasConflict(diagnostics));
  });

  it('reports two policies of one file that govern the same database', async () => {
    const text = `${cleanPolicy('alpha', 'DEV', ['DEV'])}---\n${cleanPolicy('beta', 'DEV', ['SYSTEMDB', 'dev'])}`;
    const open = await session.open('policies/dev.backup-policy.yaml', text);
    const diagnostics = await session.diagnosticsOf(open);
    assert.deepEqual(
      conflicts(diagnostics).map((d) => [d.range.start.line, open.document.getText(d.range)]),
      [
        [CLEAN_POLICY_DATABASES_LINE, '"DEV"'],
        [18 + CLEAN_POLICY_DATABASES_LINE, '"dev"'],
      ],
      'database names compare case-insensitively',
    );
  });

  it('drops the conflict on the other open file while the user types, before any save', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'SBX', ['SBX']));
    const sandbox = await session.open(SANDBOX);
    const second = await session.open(SECOND);
    assert.ok(hasConflict(await session.diagnosticsOf(sandbox)));
    await session.replaceOnLine(second, 6, 'SBX', 'QAS');
    assert.deepEqual(codesOf(await session.diagnosticsOf(second)), []);
    await session.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasConflict(diagnostics));
  });

  it('reports the conflict on the other open file while the user types it in', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'QAS', ['QAS']));
    const sandbox = await session.open(SANDBOX);
    const second = await session.open(SECOND);
    assert.ok(!hasConflict(await session.diagnosticsOf(sandbox)));
    await session.replaceOnLine(second, 6, 'QAS', 'SBX');
    assert.ok(hasConflict(await session.diagnosticsOf(second)));
    await session.waitForDiagnostics(sandbox.uri, hasConflict);
  });
});

describe('LSP cross-file HBP131 with validate.onType off', () => {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start({ settings: { validate: { onType: false } } });
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('reports the conflict on the other open file when a saved edit creates it', async () => {
    await session.writeFile(SECOND, cleanPolicy('sandbox-copy', 'QAS', ['QAS']));
    const sandbox = await session.open(SANDBOX);
    const second = await session.open(SECOND);
    assert.ok(!hasConflict(await session.diagnosticsOf(sandbox)));
    await session.replaceOnLine(second, 6, 'QAS', 'SBX');
    await session.writeFile(SECOND, second.document.getText(), FileChangeType.Changed);
    await session.save(second);
    assert.ok(hasConflict(await session.diagnosticsOf(second)), 'the saved file reports it');
    await session.waitForDiagnostics(sandbox.uri, hasConflict);
  });
});

describe('LSP cross-file HBP131 with a client that spells URIs differently', () => {
  let session: LspSession;
  afterEach(async () => {
    await session.dispose();
  });

  // BUG (server/src/lsp/server.ts, onInitialized/indexFromDisk): the workspace scan keys files by
  // vscode-uri's spelling (`%28`, `%29`), the editor's document by the client's; one file becomes two.
  it('does not report an open file as conflicting with itself', async () => {
    // Neovim and Helix leave RFC 3986 sub-delimiters such as ( ) + unencoded, as Node's pathToFileURL does.
    session = await LspSession.start({
      folderPrefix: 'policies (copy) ',
      spellUri: (fsPath) => pathToFileURL(fsPath).href,
    });
    const sandbox = await session.open(SANDBOX);
    assert.match(sandbox.uri, /\(copy\)/, 'the URI keeps the parentheses');
    assert.deepEqual(codesOf(await session.diagnosticsOf(sandbox)), ['HBP101', 'HBP110', 'HBP103']);
  });
});
