#!/usr/bin/env node
// Makes sure code-server (VS Code's server and web workbench, from npm) is installed, so the
// extension can be tested in a real VS Code where no desktop build exists (Debian has none and
// GitHub downloads are blocked). It lives in a cache folder outside the repo, keyed by version:
// `npm ci` stays fast and people with a desktop VS Code never pay for it.
// Run directly, it prints the path of the code-server binary on stdout (progress goes to stderr).
// Recipe and versions: see the reference "Running the extension in a real VS Code on these machines".
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// 4.100.3 is the newest code-server whose engines allow Node 20 (it ships VS Code 1.100.3).
export const CODE_SERVER_VERSION = '4.100.3';
// @vscode/ripgrep as pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json), and the
// ripgrep-prebuilt tag hard-coded in its lib/postinstall.js. Change both with CODE_SERVER_VERSION.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_PREBUILT_TAG = 'v13.0.0-10';

const APT_HINT =
  'apt-get install -y chromium ripgrep build-essential python3 libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev';

export function codeServerDir() {
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'hana-backup', `code-server-${CODE_SERVER_VERSION}`);
}

/** The first executable called `name` on PATH, or undefined. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

/** Debian's Chromium (Playwright's own browsers cannot be downloaded here). CHROMIUM_PATH overrides. */
export function findChromium() {
  const found = process.env.CHROMIUM_PATH || which('chromium') || which('chromium-browser');
  if (!found) {
    throw new Error(
      `Chromium not found: install the Debian package "chromium" (${APT_HINT}) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

function versionAnswers(dir, bin) {
  // Even `--version` writes a default config file (and logs that it did, on stdout) when there is
  // none: point it into the cache folder instead of the user's ~/.config/code-server.
  const config = path.join(dir, 'version-check-config.yaml');
  const result = spawnSync(bin, ['--config', config, '--version'], { encoding: 'utf8', timeout: 60_000 });
  return (
    result.status === 0 &&
    result.stdout.split('\n').some((line) => line.startsWith(`${CODE_SERVER_VERSION} `))
  );
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub unless the archive is already in its
 * cache folder; an archive of Debian's `rg` makes the install work offline.
 */
function seedRipgrepCache() {
  const rg = which('rg');
  if (!rg)
    throw new Error(
      `ripgrep (rg) not found: code-server's install needs it. Install the Debian package "ripgrep" (${APT_HINT}).`,
    );
  // The target name its postinstall picks on Linux.
  const target =
    (process.env.npm_config_arch || os.arch()) === 'arm64'
      ? 'aarch64-unknown-linux-musl'
      : 'x86_64-unknown-linux-musl';
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_PREBUILT_TAG}-${target}.tar.gz`);
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-rg-'));
  try {
    fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    // Written under a temporary name and renamed, so a concurrent install never reads half a file.
    const partial = `${archive}.${process.pid}.partial`;
    execFileSync('tar', ['-czf', partial, '-C', stage, 'rg']);
    fs.renameSync(partial, archive);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** The environment for `npm install`, without what `npm run` exported about this repo. */
function installEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|command$|config_(local_)?prefix$)/.test(key)) continue;
    if (key.startsWith('npm_config_') && value === '') continue; // copies of npmrc flags npm re-reads
    env[key] = value;
  }
  return {
    ...env,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which `yes=false` cancels
    npm_config_jobs: 'max', // parallel native builds
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
}

function install(dir) {
  const missing = ['make', 'g++', 'python3'].filter((tool) => !which(tool));
  if (missing.length > 0) {
    throw new Error(`code-server builds native modules and needs ${missing.join(', ')}: ${APT_HINT}`);
  }
  seedRipgrepCache();
  fs.rmSync(dir, { recursive: true, force: true }); // a previous install that failed half-way
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'hana-backup-code-server', private: true }) + '\n',
  );
  console.error(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 1–2 minutes, once)…`);
  const started = Date.now();
  const result = spawnSync(
    'npm',
    ['install', '--prefix', dir, '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: dir,
      env: installEnv(),
      stdio: ['ignore', 2, 2], // keep stdout for the binary path
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status ?? result.signal}). ` +
        `Native modules need the Debian build packages: ${APT_HINT}`,
    );
  }
  fs.writeFileSync(path.join(dir, '.installed'), `${new Date().toISOString()}\n`);
  console.error(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** Installs code-server when needed and returns the path of its binary. */
export function ensureCodeServer() {
  findChromium(); // fail before a long install when the browser that drives it is missing
  const dir = codeServerDir();
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  // The marker guards against an install whose postinstall failed after the CLI was in place.
  if (fs.existsSync(path.join(dir, '.installed')) && versionAnswers(dir, bin)) return bin;
  install(dir);
  if (!versionAnswers(dir, bin))
    throw new Error(`${bin} --version does not answer ${CODE_SERVER_VERSION} after the install.`);
  return bin;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(`ensure-code-server: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
