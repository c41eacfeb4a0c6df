// HBP130: targets checked against the configured connections (settings section `hanaBackup`).
import * as assert from 'node:assert/strict';
import { Command, DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-protocol/node';
import { codesOf, LspSession, positionAfter, seen, type HanaBackupSettings } from './support/lspClient';
import { SANDBOX } from './support/policies';

const PRD = { name: 'PRD', host: 'prd-hana', port: 30013, databases: ['PRD'] };
const QAS = { name: 'QAS', host: 'qas-hana', port: 30113 };
const SBX = { name: 'SBX', host: 'sbx-hana', port: 30213, databases: ['SBX', 'SBX2'] };
const hasHbp130 = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'HBP130');

describe('LSP connections (HBP130)', () => {
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  async function start(settings: HanaBackupSettings, configurationSupport = true): Promise<LspSession> {
    session = configurationSupport
      ? await LspSession.start({ settings })
      : await LspSession.start({
          configurationSupport: false,
          initializationOptions: { hanaBackup: settings },
        });
    return session;
  }

  it('reports a target system that is no configured connection, as information', async () => {
    const s = await start({ connections: [PRD, QAS] });
    const sandbox = await s.open(SANDBOX);
    const diagnostics = await s.diagnosticsOf(sandbox);
    const found = seen(sandbox, diagnostics).filter((d) => d.code === 'HBP130');
    assert.deepEqual(found, [
      { code: 'HBP130', severity: DiagnosticSeverity.Information, line: 7, text: 'SBX' },
    ]);
    assert.match(
      diagnostics.find((d) => d.code === 'HBP130')!.message,
      /"PRD", "QAS"/,
      'names the configured ones',
    );
  });

  it('offers the addConnection command as the quick fix', async () => {
    const s = await start({ connections: [PRD] });
    const sandbox = await s.open(SANDBOX);
    const diagnostic = (await s.diagnosticsOf(sandbox)).find((d) => d.code === 'HBP130')!;
    const [action, ...more] = await s.codeActions(sandbox, [diagnostic]);
    assert.equal(more.length, 0);
    const command = Command.is(action) ? action : action.command;
    assert.equal(command?.command, 'hanaBackup.addConnection');
    assert.deepEqual(command?.arguments, ['SBX']);
  });

  it('does not report HBP130 when no connections are configured', async () => {
    const s = await start({});
    const sandbox = await s.open(SANDBOX);
    assert.deepEqual(codesOf(await s.diagnosticsOf(sandbox)), ['HBP101', 'HBP110', 'HBP103']);
  });

  it('does not report a target whose connection is configured, and shows the connection on hover', async () => {
    const s = await start({ connections: [PRD, SBX] });
    const sandbox = await s.open(SANDBOX);
    assert.ok(!hasHbp130(await s.diagnosticsOf(sandbox)));
    const hover = await s.hover(sandbox, positionAfter(sandbox.document, 'system: '));
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.match(hover.contents.value, /Connection \*\*SBX\*\* \(sbx-hana:30213\)/);
    assert.match(hover.contents.value, /databases: SBX, SBX2/);
  });

  it('re-checks open files when the settings change', async () => {
    const s = await start({ connections: [PRD] });
    const sandbox = await s.open(SANDBOX);
    assert.ok(hasHbp130(await s.diagnosticsOf(sandbox)));
    s.settings = { connections: [PRD, SBX] };
    await s.configurationChanged();
    await s.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasHbp130(diagnostics));
  });

  it('takes connections from initializationOptions when the client cannot be asked', async () => {
    const s = await start({ connections: [PRD] }, false);
    const sandbox = await s.open(SANDBOX);
    assert.ok(hasHbp130(await s.diagnosticsOf(sandbox)));
    await s.configurationChanged({ hanaBackup: { connections: [PRD, SBX] } });
    await s.waitForDiagnostics(sandbox.uri, (diagnostics) => !hasHbp130(diagnostics));
  });
});
