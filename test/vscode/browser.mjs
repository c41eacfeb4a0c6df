// Drives code-server's web workbench with Playwright and Debian's Chromium: the extension-host test
// suite needs a browser client attached (the server alone ignores extensionTestsPath).
import { chromium } from 'playwright-core';
import path from 'node:path';
import { format } from 'node:util';

/** `run` is the run folder (test/vscode/codeServer.mjs): Chromium's profile and XDG folders go there. */
export function launchBrowser(executablePath, run) {
  return chromium.launchPersistentContext(run.browserProfile, {
    executablePath,
    headless: true,
    // run.mjs handles these: it must stop code-server too, and Playwright's handlers exit at once.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Debian's Chromium keeps crash reports under $XDG_CONFIG_HOME/chromium whatever the profile.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(run.xdg, 'config'),
      XDG_CACHE_HOME: path.join(run.xdg, 'cache'),
    },
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', // root in a container
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The workbench URL for `folder`. The `payload` pairs load `extensionPath` (if given) as a
 * development extension and, with `testsPath` (the compiled runner, without ".js"), run its tests.
 */
export function workbenchUrl(serverUrl, { folder, extensionPath, testsPath }) {
  const remote = (file) => `vscode-remote://remote${file}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath.replace(/\.js$/, ''))]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens the workbench with the test payload and resolves with the suite's exit code (null when it did
 * not finish before the deadline). The extension host's console reaches `onLog` line by line.
 */
export async function runSuite(context, url, { deadlineMs, onLog, screenshot }) {
  const page = await context.newPage();
  let finished;
  const exit = new Promise((resolve) => (finished = resolve));
  // Both are called by the workbench itself when it runs under automation.
  await page.exposeFunction('codeAutomationLog', (type, args) =>
    onLog(type, format(...(Array.isArray(args) ? args : [args]))),
  );
  await page.exposeFunction('codeAutomationExit', (code) => finished(code));
  page.on('pageerror', (error) => onLog('pageerror', String(error)));

  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), deadlineMs)));
  try {
    await page.goto(url);
    return await Promise.race([exit, timeout]);
  } finally {
    clearTimeout(timer);
    await page
      .screenshot({ path: screenshot })
      .catch((error) => onLog('error', `screenshot failed: ${error.message}`));
    await page.close();
  }
}
