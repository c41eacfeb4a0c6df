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

/** A fresh workbench window on `url` for `act`; its last state is kept as `lastScreenshot`. */
async function inNewWindow(context, url, lastScreenshot, act) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(url);
    return await act(page);
  } finally {
    await page.screenshot({ path: lastScreenshot }).catch(() => undefined);
    await page.close();
  }
}

/**
 * The view shown with the demo system connected; `closeEditors` first closes the editor groups that
 * earlier windows on this folder left behind.
 */
async function showConnectedSystem(page, { closeEditors = false } = {}) {
  await openView(page);
  if (closeEditors) await runCommand(page, 'View: Close All Editor Groups');
  await row(page, 'PRD (127.0.0.1:', 1).filter({ hasText: '● connected' }).waitFor();
}

/** Resolves with the new backup's description; throws when a step does not happen. */
export function checkBackupFromTree(context, url, { artifacts }) {
  return inNewWindow(context, url, path.join(artifacts, 'tree-last.png'), async (page) => {
    await showConnectedSystem(page);
    await widenSideBar(page);
    await expand(row(page, 'Hosts', 2));
    await row(page, 'hana02', 3).filter({ hasText: 'HOST layer overrides log_backup_timeout_s' }).waitFor();
    const prd = row(page, 'PRD', 3);
    await prd.filter({ hasText: 'recoverable' }).waitFor();
    await expand(prd);
    const data = row(page, 'Data backups', 4);
    await expand(data);
    await page
      .locator('#workbench\\.view\\.extension\\.hanaBackup .monaco-list-row[aria-level="5"]')
      .filter({ hasText: /complete · / })
      .first()
      .waitFor();
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
  });
}

/**
 * Runs a command by its exact title through the command palette; waits for the palette to close
 * unless the command opens a picker of its own.
 */
async function runCommand(page, title, { opensPicker = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first()
    .click();
  if (!opensPicker) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The plan as a reader sees it: rendered, in one editor group, without the side bar. */
async function screenshotPlan(page, file) {
  await runCommand(page, 'View: Single Column Editor Layout');
  await runCommand(page, 'View: Close Primary Side Bar');
  // The preview did not always open from the first palette run on a loaded machine: try twice.
  const preview = page.locator('.tab', { hasText: 'Preview Recovery plan' });
  for (let attempt = 0; attempt < 2 && !(await preview.isVisible()); attempt++) {
    await page.locator('.tab', { hasText: 'Recovery plan' }).first().click();
    await runCommand(page, 'Markdown: Open Preview');
    await preview.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  await page
    .frameLocator('iframe.webview.ready')
    .frameLocator('#active-frame')
    .locator('h1', { hasText: 'Recovery plan for PRD' })
    .waitFor();
  await page.screenshot({ path: file });
}

/** Recover Database from PRD's context menu up to its confirmation; resolves with the dialog. */
async function askToRecover(page, prd, until) {
  await prd.click({ button: 'right' });
  await runMenuItem(page, 'Recover Database');
  await pick(page, 'Point in time');
  const title = page.locator('.quick-input-widget .quick-input-title');
  await title.filter({ hasText: 'point in time (UTC)' }).waitFor();
  await page.locator('.quick-input-widget input').fill(until);
  await page.keyboard.press('Enter');
  const dialog = page
    .locator('.monaco-dialog-box')
    .filter({ hasText: `Recover PRD on PRD to ${until} UTC?` });
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  if (!text.includes(`RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${until}'`))
    throw new Error(`the confirmation does not show the RECOVER statement: ${text}`);
  return dialog;
}

/**
 * Recover Database from PRD's context menu to a point in time six hours ago: the plan opens beside
 * and the modal names the database and the target; Cancel leaves PRD running. Asked again, "Recover
 * PRD" runs it: the notification names the point reached and PRD is ACTIVE again. Resolves with
 * that notification's text.
 */
export function checkRecoverFromTree(context, url, { artifacts }) {
  return inNewWindow(context, url, path.join(artifacts, 'recover-last.png'), async (page) => {
    await showConnectedSystem(page, { closeEditors: true });
    const prd = row(page, 'PRD', 3);
    await prd.filter({ hasText: 'recoverable' }).waitFor();
    const until = new Date(Date.now() - 6 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

    let dialog = await askToRecover(page, prd, until);
    await page.screenshot({ path: path.join(artifacts, 'recover-confirmation.png') });
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.editor-group-container', { hasText: 'Recovery plan for PRD' }).first().waitFor();
    await screenshotPlan(page, path.join(artifacts, 'recovery-plan.png'));
    await openView(page);
    await prd.filter({ hasText: 'ACTIVE' }).waitFor();

    dialog = await askToRecover(page, prd, until);
    await dialog.locator('.monaco-button', { hasText: 'Recover PRD' }).click();
    const done = page
      .locator('.notifications-toasts .notification-list-item')
      .filter({ hasText: `PRD on PRD recovered to ${until} UTC` });
    // Simulated time runs 30 times faster; the plan's estimate is a few minutes of HANA's time.
    await done.waitFor({ timeout: 3 * STEP_TIMEOUT_MS });
    await prd.filter({ hasText: 'ACTIVE' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'recovery-done.png') });
    return ((await done.textContent()) ?? '').trim();
  });
}

/**
 * Prune by Retention from QAS's context menu: the policy governing QAS (weekly fulls 5w, log 35d)
 * on a 45-day history leaves something to delete. The report opens, the modal names QAS, and
 * "Delete from QAS" ends in a notification counting the entries deleted.
 */
export function checkPruneFromTree(context, url, { artifacts }) {
  return inNewWindow(context, url, path.join(artifacts, 'prune-last.png'), async (page) => {
    await showConnectedSystem(page, { closeEditors: true });
    const qas = row(page, 'QAS', 3);
    await qas.filter({ hasText: 'recoverable' }).waitFor();
    await qas.click({ button: 'right' });
    await runMenuItem(page, 'Prune by Retention');
    const dialog = page
      .locator('.monaco-dialog-box')
      .filter({ hasText: 'Delete from the catalog of QAS on PRD' });
    await dialog.waitFor();
    await page.locator('.editor-group-container', { hasText: 'Prune QAS by retention' }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'prune-confirmation.png') });
    await dialog.locator('.monaco-button', { hasText: 'Delete from QAS' }).click();
    const done = page
      .locator('.notifications-toasts .notification-list-item')
      .filter({ hasText: /Prune QAS on PRD: [1-9][\d,]* catalog entries deleted/ });
    await done.waitFor();
    return ((await done.textContent()) ?? '').trim();
  });
}

/** The getting-started walkthrough opens with its four steps. */
export function checkWalkthrough(context, url, { artifacts }) {
  return inNewWindow(context, url, path.join(artifacts, 'walkthrough-last.png'), async (page) => {
    await page.locator('.monaco-workbench').waitFor();
    // Earlier windows on this folder left a wide side bar and several editor groups behind.
    await runCommand(page, 'View: Single Column Editor Layout');
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'Welcome: Open Walkthrough...', { opensPicker: true });
    await pick(page, 'Get started with SAP HANA Backup');
    const steps = ['Connect to a HANA system', 'Read the tree', 'Open a backup policy', 'Plan a recovery'];
    for (const title of steps)
      await page.locator('.gettingStartedContainer .step-title', { hasText: title }).first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'walkthrough.png') });
    return steps;
  });
}
