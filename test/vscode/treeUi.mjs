// The "HANA Backup" view in the real workbench: the tree as a user sees it (kept as a screenshot),
// and "Back Up Now" from a database's context menu running to completion. Selectors are the ones
// VS Code 1.100.3 renders.
import path from 'node:path';

const STEP_TIMEOUT_MS = 60_000;

/** A row of the view by its label (exact) and tree depth. */
function row(page, label, level) {
  return page
    .locator(`#workbench\\.view\\.extension\\.hanaBackup .monaco-list-row[aria-level="${level}"]`)
    .filter({
      has: page.locator('.label-name', {
        hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      }),
    });
}

async function expand(rowLocator) {
  if ((await rowLocator.getAttribute('aria-expanded')) !== 'true') await rowLocator.click();
  await rowLocator.and(rowLocator.page().locator('[aria-expanded="true"]')).waitFor();
}

async function pick(page, text) {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/** Drags the side bar's edge so that descriptions are readable in the screenshots. */
async function widenSideBar(page) {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + 560, y, { steps: 5 });
  await page.mouse.up();
}

/** Resolves with the new backup's description; throws when a step does not happen. */
export async function checkBackupFromTree(context, url, { artifacts }) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.activitybar .action-item a[aria-label^="HANA Backup"]').click();
    await widenSideBar(page);
    const system = row(page, 'PRD (127.0.0.1:', 1);
    await system.filter({ hasText: '● connected' }).waitFor();
    await expand(row(page, 'Hosts', 2));
    await row(page, 'hana02', 3).filter({ hasText: 'HOST layer overrides log_backup_timeout_s' }).waitFor();
    const prd = row(page, 'PRD', 3);
    await prd.filter({ hasText: 'recoverable' }).waitFor();
    await expand(prd);
    const data = row(page, 'Data backups', 4);
    await expand(data);
    await page.screenshot({ path: path.join(artifacts, 'tree.png') });

    await prd.click({ button: 'right' });
    await page.locator('.monaco-menu .action-label', { hasText: 'Back Up Now' }).click();
    await pick(page, 'Complete');
    await pick(page, 'File');
    const title = page.locator('.quick-input-widget .quick-input-title');
    const input = page.locator('.quick-input-widget input');
    await title.filter({ hasText: 'backup name' }).waitFor();
    await page.keyboard.press('Enter'); // the proposed backup name
    await title.filter({ hasText: 'comment' }).waitFor();
    await input.fill('from the VS Code test');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: 'BACKUP DATA FOR "PRD" USING FILE' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'backup-now-confirmation.png') });
    await dialog.locator('.monaco-button', { hasText: 'Back Up' }).click();
    await page.locator('.notifications-toasts', { hasText: 'Backup on PRD finished' }).waitFor();

    const created = page
      .locator('#workbench\\.view\\.extension\\.hanaBackup .monaco-list-row[aria-level="5"]')
      .filter({ hasText: /complete · file · .* successful/ })
      .first();
    await created.waitFor();
    await page.screenshot({ path: path.join(artifacts, 'tree-after-backup.png') });
    return (await created.textContent())?.trim();
  } finally {
    await page.screenshot({ path: path.join(artifacts, 'tree-last.png') }).catch(() => undefined);
    await page.close();
  }
}
