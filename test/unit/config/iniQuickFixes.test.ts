import * as assert from 'node:assert/strict';
import {
  TextDocument,
  type CodeAction,
  type TextDocumentEdit,
  type TextEdit,
} from '../../../server/src/languageService';
import { SYSTEM_INI, TestWorkspace, dbIni, hostIni } from '../support/workspace';

const HEADER = '# global.ini last modified 2026-11-12 03:55:01.551001 by hdbnameserver\n';

function fixes(ws: TestWorkspace, file: string, code: string): CodeAction[] {
  const document = ws.document(file);
  const diagnostics = ws.service.validate(document, ws.settings).filter((d) => d.code === code);
  assert.ok(diagnostics.length, `no ${code} in ${file}`);
  return ws.service.codeActions(document, diagnostics);
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', '', 1, text), edits);
}

/** Applies a quick fix to the test workspace (file creations included) and returns the new texts. */
function applyAction(ws: TestWorkspace, action: CodeAction): Record<string, string> {
  const written: Record<string, string> = {};
  const fileOf = (uri: string) => uri.replace('file:///ws', '');
  const current = (uri: string) => written[fileOf(uri)] ?? tryDocument(ws, fileOf(uri))?.getText() ?? '';
  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {}))
    written[fileOf(uri)] = apply(current(uri), edits);
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') written[fileOf(change.uri)] = current(change.uri);
      continue;
    }
    const edit = change as TextDocumentEdit;
    written[fileOf(edit.textDocument.uri)] = apply(current(edit.textDocument.uri), edit.edits as TextEdit[]);
  }
  for (const [file, text] of Object.entries(written)) ws.write(file, text);
  return written;
}

function tryDocument(ws: TestWorkspace, file: string): TextDocument | undefined {
  try {
    return ws.document(file);
  } catch {
    return undefined;
  }
}

