// `npm run package [-- --target linux-x64,universal]`: one VSIX per platform, each holding only that
// platform's @sap/hana-client binary (a native module: all platforms together are ~90 MB), plus a
// universal VSIX without the driver, whose HANA commands say which VSIX to install instead
// (client/src/hana/driver.ts). Every VSIX is opened again and checked; the one for this machine is
// unpacked and its driver loaded. Prints the sizes; fails when a platform VSIX reaches 25 MB.
//
// Like rust-analyzer and vscode-eslint, each target is packaged from its own folder
// (dist/vsix-stage/<target>/): the allow-listed extension files, a production bundle, and for a
// platform target node_modules/ holding just the driver and what it requires.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as zlib from 'node:zlib';
import { createVSIX, listFiles, PackageManager } from '@vscode/vsce';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DRIVER = 'node_modules/@sap/hana-client';
/** `vsce --target` → the folder of @sap/hana-client's prebuilt/ that platform loads (its lib/index.js). */
const PLATFORMS = {
  'linux-x64': 'linuxx86_64',
  'linux-arm64': 'linuxaarch64',
  // @sap/hana-client ships a musl build for x64 only (and picks it by `ldd --version`), so no alpine-arm64.
  'alpine-x64': 'linuxx86_64_alpine',
  'darwin-x64': 'darwinintel64',
  'darwin-arm64': 'darwinarm64',
  'win32-x64': 'ntamd64',
};
const UNIVERSAL = 'universal';
const LIMIT = 25_000_000;

const { values } = parseArgs({ options: { target: { type: 'string' } } });
const targets = values.target
  ? values.target.split(',').map((t) => t.trim())
  : [...Object.keys(PLATFORMS), UNIVERSAL];
const unknown = targets.filter((t) => t !== UNIVERSAL && !(t in PLATFORMS));
if (unknown.length > 0) {
  console.error(
    `package: unknown target ${unknown.join(', ')}; known: ${[...Object.keys(PLATFORMS), UNIVERSAL].join(', ')}`,
  );
  process.exit(2);
}

// vsce lists a platform stage's node_modules with `npm list`; npm must not ask the registry for updates.
process.env.npm_config_update_notifier = 'false';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const stageRoot = path.join(root, 'dist', 'vsix-stage');
const outDir = path.join(root, 'dist', 'vsix');
const bundle = path.join(stageRoot, 'bundle');

// A production bundle of its own: dist/ stays the development build the test suites and watch use.
fs.rmSync(bundle, { recursive: true, force: true });
const build = spawnSync(
  process.execPath,
  ['scripts/build.mjs', '--production', '--outdir', path.relative(root, bundle)],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(1);

// What .vscodeignore allows, except dist/ (whatever build is there): the production bundle replaces it.
const extensionFiles = (await listFiles({ cwd: root, packageManager: PackageManager.None })).filter(
  (file) => !file.startsWith('dist/'),
);
const vscodeignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');

/** The directory of package `name` as Node resolves it from `fromDir`, within the checkout. */
function locatePackage(name, fromDir) {
  for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`${name} (required by ${path.relative(root, fromDir)}) is not installed; run npm ci`);
}

/**
 * The driver and its runtime dependencies (`debug`, `ms`), each at the same path below the stage as
 * in the checkout, so Node resolves them there as it does here; of prebuilt/, one platform's folder.
 */
function stageDriver(stage, prebuilt) {
  const queue = [path.join(root, DRIVER)];
  const copied = new Set();
  while (queue.length > 0) {
    const dir = queue.shift();
    if (copied.has(dir)) continue;
    copied.add(dir);
    fs.cpSync(dir, path.join(stage, path.relative(root, dir)), {
      recursive: true,
      filter: (source) => {
        const [first, second] = path.relative(dir, source).split(path.sep);
        // Nested packages are copied as dependencies below, only those required.
        if (first === 'node_modules') return false;
        return first !== 'prebuilt' || second === undefined || second === prebuilt;
      },
    });
    const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys(dependencies)) queue.push(locatePackage(name, dir));
  }
}

function stage(target) {
  const dir = path.join(stageRoot, target);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of extensionFiles) fs.cpSync(path.join(root, file), path.join(dir, file));
  fs.cpSync(bundle, path.join(dir, 'dist'), { recursive: true });
  const prebuilt = PLATFORMS[target];
  // Everything but the driver is bundled: the VSIX's manifest lists the driver alone, and without
  // scripts vsce runs no `vscode:prepublish` in a folder that has no sources.
  const staged = { ...manifest };
  delete staged.devDependencies;
  delete staged.scripts;
  delete staged.dependencies;
  if (prebuilt) {
    staged.dependencies = { '@sap/hana-client': manifest.dependencies['@sap/hana-client'] };
    stageDriver(dir, prebuilt);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  // Still the allow-list; a platform stage's node_modules holds only what stageDriver put there.
  fs.writeFileSync(
    path.join(dir, '.vscodeignore'),
    prebuilt
      ? `${vscodeignore}\n# The driver of this platform (scripts/package.mjs)\n!node_modules/**\n`
      : vscodeignore,
  );
  return dir;
}

/** The entries of a VSIX (a zip), from its central directory; `data()` reads one. No zip64: VSIXs are small. */
function readZip(file) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  const entries = [];
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const data = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const stored = zip.subarray(start, start + size);
      return method === 0 ? stored : zlib.inflateRawSync(stored);
    };
    entries.push({ name, data });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** What a VSIX must hold: the bundles, and exactly its platform's driver binary (none in the universal one). */
