// Policy diagnostics end to end: the real extension, its language server and VS Code's own
// diagnostics API, on the shared example workspace (a copy; see test/vscode/run.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'hana-backup.hana-backup';
const SOURCE = 'hana-backup';
/** How long the language server may take to publish for a freshly opened document. */
const DEADLINE_MS = 30_000;

interface Seen {
  code: string;
  severity: string;
  line: number;
  start: number;
  end: number;
  source: string | undefined;
}

function seen(diagnostic: vscode.Diagnostic): Seen {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return {
    code: String(code),
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    line: diagnostic.range.start.line,
    start: diagnostic.range.start.character,
    end: diagnostic.range.end.character,
    source: diagnostic.source,
  };
}

function sorted(list: Seen[]): Seen[] {
  return [...list].sort((a, b) => a.line - b.line || a.start - b.start || a.code.localeCompare(b.code));
}

/**
 * Resolves with the document's diagnostics as soon as `accept` takes them (checked now and on every
 * change for this document), or with whatever is there at the deadline: the caller's assertions
 * then report the difference instead of a bare timeout.
 */
function settle(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[], changed: boolean) => boolean,
): Promise<{ diagnostics: vscode.Diagnostic[]; accepted: boolean }> {
  return new Promise((resolve) => {
    const finish = (accepted: boolean): void => {
      listener.dispose();
      clearTimeout(deadline);
      resolve({ diagnostics: vscode.languages.getDiagnostics(uri), accepted });
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (
        event.uris.some((changed) => changed.toString() === uri.toString()) &&
        accept(vscode.languages.getDiagnostics(uri), true)
      )
        finish(true);
    });
    const deadline = setTimeout(() => finish(false), DEADLINE_MS);
    if (accept(vscode.languages.getDiagnostics(uri), false)) finish(true);
  });
}

/** The 0-based line holding `text`, and the character range of `value` in it. */
function locate(
  document: vscode.TextDocument,
  text: string,
  value: string,
): { line: number; start: number; end: number } {
  for (let line = 0; line < document.lineCount; line++) {
    const lineText = document.lineAt(line).text;
    if (lineText.includes(text)) {
      const start = lineText.indexOf(value, lineText.indexOf(text));
      return { line, start, end: start + value.length };
    }
  }
  throw new Error(`the fixture ${document.uri.path} no longer contains "${text}"`);
}

suite('policy diagnostics', () => {
  let folder: vscode.Uri;

  suiteSetup(async () => {
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspaceFolder, 'VS Code was started without the example workspace');
    folder = workspaceFolder.uri;
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  test('sandbox policy: RPO, minutes-for-months and log retention problems on their values', async () => {
    const uri = vscode.Uri.joinPath(folder, 'policies', 'sandbox.backup-policy.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'hana-backup-policy');

    // Found by their text (lines 16 and 19, 0-based), so the expectation reads like the fixture.
    const interval = locate(document, 'log: { interval: 20m }', '20m');
    const retention = locate(document, 'log: 14m', '14m');
    const expected = sorted([
      { code: 'HBP101', severity: 'Error', ...interval, source: SOURCE },
      { code: 'HBP110', severity: 'Warning', ...retention, source: SOURCE },
      { code: 'HBP103', severity: 'Error', ...retention, source: SOURCE },
    ]);
    const matches = (diagnostics: vscode.Diagnostic[]): boolean =>
      JSON.stringify(sorted(diagnostics.map(seen))) === JSON.stringify(expected);

    const { diagnostics } = await settle(uri, matches);
    assert.ok(
      diagnostics.some((d) => d.source === SOURCE),
      `no diagnostics from "${SOURCE}" within ${DEADLINE_MS} ms`,
    );
    assert.deepEqual(sorted(diagnostics.map(seen)), expected);
  });

  test('sandbox policy: the quick fix for minutes-for-months (HBP110) rewrites 14m and clears the problem', async () => {
    const uri = vscode.Uri.joinPath(folder, 'policies', 'sandbox.backup-policy.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const hasCode = (code: string) => (d: vscode.Diagnostic) => seen(d).code === code;
    const before = await settle(uri, (list) => list.some(hasCode('HBP110')));
    const hbp110 = before.diagnostics.find(hasCode('HBP110'));
    assert.ok(hbp110, 'HBP110 is not reported on the sandbox policy');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      hbp110.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('`14mo`'));
    assert.ok(fix?.edit, `no quick fix for HBP110 among: ${actions.map((a) => a.title).join('; ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const after = await settle(uri, (list, changed) => changed && !list.some(hasCode('HBP110')));
      assert.deepEqual(after.diagnostics.filter(hasCode('HBP110')).map(seen), []);
      assert.doesNotMatch(document.lineAt(hbp110.range.start.line).text, /log: 14m\b/);
    } finally {
      // The other tests expect the fixture as it is on disk.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('erp policy: drift (HBP140) on its log interval, caused by the HOST layer of erphana2', async () => {
    const uri = vscode.Uri.joinPath(folder, 'policies', 'erp.backup-policy.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'hana-backup-policy');
    const interval = locate(document, 'log: { interval: 15m }', '15m');
    const expected = [{ code: 'HBP140', severity: 'Warning', ...interval, source: SOURCE }];
    const { diagnostics } = await settle(
      uri,
      (list) => JSON.stringify(list.map(seen)) === JSON.stringify(expected),
    );
    assert.deepEqual(diagnostics.map(seen), expected);
    const related = diagnostics[0].relatedInformation?.map((r) => r.location.uri.path) ?? [];
    assert.ok(
      related.some((p) => p.endsWith('/HDB10/erphana2/global.ini')),
      `related: ${related.join(', ')}`,
    );
  });

  test('HOST layer global.ini: the override (HBI010) and the misplaced parameter (HBI005)', async () => {
    const uri = vscode.Uri.joinPath(folder, 'config', 'usr', 'sap', 'ERP', 'HDB10', 'erphana2', 'global.ini');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'hana-ini');
    const override = locate(document, 'log_backup_timeout_s = 3600', 'log_backup_timeout_s');
    const misplaced = locate(document, 'log_backup_timeout_s = 1800', 'log_backup_timeout_s');
    const expected = sorted([
      { code: 'HBI010', severity: 'Warning', ...override, source: SOURCE },
      { code: 'HBI005', severity: 'Error', ...misplaced, source: SOURCE },
    ]);
    const { diagnostics } = await settle(
      uri,
      (list) => JSON.stringify(sorted(list.map(seen))) === JSON.stringify(expected),
    );
    assert.deepEqual(sorted(diagnostics.map(seen)), expected);
    const hbi010 = diagnostics.find(
      (d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'HBI010',
    )!;
    assert.equal(
      hbi010.relatedInformation?.length,
      2,
      'points at the SYSTEM and DATABASE values it overrides',
    );
  });
});
