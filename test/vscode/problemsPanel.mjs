// UI checks through the real workbench: a user opens a file and the Problems panel shows the
// language server's finding. Selectors are the ones known to work on VS Code 1.100.3.
const STEP_TIMEOUT_MS = 60_000;

/** Opens `url` (the extension loaded, no tests), runs the check, screenshots to `screenshot`; throws on failure. */
export async function checkProblemsPanel(
  context,
  url,
  { fileName, search = fileName, pick = fileName, code, screenshot },
) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();

    // Quick open: F1 starts the palette with ">", replacing the text makes it a file search.
    await runQuickInput(page, search, pick);
    await page.locator('.tab.active', { hasText: fileName }).waitFor();

    await runQuickInput(page, '>View: Focus Problems', 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: code });
    await row.first().waitFor();
  } finally {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    await page.close();
  }
}

async function runQuickInput(page, text, rowText) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  // Click the matching row rather than Enter: results arrive in batches and the first may differ.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().click();
}
