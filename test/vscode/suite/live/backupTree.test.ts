// The "HANA Backup" view on hanasim's demo seed, through the real extension, its language server and
// @sap/hana-client (see test/vscode/run.mjs: the simulator and the connection are set up there).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../../../support/eventually';

const EXTENSION_ID = 'hana-backup.hana-backup';

/** The parts of the extension's API this suite uses (client/src/extension.ts HanaBackupApi). */
interface Api {
  tree: vscode.TreeDataProvider<Node>;
}
interface Node {
  kind: string;
  id: string;
}

interface Shown {
  node: Node;
  label: string;
  description: string;
  contextValue: string;
  tooltip: string;
}

let api: Api;

async function children(parent?: Node): Promise<Shown[]> {
  const nodes = (await api.tree.getChildren(parent)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const item = await api.tree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
      return {
        node,
        label,
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue ?? '',
        tooltip,
      };
    }),
  );
}

async function child(parent: Shown | undefined, label: string | RegExp): Promise<Shown> {
  const list = await children(parent?.node);
  const found = list.find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  assert.ok(
    found,
    `no "${label}" under ${parent?.label ?? 'the root'}; there are: ${list.map((c) => c.label).join(', ')}`,
  );
  return found;
}

suite('HANA Backup view on the demo system', () => {
  let system: Shown;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    const roots = await eventually(
      () => children(),
      (list) => list.some((c) => c.description.startsWith('● connected')),
    );
    const found = roots.find((c) => c.label.startsWith('PRD ('));
    assert.ok(found, `no PRD system: ${JSON.stringify(roots.map((r) => [r.label, r.description]))}`);
    system = found;
  });

  test('the system line says connected, the version and two hosts', () => {
    assert.match(system.description, /^● connected · HANA 2\.00\.070 · 2 hosts$/);
  });

  test('the HOST-layer override is flagged on hana02, not on hana01', async () => {
    const hosts = await child(system, 'Hosts');
    const hana01 = await child(hosts, 'hana01');
    const hana02 = await child(hosts, 'hana02');
    assert.equal(hana01.description, 'MASTER · indexserver, nameserver');
    assert.match(hana02.description, /^SLAVE · .*⚠ HOST layer overrides log_backup_timeout_s$/);
    assert.match(hana02.tooltip, /\[persistence\] log_backup_timeout_s = 3600/);
  });

  test("each database shows its recoverable window and the last log backup's age", async () => {
    const databases = await child(system, 'Databases');
    const list = await children(databases.node);
    assert.deepEqual(
      list.map((d) => d.label),
      ['SYSTEMDB', 'PRD', 'QAS'],
    );
    const prd = list[1];
    assert.match(
      prd.description,
      /^ACTIVE {2}recoverable \d{4}-\d\d-\d\d \d\d:\d\d → now \(log \d+ (s|min) ago\)$/,
    );
    assert.equal(prd.contextValue, 'database.tenant');
  });

  test("PRD's summary judges the policy's 15m RPO against hana02's hourly log backups", async () => {
    const prd = await child(await child(system, 'Databases'), 'PRD');
    const summary = await child(prd, /^Recoverable window/);
    assert.match(
      summary.label,
      /^Recoverable window: \d+ days · newest full .* ago · RPO 15m not met \(max log gap (59|60|1 h)/,
    );
    assert.match(summary.tooltip, /prd-production/);
  });

  test("QAS's lost log shows as a gap on its day", async () => {
    const qas = await child(await child(system, 'Databases'), 'QAS');
    const logs = await child(qas, 'Log backups');
    assert.match(logs.description, /· 1 gap$/);
    const days = await children(logs.node);
    const bad = days.filter((d) => /log missing/.test(d.description));
    assert.equal(bad.length, 1, days.map((d) => `${d.label} ${d.description}`).join('\n'));
    assert.equal(bad[0].contextValue, 'logDay.gap');
    const entries = await children(bad[0].node);
    assert.ok(entries.some((e) => / log missing$/.test(e.label)));
  });

  test('the snapshot left prepared is flagged, with the confirm and abandon actions', async () => {
    const systemdb = await child(await child(system, 'Databases'), 'SYSTEMDB');
    const snapshots = await child(systemdb, 'Snapshots');
    assert.match(snapshots.description, /1 prepared, not confirmed/);
    const [entry] = await children(snapshots.node);
    assert.equal(entry.contextValue, 'entry.snapshot.prepared');
    assert.match(entry.description, /snapshot .*prepared$/);
  });

  test('the configuration shows the layer of each value and the HOST override', async () => {
    const prd = await child(await child(system, 'Databases'), 'PRD');
    const parameter = await child(await child(prd, 'Configuration'), '[persistence] log_backup_timeout_s');
    assert.equal(parameter.description, '900 (SYSTEM) · ⚠ hana02: 3600 (HOST)');
  });

  test('selecting a data backup opens its details with the files per host', async () => {
    const prd = await child(await child(system, 'Databases'), 'PRD');
    const [latest] = await children((await child(prd, 'Data backups')).node);
    assert.match(latest.description, /^(complete|differential) · backint · .* · successful$/);
    await vscode.commands.executeCommand('hanaBackup.showBackupDetails', latest.node);
    const editor = await eventually(
      async () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.scheme === 'hana-backup-details' && e.document.getText().includes('## Files'),
    );
    const text = editor?.document.getText() ?? '';
    assert.match(text, /^# (complete|differential) data backup \d+/);
    assert.match(text, /\| hana02 \| indexserver \|/);
  });
});
