// global.ini layers and Backint files through the LSP server: cross-file results follow the files on
// disk, opened or not, and "Validate Workspace" publishes every file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  DocumentLinkRequest,
  ExecuteCommandRequest,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { codesOf, LspSession } from './support/lspClient';

const ERP_POLICY = 'policies/erp.backup-policy.yaml';
const HOST = 'config/usr/sap/ERP/HDB10/erphana2/global.ini';
const DATABASE = 'config/usr/sap/ERP/SYS/global/hdb/custom/config/DB_ERP/global.ini';
const SYSTEM = 'config/usr/sap/ERP/SYS/global/hdb/custom/config/global.ini';
const HOST_WITHOUT_OVERRIDE =
  '# global.ini last modified 2026-11-12 03:55:01.551001 by hdbnameserver\n[persistence]\n';
const drift = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'HBP140');

describe('LSP configuration files', () => {
  let session: LspSession;
  beforeEach(async () => {
    session = await LspSession.start();
  });
  afterEach(async () => {
    await session.dispose();
  });

  it('drift on an open policy follows a HOST file edited on disk', async () => {
    const policy = await session.open(ERP_POLICY);
    assert.deepEqual(codesOf(await session.waitForDiagnostics(policy.uri, drift)), ['HBP140']);
    const original = fs.readFileSync(session.pathOf(HOST), 'utf8');
    await session.writeFile(HOST, HOST_WITHOUT_OVERRIDE, FileChangeType.Changed);
    await session.waitForDiagnostics(policy.uri, (diagnostics) => !drift(diagnostics));
    await session.writeFile(HOST, original, FileChangeType.Changed);
    await session.waitForDiagnostics(policy.uri, drift);
  });

  it('an open HOST file shows HBI010 pointing at every overridden value, and follows deletes', async () => {
    const host = await session.open(HOST, undefined, 'hana-ini');
    const overrides = (diagnostics: Diagnostic[]) =>
      diagnostics.find((d) => d.code === 'HBI010')?.relatedInformation?.length;
    const first = await session.waitForDiagnostics(host.uri, (diagnostics) => overrides(diagnostics) === 2);
    assert.deepEqual(codesOf(first).sort(), ['HBI005', 'HBI010']);
    await session.deleteFile(DATABASE);
    await session.waitForDiagnostics(host.uri, (diagnostics) => overrides(diagnostics) === 1);
  });

  it('links *_parameter_file values to the Backint file', async () => {
    const system = await session.open(SYSTEM, undefined, 'hana-ini');
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, {
      textDocument: { uri: system.uri },
    });
    assert.equal(links?.length, 3);
    assert.ok(links?.every((link) => link.target?.endsWith('/hdbconfig/aws-backint-agent-config.yaml')));
  });

  it('Validate Workspace publishes every file, opened or not, and keeps them current', async () => {
    const summary = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'hanaBackup.validateWorkspace',
      arguments: [],
    })) as { files: number; problems: number };
    assert.equal(summary.files, 7);
    assert.equal(summary.problems, 6);
    const host = session.uriOf(HOST);
    assert.deepEqual(codesOf(session.publicationsFor(host).at(-1)!.diagnostics).sort(), ['HBI005', 'HBI010']);
    await session.writeFile(SYSTEM, '[backup]\nlog_backup_using_backint = true\n', FileChangeType.Changed);
    await session.waitForDiagnostics(
      host,
      (diagnostics) => diagnostics.find((d) => d.code === 'HBI010')?.relatedInformation?.length === 1,
    );
  });
});