describe('global.ini quick fixes', () => {
  it('removes a HOST-layer override, keeping HANA’s header line', () => {
    const ws = new TestWorkspace({
      [SYSTEM_INI]: '[persistence]\nlog_backup_timeout_s = 900\n',
      [hostIni('erphana2')]: `${HEADER}[persistence]\nlog_backup_timeout_s = 3600\n`,
    });
    const remove = fixes(ws, hostIni('erphana2'), 'HBI010').find((a) => /Remove/.test(a.title))!;
    const written = applyAction(ws, remove);
    assert.equal(written[hostIni('erphana2')], `${HEADER}[persistence]\n`);
    assert.deepEqual(ws.codes(hostIni('erphana2')), []);
  });

  it('moves a HOST-layer override into an existing DATABASE layer file', () => {
    const ws = new TestWorkspace({
      [dbIni('ERP')]:
        `${HEADER}[backup]\nbackint_response_timeout = 7200\n\n[persistence]\nlog_mode = normal\n`,
      [hostIni('erphana2')]: `${HEADER}[persistence]\nlog_backup_timeout_s = 3600\n`,
    });
    const move = fixes(ws, hostIni('erphana2'), 'HBI010').find((a) =>
      /Move to the DATABASE layer of ERP$/.test(a.title),
    )!;
    const written = applyAction(ws, move);
    assert.equal(
      written[dbIni('ERP')],
      `${HEADER}[backup]\nbackint_response_timeout = 7200\n\n[persistence]\nlog_mode = normal\nlog_backup_timeout_s = 3600\n`,
    );
    assert.deepEqual(ws.codes(hostIni('erphana2')), []);
    assert.deepEqual(ws.codes(dbIni('ERP')), []);
  });

  it('creates the DATABASE layer file in HANA’s layout when it is missing', () => {
    const policy =
      'apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata: { name: erp }\nspec:\n  targets: [{ system: ERP, databases: [SYSTEMDB, ERP] }]\n  destinations: { data: { type: backint }, log: { type: backint } }\n';
    const ws = new TestWorkspace({
      '/policies/erp.backup-policy.yaml': policy,
      [hostIni('erphana2')]: `${HEADER}[backup]\nbackint_response_timeout = 1800\n`,
    });
    const actions = fixes(ws, hostIni('erphana2'), 'HBI010');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Remove the HOST-layer override', 'Move to the DATABASE layer of ERP (creates DB_ERP/global.ini)'],
    );
    const written = applyAction(ws, actions[1]);
    assert.equal(written[dbIni('ERP')], '[backup]\nbackint_response_timeout = 1800\n');
    assert.equal(written[hostIni('erphana2')], `${HEADER}[backup]\n`);
    assert.deepEqual(ws.codes(hostIni('erphana2')), []);
    assert.equal(
      ws.service.workspace.config.resolve('ERP', 'ERP', 'backup', 'backint_response_timeout').database?.layer,
      'DATABASE',
    );
  });

  it('moves a parameter to its section (HBI005), or removes it when the section already sets it', () => {
    const ws = new TestWorkspace({
      [SYSTEM_INI]: `${HEADER}[backup]\nlog_backup_timeout_s = 900\nlog_backup_using_backint = true\n`,
    });
    const [move] = fixes(ws, SYSTEM_INI, 'HBI005');
    assert.equal(move.title, 'Move to [persistence]');
    const written = applyAction(ws, move);
    assert.equal(
      written[SYSTEM_INI],
      `${HEADER}[backup]\nlog_backup_using_backint = true\n\n[persistence]\nlog_backup_timeout_s = 900\n`,
    );
    assert.deepEqual(ws.codes(SYSTEM_INI), []);

    const twice = new TestWorkspace({
      [hostIni('erphana2')]:
        '[persistence]\nlog_backup_timeout_s = 3600\n\n[backup]\nlog_backup_timeout_s = 1800\n',
    });
    const [remove] = fixes(twice, hostIni('erphana2'), 'HBI005');
    assert.match(remove.title, /Remove it \(\[persistence\] already sets log_backup_timeout_s = 3600\)/);
  });

  // Found by the fuzzer: the parser ran a line on over a lone CR, so every range after it was one line
  // off and quick fixes edited the wrong lines (or overlapped, which the editor refuses).
  it('moves a parameter after a lone CR, counting lines as the editor does', () => {
    const ws = new TestWorkspace({
      [SYSTEM_INI]: '[backup]\n# note\r# more\nlog_backup_timeout_s = 900\nlog_backup_buffer_size = 8',
    });
    const [move] = fixes(ws, SYSTEM_INI, 'HBI005');
    const written = applyAction(ws, move);
    assert.equal(
      written[SYSTEM_INI],
      '[backup]\n# note\r# more\nlog_backup_buffer_size = 8\n\n[persistence]\nlog_backup_timeout_s = 900\n',
    );
    assert.deepEqual(ws.codes(SYSTEM_INI), []);
  });

  it('renames a misspelt or invented parameter', () => {
    const ws = new TestWorkspace({ [SYSTEM_INI]: '[backup]\nparallel_backup_using_backint = 4\n' });
    const [rename] = fixes(ws, SYSTEM_INI, 'HBI006');
    applyAction(ws, rename);
    assert.equal(ws.document(SYSTEM_INI).getText(), '[backup]\nparallel_data_backup_backint_channels = 4\n');
    assert.deepEqual(ws.codes(SYSTEM_INI), ['HBI023']);
  });

  it('raises the buffer for the channels (HBI023)', () => {
    const ws = new TestWorkspace({ [SYSTEM_INI]: '[backup]\nparallel_data_backup_backint_channels = 8\n' });
    const [raise] = fixes(ws, SYSTEM_INI, 'HBI023');
    applyAction(ws, raise);
    assert.equal(
      ws.document(SYSTEM_INI).getText(),
      '[backup]\nparallel_data_backup_backint_channels = 8\ndata_backup_buffer_size = 4096\n',
    );
    assert.deepEqual(ws.codes(SYSTEM_INI), []);
  });
});

describe('global.ini quick fixes for a value set twice', () => {
  it('removes the earlier value from either diagnostic', () => {
    for (const index of [0, 1]) {
      const ws = new TestWorkspace({
        [SYSTEM_INI]: '[persistence]\nlog_backup_timeout_s = 900\nlog_backup_timeout_s = 600\n',
      });
      const document = ws.document(SYSTEM_INI);
      const diagnostic = ws.service.validate(document, ws.settings).filter((d) => d.code === 'HBI004')[index];
      const [fix] = ws.service.codeActions(document, [diagnostic]);
      applyAction(ws, fix);
      assert.equal(ws.document(SYSTEM_INI).getText(), '[persistence]\nlog_backup_timeout_s = 600\n');
      assert.deepEqual(ws.codes(SYSTEM_INI), []);
    }
  });
});
