// Diagnostics as an editor shows them: the shared examples on open, and after edits while typing.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { codesOf, LspSession, seen } from './support/lspClient';
import { AZURE, ERP, SANDBOX } from './support/policies';

const { Error, Warning } = DiagnosticSeverity;
/** `line:code` for every code named in an `# expect:` comment of an example. */
function expectedCodes(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const comment = /#\s*expect:(.*)$/.exec(line)?.[1] ?? '';
    return (comment.match(/HBP\d{3}/g) ?? []).map((code) => `${index}:${code}`);
  });
}

describe('LSP diagnostics', () => {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('reports exactly the expected problems of the sandbox example', async () => {
    const sandbox = await session.open(SANDBOX);
    const diagnostics = await session.diagnosticsOf(sandbox);
    assert.deepEqual(seen(sandbox, diagnostics), [
      { code: 'HBP101', severity: Error, line: 16, text: '20m' },
      { code: 'HBP110', severity: Warning, line: 19, text: '14m' },
      { code: 'HBP103', severity: Error, line: 19, text: '14m' },
    ]);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'hana-backup');
      assert.ok(diagnostic.message.length > 20, `${String(diagnostic.code)} says what to do`);
    }
  });

  it('reports on each example exactly what its `expect:` comments name', async () => {
    for (const relative of [SANDBOX, ERP, AZURE]) {
      const example = await session.open(relative);
      const expected = expectedCodes(example.document.getText());
      const actual = seen(example, await session.diagnosticsOf(example)).map((d) => `${d.line}:${d.code}`);
      assert.deepEqual(actual.sort(), expected.sort(), relative);
    }
  });

  it('points the RPO diagnostic at the objective it breaks', async () => {
    const sandbox = await session.open(SANDBOX);
    const rpo = (await session.diagnosticsOf(sandbox)).find((d) => d.code === 'HBP101');
    const related = rpo?.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, sandbox.uri);
    assert.equal(related[0].location.range.start.line, 10, 'line of `rpo: 10m`');
  });

  it('reports nothing on the clean azure example', async () => {
    const azure = await session.open(AZURE);
    assert.deepEqual(codesOf(await session.diagnosticsOf(azure)), []);
  });

  it('reports only the HOST-layer drift on the erp example, pointing at the overriding global.ini', async () => {
    const erp = await session.open(ERP);
    const diagnostics = await session.diagnosticsOf(erp);
    assert.deepEqual(seen(erp, diagnostics), [{ code: 'HBP140', severity: Warning, line: 22, text: '15m' }]);
    assert.deepEqual(
      diagnostics[0].relatedInformation?.map((info) => info.location.uri),
      [session.uriOf('config/usr/sap/ERP/HDB10/erphana2/global.ini')],
    );
  });

  it('silences what a disable comment names, and only that', async () => {
    // Copies of the sandbox for another system (SB1, SB2), so that they do not clash with it (HBP131).
    const sandbox = (await session.open(SANDBOX)).document.getText();
    const nextLine = await session.open(
      'policies/next-line.backup-policy.yaml',
      sandbox
        .replace('SBX', 'SB1')
        .replace('    log: 14m', '    # hana-backup-disable-next-line HBP110\n    log: 14m'),
    );
    assert.deepEqual(codesOf(await session.diagnosticsOf(nextLine)), ['HBP101', 'HBP103']);
    const wholeDocument = await session.open(
      'policies/whole-document.backup-policy.yaml',
      `# hana-backup-disable HBP101\n${sandbox.replace('SBX', 'SB2')}`,
    );
    assert.deepEqual(codesOf(await session.diagnosticsOf(wholeDocument)), ['HBP110', 'HBP103']);
  });

  it('drops HBP101 once the log interval meets the RPO', async () => {
    const sandbox = await session.open(SANDBOX);
    await session.diagnosticsOf(sandbox);
    await session.replaceOnLine(sandbox, 16, '20m', '10m');
    assert.deepEqual(codesOf(await session.diagnosticsOf(sandbox)), ['HBP110', 'HBP103']);
  });

  it('reports a mistake typed into a clean file, on the key at fault', async () => {
    const azure = await session.open(AZURE);
    await session.diagnosticsOf(azure);
    await session.replaceOnLine(azure, 20, 'retention', 'retension');
    const diagnostics = await session.diagnosticsOf(azure);
    assert.deepEqual(seen(azure, diagnostics), [
      { code: 'HBP002', severity: Error, line: 20, text: 'retension' },
    ]);
    assert.match(diagnostics[0].message, /retention/, 'proposes the key that was meant');
  });

  it('publishes for the last version after a burst of keystrokes', async () => {
    const sandbox = await session.open(SANDBOX);
    await session.diagnosticsOf(sandbox);
    // Typing "5m" over "20m" one keystroke at a time: "m", "", "5", "5m".
    const line = 16;
    const at = (character: number) => ({ line, character });
    await session.change(sandbox, [{ range: { start: at(21), end: at(23) }, text: '' }]);
    await session.change(sandbox, [{ range: { start: at(21), end: at(22) }, text: '' }]);
    await session.change(sandbox, [{ range: { start: at(21), end: at(21) }, text: '5' }]);
    await session.change(sandbox, [{ range: { start: at(22), end: at(22) }, text: 'm' }]);
    assert.match(sandbox.document.getText(), /interval: 5m \}/);
    assert.deepEqual(codesOf(await session.diagnosticsOf(sandbox)), ['HBP110', 'HBP103']);
  });

  it('clears the problems of a file when it is closed', async () => {
    const sandbox = await session.open(SANDBOX);
    await session.diagnosticsOf(sandbox);
    await session.close(sandbox);
    await session.waitForDiagnostics(sandbox.uri, (diagnostics) => diagnostics.length === 0);
  });
});

describe('LSP diagnostics with validate.onType off', () => {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start({ settings: { validate: { onType: false, delay: 0 } } });
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('validates an edit only when the file is saved', async () => {
    const sandbox = await session.open(SANDBOX);
    await session.diagnosticsOf(sandbox);
    const edited = await session.replaceOnLine(sandbox, 16, '20m', '10m');
    // A round trip: had the edit been validated right away, its publication would be here by now.
    await session.hover(sandbox, { line: 0, character: 0 });
    const early = session.publicationsFor(sandbox.uri).filter((p) => p.version === edited);
    assert.deepEqual(early, [], 'no diagnostics for the unsaved edit');
    await session.save(sandbox);
    assert.deepEqual(codesOf(await session.diagnosticsOf(sandbox)), ['HBP110', 'HBP103']);
  });
});
