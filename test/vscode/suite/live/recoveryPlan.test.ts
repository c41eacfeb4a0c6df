// Plan Recovery through the real extension on hanasim's demo seed: the command reads the catalog
// through @sap/hana-client and opens the plan as a document (see test/vscode/run.mjs for the set-up).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../../../support/eventually';

const EXTENSION_ID = 'hana-backup.hana-backup';

function reportContaining(text: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(
    (d) => d.uri.scheme === 'hana-backup-report' && d.getText().includes(text),
  );
}

suite('Plan Recovery on the demo system', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  test('a point in time of yesterday: the chain, its sizes and the RECOVER statement, to the second', async () => {
    const at = new Date(Date.now() - 86_400_000);
    at.setUTCMilliseconds(0);
    const until = at.toISOString().slice(0, 19).replace('T', ' ');
    await vscode.commands.executeCommand('hanaBackup.planRecovery', {
      connection: 'PRD',
      database: 'PRD',
      target: { kind: 'time', at: at.toISOString() },
    });
    const plan = await eventually(
      async () => reportContaining('# Recovery plan for PRD'),
      (d) => d !== undefined,
    );
    assert.ok(plan, 'no recovery plan document was opened');
    const text = plan.getText();
    assert.match(text, new RegExp(`Target: the point in time ${until} UTC`));
    assert.match(text, /\| base \| complete data backup \| \d+ \|/);
    assert.match(text, /Estimated duration: /);
    assert.ok(
      text.includes(`RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${until}'`),
      `the statement recovers to ${until}:\n${text}`,
    );
    assert.match(text, /ALTER SYSTEM STOP DATABASE "PRD"/);
  });

  test('SYSTEMDB: the plan and the recoverSys.py command line, since SQL cannot do it', async () => {
    await vscode.commands.executeCommand('hanaBackup.planRecovery', {
      connection: 'PRD',
      database: 'SYSTEMDB',
      target: { kind: 'latest' },
    });
    const plan = await eventually(
      async () => reportContaining('# Recovery plan for SYSTEMDB'),
      (d) => d !== undefined,
    );
    assert.ok(plan, 'no recovery plan document for SYSTEMDB');
    assert.match(
      plan.getText(),
      /HDBSettings\.sh recoverSys\.py --command="RECOVER DATABASE UNTIL TIMESTAMP '/,
    );
    assert.match(plan.getText(), /## Why not over SQL/);
  });
});
