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

/** Runs a context menu entry; a click landing while the menu still animates in is taken as a hover only. */
async function runMenuItem(page, text) {
  const menu = page.locator('.monaco-menu');
  const item = menu.locator('.action-label', { hasText: text });
  await item.click();
  const closed = await menu.waitFor({ state: 'detached', timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (!closed) await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached' });
}

async function pick(page, text) {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/**
 * Shows the view. A new window restores the side bar as the last one left it, and clicking the
 * activity bar icon of a view already shown hides it: click, then check, a few times.
 */
async function openView(page) {
  await page.locator('.monaco-workbench').waitFor();
  const view = page.locator('#workbench\\.view\\.extension\\.hanaBackup');
  const icon = page.locator('.activitybar .action-item a[aria-label^="HANA Backup"]');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await view.isVisible()) return;
    await icon.click();
    const shown = await view.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
  }
  await view.waitFor();
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
    await openView(page);
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
    await runMenuItem(page, 'Back Up Now');
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

/**
 * "Recover Database" from PRD's context menu to a point in time: the plan opens beside and the
 * modal names the database and the target; Cancel leaves PRD running. Resolves with the dialog's text.
 */
export async function checkRecoverConfirmation(context, url, { artifacts }) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(url);
    await openView(page);
    await row(page, 'PRD (127.0.0.1:', 1).filter({ hasText: '● connected' }).waitFor();
    const prd = row(page, 'PRD', 3);
    await prd.filter({ hasText: 'recoverable' }).waitFor();

    await prd.click({ button: 'right' });
    await runMenuItem(page, 'Recover Database');
    await pick(page, 'Point in time');
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: 'point in time (UTC)' }).waitFor();
    const at = new Date(Date.now() - 6 * 3_600_000);
    const until = at.toISOString().slice(0, 19).replace('T', ' ');
    await page.locator('.quick-input-widget input').fill(until);
    await page.keyboard.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: `Recover PRD on PRD to ${until} UTC?` }).waitFor();
    const text = (await dialog.textContent()) ?? '';
    if (!text.includes(`RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${until}'`))
      throw new Error(`the confirmation does not show the RECOVER statement: ${text}`);
    await page.screenshot({ path: path.join(artifacts, 'recover-confirmation.png') });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.editor-group-container', { hasText: 'Recovery plan for PRD' }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'recovery-plan.png') });
    await prd.filter({ hasText: 'ACTIVE' }).waitFor();
    return text.trim();
  } finally {
    await page.screenshot({ path: path.join(artifacts, 'recover-last.png') }).catch(() => undefined);
    await page.close();
  }
}
