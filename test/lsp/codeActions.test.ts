// Quick fixes: asked for with the diagnostics the server published, applied as an editor applies them.
import * as assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { codesOf, LspSession, type OpenDocument } from './support/lspClient';
import { cleanPolicy, SANDBOX } from './support/policies';

describe('LSP quick fixes', () => {
  let session: LspSession;
  let drafts = 0;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  /** The single quick fix offered for the published diagnostic with `code`. */
  async function quickFixFor(
    open: OpenDocument,
    code: string,
  ): Promise<{ action: CodeAction; diagnostic: Diagnostic }> {
    const diagnostic = (await session.diagnosticsOf(open)).find((d) => d.code === code);
    assert.ok(diagnostic, `${code} is published`);
    const actions = await session.codeActions(open, [diagnostic]);
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const action = actions[0];
    assert.ok(CodeAction.is(action), 'a code action, not a bare command');
    assert.equal(action.kind, CodeActionKind.QuickFix);
    return { action, diagnostic };
  }

  async function draft(text: string): Promise<OpenDocument> {
    return session.open(`policies/draft-${++drafts}.backup-policy.yaml`, text);
  }

  it('changes a retention of `14m` to `14mo`, and the warning goes away', async () => {
    const sandbox = await session.open(SANDBOX);
    const { action, diagnostic } = await quickFixFor(sandbox, 'HBP110');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.edit, {
      changes: { [sandbox.uri]: [{ range: diagnostic.range, newText: '14mo' }] },
    });
    await session.applyEdit(sandbox, action.edit);
    assert.match(sandbox.document.getText(), /^ {4}log: 14mo /m);
    assert.ok(!codesOf(await session.diagnosticsOf(sandbox)).includes('HBP110'));
  });

  it('raises the log retention to what HBP103 needs', async () => {
    const sandbox = await session.open(SANDBOX);
    const { action } = await quickFixFor(sandbox, 'HBP103');
    assert.match(action.title, /1d/);
    await session.applyEdit(sandbox, action.edit);
    assert.deepEqual(codesOf(await session.diagnosticsOf(sandbox)), ['HBP101']);
  });

  it('renames an unknown key to the proposed one', async () => {
    const open = await draft(cleanPolicy('renamed', 'QAS', ['QAS']).replace('retention:', 'retension:'));
    const { action } = await quickFixFor(open, 'HBP002');
    assert.equal(action.title, 'Rename `retension` to `retention`');
    await session.applyEdit(open, action.edit);
    assert.deepEqual(codesOf(await session.diagnosticsOf(open)), []);
  });

  it('adds a missing required key', async () => {
    const text = cleanPolicy('no-log-destination', 'QAS', ['QAS']).replace(
      /^ {4}log: \{ type: file.*\n/m,
      '',
    );
    const open = await draft(text);
    const { action } = await quickFixFor(open, 'HBP004');
    assert.equal(action.title, 'Add `log`');
    await session.applyEdit(open, action.edit);
    assert.deepEqual(codesOf(await session.diagnosticsOf(open)), []);
  });

  it('writes a time as "HH:MM"', async () => {
    const open = await draft(cleanPolicy('early', 'QAS', ['QAS']).replace('"03:00"', '3:00'));
    const { action } = await quickFixFor(open, 'HBP007');
    await session.applyEdit(open, action.edit);
    assert.match(open.document.getText(), /at: "03:00"/);
    assert.deepEqual(codesOf(await session.diagnosticsOf(open)), []);
  });
});