function contentProblems(target, entries) {
  const names = entries.map((e) => e.name);
  const problems = ['package.json', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'dist/cli.js']
    .filter((file) => !names.includes(`extension/${file}`))
    .map((file) => `extension/${file} missing`);
  const vsixManifest = entries
    .find((e) => e.name === 'extension.vsixmanifest')
    .data()
    .toString('utf8');
  const platform = /TargetPlatform="([^"]+)"/.exec(vsixManifest)?.[1];
  const natives = names.filter((name) => name.endsWith('.node'));
  if (target === UNIVERSAL) {
    if (platform) problems.push(`targets ${platform}`);
    if (names.some((name) => name.startsWith('extension/node_modules/')))
      problems.push('holds node_modules/');
  } else {
    if (platform !== target) problems.push(`targets ${platform ?? 'every platform'}`);
    const expected = `extension/${DRIVER}/prebuilt/${PLATFORMS[target]}/hana-client.node`;
    if (natives.length !== 1 || natives[0] !== expected)
      problems.push(`native binaries ${JSON.stringify(natives)} instead of ${expected}`);
  }
  return problems;
}

/** This machine's target, by the rule of client/src/hana/driver.ts (and VS Code): ID=alpine in os-release. */
function hostTarget() {
  const osRelease = ['/etc/os-release', '/usr/lib/os-release'].find((file) => fs.existsSync(file));
  const alpine =
    process.platform === 'linux' &&
    !!osRelease &&
    /^ID="?alpine"?$/m.test(fs.readFileSync(osRelease, 'utf8'));
  const target = `${alpine ? 'alpine' : process.platform}-${process.arch}`;
  return target in PLATFORMS ? target : undefined;
}

/**
 * Unpacks the VSIX and runs it as installed, nothing resolved from the checkout: the driver loads from
 * extension/node_modules, and the bundled CLI reaches the driver (a refused connection, not a missing
 * driver) — or, universal, names this machine's VSIX.
 */
function runProblems(target, entries, host) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-vsix-'));
  try {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      fs.mkdirSync(path.join(dir, path.dirname(entry.name)), { recursive: true });
      fs.writeFileSync(path.join(dir, entry.name), entry.data());
    }
    const extension = path.join(dir, 'extension');
    const env = { ...process.env, HANA_BACKUP_VSIX_CHECK: 'unused' };
    delete env.NODE_PATH;
    const problems = [];
    if (target !== UNIVERSAL) {
      const load = spawnSync(
        process.execPath,
        ['-e', 'require(process.argv[1]).createConnection()', path.join(extension, DRIVER)],
        { env, encoding: 'utf8' },
      );
      if (load.status !== 0) problems.push(`the driver does not load: ${load.stderr.trim()}`);
    }
    // Port 1 on loopback: refused at once, after the driver has loaded.
    const settings = path.join(dir, 'settings.json');
    fs.writeFileSync(
      settings,
      JSON.stringify({
        'hanaBackup.connections': [{ name: 'CHECK', host: '127.0.0.1', port: 1, user: 'SYSTEM' }],
      }),
    );
    const cli = spawnSync(
      process.execPath,
      [
        path.join(extension, 'bin', 'hana-backup.js'),
        'plan-recovery',
        '--settings',
        settings,
        '--connection',
        'CHECK',
        '--database',
        'SYSTEMDB',
        '--latest',
        '--password-env',
        'HANA_BACKUP_VSIX_CHECK',
      ],
      { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
    );
    const driverMissing = /could not be loaded/.test(cli.stderr);
    const namesVsix = cli.stderr.includes(`hana-backup-${host}-${manifest.version}.vsix`);
    if (cli.status !== 3 || (target === UNIVERSAL ? !(driverMissing && namesVsix) : driverMissing))
      problems.push(`the bundled CLI exits ${cli.status}: ${cli.stderr.trim()}`);
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

fs.mkdirSync(outDir, { recursive: true });
const host = hostTarget();
const rows = [];
let failed = false;
for (const target of targets) {
  const file = path.join(outDir, `hana-backup-${target}-${manifest.version}.vsix`);
  fs.rmSync(file, { force: true });
  const platform = target !== UNIVERSAL;
  await createVSIX({
    cwd: stage(target),
    packagePath: file,
    target: platform ? target : undefined,
    dependencies: platform,
    useYarn: false,
    // The project has no public repository yet: no URL to put in the manifest or to turn the
    // README's relative links into, and they stay as written rather than point somewhere wrong.
    allowMissingRepository: true,
    rewriteRelativeLinks: false,
  });
  const entries = readZip(file);
  const problems = contentProblems(target, entries);
  const ranHere = host !== undefined && (target === host || target === UNIVERSAL);
  if (problems.length === 0 && ranHere) problems.push(...runProblems(target, entries, host));
  const size = fs.statSync(file).size;
  if (platform && size >= LIMIT) problems.push(`${(size / 1e6).toFixed(1)} MB, the limit is 25 MB`);
  for (const problem of problems) console.error(`package: ${target}: ${problem}`);
  failed ||= problems.length > 0;
  rows.push([
    target,
    `${(size / 1e6).toFixed(1)} MB`,
    `${entries.length} files`,
    problems.length > 0 ? 'FAILED' : ranHere ? 'checked, run here' : 'checked',
    path.relative(root, file),
  ]);
}

const table = [['target', 'size', 'files', 'contents', 'VSIX'], ...rows];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
console.log();
for (const row of table)
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
process.exitCode = failed ? 1 : 0;
