// Benchmark of the language server (dist/server.js) on a large workspace of HANA configuration
// layers and backup policies: 200 systems, each with a SYSTEM, three DATABASE and four HOST global.ini
// in HANA's directory layout and two policies (1,600 global.ini files and 400 policies).
//
//   npm run bench:config                         (after `npm run build`)
//   node bench/config-workspace.mjs [options]
//
//   --cpu-prof       run the server and the CLI under `node --cpu-prof`; the profiles land in
//                    bench/results/cpu-prof/ (config-workspace-server.cpuprofile, …-cli.cpuprofile)
//   --keep-temp      keep the generated workspace (its path is printed)
//   --generate-only  write the workspace, print its path and stop (to look at it or lint it)
//   --server=<path>  benchmark another build of the server (default dist/server.js)
//
// What it measures, over LSP on stdio as an editor drives the server:
//   - "Validate Workspace" (workspace/executeCommand hanaBackup.validateWorkspace): request → response,
//     with every file's diagnostics published before the response;
//   - re-validation after one HOST global.ini changes, in the editor (didOpen, didChange, didSave) and
//     on disk (workspace/didChangeWatchedFiles): time until every file that depends on it (the other 7
//     global.ini of its system and its 2 policies) has been published again, checking that the
//     policies' HBP140 really reports the new value and that no file of another system is re-published;
//   - the server's memory (VmRSS, VmHWM) after the runs;
//   - the CLI (`hana-backup lint <folder> --format json`) on the same workspace.
// Figures are printed next to their targets (nothing fails the run when one is missed) and written
// to bench/results/config-workspace.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The package has no "exports" map, so ES modules must name the file (`/node` alone does not resolve).
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import {
  killRemainingChildren,
  machineInfo,
  processCpuMs,
  processMemory,
  randomTools,
  seededRandom,
  spawnNode,
  summarise,
  verdict,
  withDeadline,
} from './support/bench-common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI_BIN = path.join(ROOT, 'bin', 'hana-backup.js');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const RESULTS_FILE = path.join(RESULTS_DIR, 'config-workspace.json');
const CPU_PROF_DIR = path.join(RESULTS_DIR, 'cpu-prof');

/** `--name=value` from the command line. */
function optionValue(name) {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const SERVER = path.resolve(optionValue('server') ?? path.join(ROOT, 'dist', 'server.js'));

const OPTIONS = {
  cpuProf: process.argv.includes('--cpu-prof'),
  keepTemp: process.argv.includes('--keep-temp'),
  generateOnly: process.argv.includes('--generate-only'),
};

const SEED = 20261122;
const SYSTEM_COUNT = 200;
const TENANT_COUNT = 3;
const HOST_COUNT = 4;
/** The system whose HOST file the editor path edits, and the one whose HOST file changes on disk. */
const EDITOR_SYSTEM = 57;
const DISK_SYSTEM = 142;
/** The HOST file (by host index) of those systems that overrides log_backup_timeout_s. */
const EDITED_HOST = 1;
/** Values the override toggles between: same length (the edit range never moves), no policy's interval. */
const EDIT_VALUES = ['2400', '3000'];
/** Fresh servers whose first Validate Workspace is timed: a cold figure is one sample per start. */
const COLD_STARTS = 3;
const WARMUP_ROUNDS = 3;
const SAMPLE_ROUNDS = 20;

const SETTINGS = { validate: { delay: 0 } };

const DEADLINE = {
  initialize: 30_000,
  ready: 60_000,
  validateWorkspace: 120_000,
  revalidation: 15_000,
  shutdown: 5_000,
  cli: 180_000,
};

const TARGETS = {
  validateWorkspaceMs: 2000,
  revalidationP95Ms: 200,
  rssMB: 200,
};

// ---------------------------------------------------------------------------------------------
// Generated workspace: 200 systems in HANA's layout under config/, two policies each under policies/.
// ---------------------------------------------------------------------------------------------

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TENANT_SUFFIXES = ['BW', 'QA', 'CO', 'HR', 'FI', 'MM', 'SD', 'PM', 'TM', 'EW'];
const ENVIRONMENTS = ['prd', 'qas', 'dev', 'sbx', 'dr'];
const TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/Chicago',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Schedule times on the hour or half hour, so they also suit Azure (HBP120). */
const TIMES = ['20:30', '21:00', '22:00', '22:30', '23:00', '23:30', '00:30', '01:00'];
/**
 * How each system backs up. The two policies of a system agree with it: Backint through the AWS or
 * Google Cloud agent (parameter file under /usr/sap/<SID>/SYS/global/hdb/opt), a generic Backint
 * agent, files, or Azure Backup (no parameter file; Azure's values in the DATABASE layer).
 */
const KINDS = ['aws', 'aws', 'aws', 'gcp', 'gcp', 'generic', 'file', 'file', 'azure'];

/** 200 distinct SIDs, a letter and two digits (A00 … Z99), in a seeded order. */
function systemIds(random) {
  const { int } = randomTools(random);
  const sids = new Set();
  while (sids.size < SYSTEM_COUNT) sids.add(`${LETTERS[int(0, 25)]}${String(int(0, 99)).padStart(2, '0')}`);
  return [...sids].sort();
}

/** Fisher–Yates with the seeded generator: the same order everywhere. */
function shuffled(values, random) {
  const list = [...values];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function durationOf(minutes) {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

function modifiedLine(random) {
  const { int } = randomTools(random);
  const two = (n) => String(n).padStart(2, '0');
  const micro = String(int(0, 999999)).padStart(6, '0');
  return `# global.ini last modified 2026-${two(int(1, 11))}-${two(int(1, 28))} ${two(int(0, 23))}:${two(int(0, 59))}:${two(int(0, 59))}.${micro} by hdbnameserver`;
}

function parameterFileOf(system) {
  if (system.kind === 'aws')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml`;
  if (system.kind === 'gcp')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/backint/backint-gcs/parameters.json`;
  if (system.kind === 'generic')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/backint/init${system.sid}.utl`;
  return undefined;
}

/** The facts of one system that its files and policies are written from. */
function describeSystem(index, sid, random) {
  const { pick, chance, int } = randomTools(random);
  const edited = index === EDITOR_SYSTEM || index === DISK_SYSTEM;
  const kind = edited ? 'aws' : pick(KINDS);
  const suffixes = shuffled(TENANT_SUFFIXES, random).slice(0, TENANT_COUNT - 1);
  const tenants = [sid, ...suffixes.map((s) => `${sid}${s}`)];
  const hosts = Array.from(
    { length: HOST_COUNT },
    (_, k) => `${sid.toLowerCase()}hdb${String(k + 1).padStart(2, '0')}`,
  );
  // Policy a: SYSTEMDB and the main tenant; policy b: the other two tenants. Intervals in minutes.
  const intervals =
    kind === 'azure' ? [15, pick([15, 30])] : [pick([15, 15, 15, 10, 30]), pick([10, 15, 30])];
  const channels = kind === 'azure' || kind === 'file' ? undefined : pick([2, 4, 8]);
  // What the DATABASE layer of each tenant holds for log_backup_timeout_s: the governing policy's
  // interval, or (sometimes) something else: drift, HBP140 on the policy and on the file.
  const tenantTimeout = tenants.map((_, t) => {
    const interval = intervals[t === 0 ? 0 : 1] * 60;
    return !edited && kind !== 'azure' && chance(0.12)
      ? pick([300, 600, 900, 1800].filter((s) => s !== interval))
      : interval;
  });
  // HOST overrides (HBI010, HBI011 on Azure systems, HBP140 on the policies): the edited systems
  // always have one on EDITED_HOST; others in about 30% of systems, on one random host.
  const overrides = [];
  if (edited)
    overrides.push({
      host: EDITED_HOST,
      section: 'persistence',
      key: 'log_backup_timeout_s',
      value: EDIT_VALUES[0],
    });
  else if (chance(0.3)) {
    overrides.push({
      host: int(0, HOST_COUNT - 1),
      section: 'persistence',
      key: 'log_backup_timeout_s',
      value: pick(['1800', '3600', '3600', '7200']),
    });
  }
  if (!edited && channels && chance(0.05))
    overrides.push({
      host: int(0, HOST_COUNT - 1),
      section: 'backup',
      key: 'parallel_data_backup_backint_channels',
      value: String(channels * 2),
    });
  return {
    index,
    sid,
    kind,
    nr: String(int(0, 98)).padStart(2, '0'),
    env: pick(ENVIRONMENTS),
    timezone: pick(TIME_ZONES),
    tenants,
    hosts,
    intervals,
    channels,
    // Buffer below 512 MB × channels in about 10% of systems: HBI023.
    bufferMB: channels ? (chance(0.1) ? 512 * (channels / 2) : 512 * channels) : undefined,
    tenantTimeout,
    overrides,
    // A second value of one backup parameter in a tenant's DATABASE layer: HBI012 (information).
    tenantResponseTimeout: tenants.map(() => (chance(0.25) ? pick([1800, 3600]) : undefined)),
    misplacedOnHost: !edited && chance(0.03) ? int(0, HOST_COUNT - 1) : undefined, // HBI005
  };
}

const AZURE_VALUES = [
  ['backup', 'catalog_backup_using_backint', 'true'],
  ['backup', 'enable_accumulated_catalog_backup', 'false'],
  ['backup', 'parallel_data_backup_backint_channels', '1'],
  ['backup', 'backint_response_timeout', '7200'],
];

function systemIni(system, random) {
  const { sid, kind } = system;
  const lines = [modifiedLine(random), '[backup]'];
  const parameterFile = parameterFileOf(system);
  if (kind === 'file') {
    lines.push('log_backup_using_backint = false', 'catalog_backup_using_backint = false');
  } else {
    lines.push('log_backup_using_backint = true', 'catalog_backup_using_backint = true');
  }
  if (parameterFile) {
    for (const what of ['data', 'log', 'catalog'])
      lines.push(`${what}_backup_parameter_file = ${parameterFile}`);
    lines.push(`parallel_data_backup_backint_channels = ${system.channels}`);
    lines.push(`data_backup_buffer_size = ${system.bufferMB}`);
  }
  if (kind === 'azure') for (const [, key, value] of AZURE_VALUES.slice(1)) lines.push(`${key} = ${value}`);
  lines.push('', '[persistence]', 'log_mode = normal', 'enable_auto_log_backup = yes');
  lines.push(`log_backup_timeout_s = ${system.intervals[0] * 60}`);
  lines.push(`basepath_datavolumes = /hana/data/${sid}`, `basepath_logvolumes = /hana/log/${sid}`);
  if (kind === 'file') {
    lines.push(
      `basepath_databackup = /hana/backup/${sid}/data`,
      `basepath_logbackup = /hana/backup/${sid}/log`,
    );
    lines.push(`basepath_catalogbackup = /hana/backup/${sid}/log`);
  }
  return lines;
}

function databaseIni(system, t, random) {
  const lines = [modifiedLine(random)];
  const backup = [];
  if (system.kind === 'azure') for (const [, key, value] of AZURE_VALUES) backup.push(`${key} = ${value}`);
  else if (system.tenantResponseTimeout[t])
    backup.push(`backint_response_timeout = ${system.tenantResponseTimeout[t]}`);
  if (backup.length) lines.push('[backup]', ...backup, '');
  lines.push(
    '[persistence]',
    `log_backup_timeout_s = ${system.kind === 'azure' ? 900 : system.tenantTimeout[t]}`,
  );
  return lines;
}

function hostIni(system, h, random) {
  const { int } = randomTools(random);
  const host = system.hosts[h];
  const lines = [
    modifiedLine(random),
    '[communication]',
    `listeninterface = ${h === 0 ? '.global' : '.internal'}`,
    '',
  ];
  lines.push('[memorymanager]', `global_allocation_limit = ${int(8, 48) * 16384}`);
  const own = system.overrides.filter((o) => o.host === h);
  for (const section of ['backup', 'persistence']) {
    const entries = own.filter((o) => o.section === section);
    if (!entries.length) continue;
    lines.push('', `[${section}]`);
    if (section === 'persistence')
      lines.push(`# host ${host}: longer log backup interval while the log volume is moved`);
    for (const o of entries) lines.push(`${o.key} = ${o.value}`);
  }
  if (system.misplacedOnHost === h) lines.push('', '[backup]', 'log_backup_timeout_s = 1800');
  return lines;
}

function destinationLines(system) {
  const { sid, kind, channels } = system;
  if (kind === 'file') {
    return [
      '  destinations:',
      `    data: { type: file, path: /hana/backup/${sid}/data }`,
      `    log: { type: file, path: /hana/backup/${sid}/log }`,
    ];
  }
  if (kind === 'azure') {
    return [
      '  destinations:',
      '    data: { type: backint }',
      '    log: { type: backint }',
      '    catalog: { type: backint }',
    ];
  }
  const parameterFile = parameterFileOf(system);
  return [
    '  destinations:',
    `    data: { type: backint, parameterFile: ${parameterFile}, channels: ${channels} }`,
    `    log: { type: backint, parameterFile: ${parameterFile} }`,
    '    catalog: { type: backint }',
  ];
}

function policyLines(system, which, random) {
  const { pick, int } = randomTools(random);
  const { sid, kind } = system;
  const databases = which === 'a' ? ['SYSTEMDB', system.tenants[0]] : system.tenants.slice(1);
  const interval = system.intervals[which === 'a' ? 0 : 1];
  const fullDay = pick(DAYS);
  const otherDays = DAYS.filter((d) => d !== fullDay).join(', ');
  const time = pick(TIMES);
  const delta = kind === 'azure' ? 'incremental' : pick(['differential', 'differential', 'incremental']);
  const provider = kind === 'file' ? undefined : kind;
  const lines = [
    `# ${sid} ${which === 'a' ? 'SYSTEMDB and main tenant' : 'other tenants'}: weekly full, daily ${delta}, logs every ${durationOf(interval)}.`,
    'apiVersion: hana-backup/v1',
    'kind: BackupPolicy',
    'metadata:',
    `  name: ${sid.toLowerCase()}-${which}`,
    `  description: ${sid} ${system.env} (${databases.join(', ')})`,
    `  labels: { env: ${system.env}, owner: basis-team }`,
    'spec:',
  ];
  if (provider) lines.push(`  provider: ${provider}`);
  lines.push(`  timezone: ${system.timezone}`, '  targets:', `    - system: ${sid}`);
  lines.push(`      databases: [${databases.join(', ')}]`);
  lines.push('  objectives:', `    rpo: ${durationOf(interval)}`, `    rto: ${pick(['4h', '6h', '8h'])}`);
  lines.push(...destinationLines(system));
  lines.push(
    '  schedules:',
    `    full: { every: week, on: [${fullDay}], at: "${time}" }`,
    `    ${delta}: { every: day, on: [${otherDays}], at: "${time}" }`,
    `    log: { interval: ${durationOf(interval)} }`,
    '  retention:',
    kind === 'azure'
      ? `    full: { weekly: ${int(8, 12)}w, monthly: ${int(6, 12)}mo }`
      : `    full: { weekly: ${int(4, 8)}w, monthly: ${int(6, 24)}mo }`,
    `    ${delta}: ${kind === 'azure' ? '30d' : pick(['14d', '21d'])}`,
    `    log: ${pick(['28d', '35d'])}`,
  );
  return lines;
}

function write(folder, relative, lines) {
  const file = path.join(folder, ...relative.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  const text = lines.join('\n') + '\n';
  writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href, text };
}

function createWorkspace() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hana-backup-config-bench-'));
  const random = seededRandom(SEED);
  const systems = systemIds(random).map((sid, i) => describeSystem(i, sid, random));
  /** Every generated file: uri → { sid, kind, role }. */
  const files = new Map();
  let bytes = 0;
  const add = (system, role, relative, lines) => {
    const written = write(folder, relative, lines);
    bytes += Buffer.byteLength(written.text);
    files.set(written.uri, { sid: system.sid, role });
    return written;
  };
  for (const system of systems) {
    const sap = `config/usr/sap/${system.sid}`;
    const custom = `${sap}/SYS/global/hdb/custom/config`;
    system.files = { ini: [], policies: [], hosts: [] };
    system.files.ini.push(add(system, 'SYSTEM', `${custom}/global.ini`, systemIni(system, random)).uri);
    system.tenants.forEach((tenant, t) => {
      system.files.ini.push(
        add(system, 'DATABASE', `${custom}/DB_${tenant}/global.ini`, databaseIni(system, t, random)).uri,
      );
    });
    system.hosts.forEach((host, h) => {
      const written = add(
        system,
        'HOST',
        `${sap}/HDB${system.nr}/${host}/global.ini`,
        hostIni(system, h, random),
      );
      system.files.ini.push(written.uri);
      system.files.hosts.push(written);
    });
    for (const which of ['a', 'b']) {
      const relative = `policies/${system.sid.toLowerCase()}-${which}.backup-policy.yaml`;
      system.files.policies.push(add(system, 'policy', relative, policyLines(system, which, random)).uri);
    }
  }
  const count = (predicate) => [...files.values()].filter(predicate).length;
  return {
    folder,
    folderUri: pathToFileURL(folder).href,
    systems,
    files,
    bytes,
    iniCount: count((f) => f.role !== 'policy'),
    policyCount: count((f) => f.role === 'policy'),
    hostOverrides: systems.reduce((n, s) => n + s.overrides.length, 0),
  };
}

/**
 * The HOST file an edit toggles and the files that depend on it: the system's other global.ini
 * files and its policies (the scope the server is expected to re-check, no more).
 */
function editTarget(workspace, systemIndex) {
  const system = workspace.systems[systemIndex];
  const host = system.files.hosts[EDITED_HOST];
  const lines = host.text.split('\n');
  const line = lines.findIndex((text) => text.startsWith('log_backup_timeout_s = '));
  if (line < 0) throw new Error(`${host.file} has no log_backup_timeout_s override`);
  const character = 'log_backup_timeout_s = '.length;
  const value = lines[line].slice(character);
  if (value !== EDIT_VALUES[0]) throw new Error(`${host.file}: override is ${value}, not ${EDIT_VALUES[0]}`);
  return {
    system,
    file: host.file,
    uri: host.uri,
    text: host.text,
    host: system.hosts[EDITED_HOST],
    range: { start: { line, character }, end: { line, character: character + value.length } },
    dependents: [...system.files.ini.filter((uri) => uri !== host.uri), ...system.files.policies],
    policies: system.files.policies,
  };
}

function withValue(target, value) {
  const lines = target.text.split('\n');
  const { line, character } = target.range.start;
  lines[line] = lines[line].slice(0, character) + value;
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The LSP session.
// ---------------------------------------------------------------------------------------------

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

function answerServerRequest(session, method, params) {
  switch (method) {
    case 'workspace/configuration':
      session.configurationRequests++;
      return params.items.map((item) => (item.section === 'hanaBackup' ? SETTINGS : null));
    case 'workspace/workspaceFolders':
      return [{ uri: session.workspace.folderUri, name: 'bench' }];
    default: // client/registerCapability, window/workDoneProgress/create, …
      return null;
  }
}

/** Every publishDiagnostics is logged (in order of arrival) and offered to the waiters. */
function onPublishDiagnostics(session, params) {
  const entry = { ...params, at: performance.now(), seq: session.log.length };
  session.log.push(entry);
  session.latest.set(params.uri, entry);
  for (const waiter of session.waiters) waiter(entry);
}

/**
 * Resolves (with uri → entry) once every uri of `expected` has been published in a way its predicate
 * accepts; only publishes from now on count. Register before sending what triggers them.
 */
function publishedAll(session, expected, what, timeoutMs) {
  const pending = new Map(expected);
  const seen = new Map();
  let waiter;
  const done = new Promise((resolve, reject) => {
    waiter = (entry) => {
      if (entry === null) return reject(new Error('the server closed the connection'));
      const accept = pending.get(entry.uri);
      if (!accept || !accept(entry)) return;
      pending.delete(entry.uri);
      seen.set(entry.uri, entry);
      if (pending.size === 0) resolve(seen);
    };
    session.waiters.add(waiter);
  });
  return withDeadline(done, timeoutMs, what)
    .catch((error) => {
      const missing = [...pending.keys()].map((uri) => shortName(session.workspace, uri));
      throw new Error(`${error.message} (still missing: ${missing.join(', ')})`);
    })
    .finally(() => session.waiters.delete(waiter));
}

/** A file's name for messages: its path below the workspace folder. */
function shortName(workspace, uri) {
  const file = fileURLToPath(uri);
  return path.relative(workspace.folder, file).split(path.sep).join('/');
}

async function startSession(workspace, { profile = false } = {}) {
  const nodeArgs = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=config-workspace-server.cpuprofile']
    : [];
  const { child, exited, stderrTail } = spawnNode([...nodeArgs, SERVER, '--stdio'], { cwd: ROOT });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const session = {
    workspace,
    child,
    exited,
    stderrTail,
    connection,
    log: [],
    latest: new Map(),
    waiters: new Set(),
    /** workspace/configuration requests the server has sent (it asks once per file it validates). */
    configurationRequests: 0,
  };
  connection.onRequest((method, params) => answerServerRequest(session, method, params));
  connection.onNotification('textDocument/publishDiagnostics', (params) =>
    onPublishDiagnostics(session, params),
  );
  connection.onNotification(() => {}); // logMessage, telemetry, …: not needed here
  connection.onClose(() => {
    for (const waiter of session.waiters) waiter(null);
  });
  connection.listen();
  try {
    const started = performance.now();
    await withDeadline(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'hana-backup-bench' },
        locale: 'en',
        rootUri: workspace.folderUri,
        workspaceFolders: [{ uri: workspace.folderUri, name: 'bench' }],
        capabilities: CLIENT_CAPABILITIES,
      }),
      DEADLINE.initialize,
      'initialize',
    );
    session.initializeMs = performance.now() - started;
    // The server indexes every file of the folder when it gets `initialized` (synchronously, before
    // it reads the next message): the answer to the next request says that it is done.
    const indexing = performance.now();
    await connection.sendNotification('initialized', {});
    await roundTrip(session, DEADLINE.ready);
    session.startupIndexMs = performance.now() - indexing;
  } catch (error) {
    // Not a session yet, so nobody else will stop it: do it here, and say what the server said.
    child.kill('SIGKILL');
    connection.dispose();
    const tail = stderrTail().trim();
    throw new Error(`the server did not start: ${error.message}${tail ? `\n${tail}` : ''}`);
  }
  session.memoryAfterStart = processMemory(child.pid);
  return session;
}

/** One request and its answer: every message sent before it has been read by the server. */
function roundTrip(session, timeoutMs = DEADLINE.revalidation) {
  const probe = session.connection
    .sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: `${session.workspace.folderUri}/probe.backup-policy.yaml` },
    })
    .catch(() => null); // an error answer is still an answer
  return withDeadline(probe, timeoutMs, 'round trip');
}

async function stopSession(session) {
  const { connection, child, exited } = session;
  try {
    await withDeadline(connection.sendRequest('shutdown'), DEADLINE.shutdown, 'shutdown');
    await connection.sendNotification('exit');
    await withDeadline(exited, DEADLINE.shutdown, 'exit');
  } catch (error) {
    console.error(`  the server did not stop cleanly (${error.message}); killing it`);
    child.kill('SIGKILL');
    await withDeadline(exited, DEADLINE.shutdown, 'exit after SIGKILL').catch(() => {});
  } finally {
    connection.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements.
// ---------------------------------------------------------------------------------------------

function countCodes(diagnosticLists) {
  const counts = {};
  for (const list of diagnosticLists) {
    for (const d of list) {
      const key = d.code === undefined ? (d.source ?? 'other') : String(d.code);
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** workspace/executeCommand hanaBackup.validateWorkspace: request → response, and what was published. */
async function measureValidateWorkspace(session) {
  const { connection, workspace } = session;
  const firstSeq = session.log.length;
  const configurationBefore = session.configurationRequests;
  const cpuBefore = processCpuMs(session.child.pid);
  const started = performance.now();
  const summary = await withDeadline(
    connection.sendRequest('workspace/executeCommand', { command: 'hanaBackup.validateWorkspace' }),
    DEADLINE.validateWorkspace,
    'hanaBackup.validateWorkspace',
  );
  const ms = performance.now() - started;
  const cpuMs = cpuBefore === undefined ? undefined : processCpuMs(session.child.pid) - cpuBefore;
  // The server publishes every file before it answers, and messages arrive in order.
  const published = session.log.slice(firstSeq);
  const latest = new Map(published.map((entry) => [entry.uri, entry]));
  const unknown = [...latest.keys()].filter((uri) => !workspace.files.has(uri));
  const missing = [...workspace.files.keys()].filter((uri) => !latest.has(uri));
  const diagnostics = [...latest.values()].map((entry) => entry.diagnostics);
  const total = diagnostics.reduce((n, list) => n + list.length, 0);
  const byRole = {};
  for (const [uri, entry] of latest) {
    const role = workspace.files.get(uri)?.role ?? 'other';
    byRole[role] = (byRole[role] ?? 0) + entry.diagnostics.length;
  }
  return {
    ms: round(ms),
    serverMs: summary?.milliseconds,
    cpuMs,
    summary,
    configurationRequests: session.configurationRequests - configurationBefore,
    publishes: published.length,
    filesPublished: latest.size,
    filesWithDiagnostics: diagnostics.filter((list) => list.length > 0).length,
    missing: missing.map((uri) => shortName(workspace, uri)),
    unknown,
    diagnostics: total,
    byCode: countCodes(diagnostics),
    byRole,
  };
}

const round = (x) => Math.round(x * 100) / 100;

/** Whether a policy's HBP140 names the host override with `value`: proof the re-check saw the change. */
function policyReports(entry, host, value) {
  return entry.diagnostics.some(
    (d) => d.code === 'HBP140' && d.message.includes(`host ${host} overrides it to ${value} (HOST layer)`),
  );
}

function hostFileReports(entry, value) {
  return entry.diagnostics.some(
    (d) =>
      (d.code === 'HBI010' || d.code === 'HBI011') && d.message.includes(`log_backup_timeout_s = ${value}`),
  );
}

/**
 * One change of the override and the re-validation it causes. `trigger` sends the notifications
 * (editor or disk path); `ownAccepts` says which publish of the edited file is the one for this change.
 */
async function timedRound(session, target, value, trigger, ownAccepts) {
  const firstSeq = session.log.length;
  const dependents = publishedAll(
    session,
    new Map(target.dependents.map((uri) => [uri, () => true])),
    `dependents of ${shortName(session.workspace, target.uri)} = ${value}`,
    DEADLINE.revalidation,
  );
  const own = publishedAll(
    session,
    new Map([[target.uri, ownAccepts]]),
    `${shortName(session.workspace, target.uri)} = ${value}`,
    DEADLINE.revalidation,
  );
  const started = performance.now();
  await trigger();
  const [deps, ownSeen] = await Promise.all([dependents, own]);
  const entries = [...deps.values()];
  const lastAt = Math.max(...entries.map((e) => e.at));
  const ownEntry = ownSeen.get(target.uri);
  const policiesChanged = target.policies.filter((uri) =>
    policyReports(deps.get(uri), target.host, value),
  ).length;
  // A round trip before the next round: what the server still sends for this one lands in the log.
  await roundTrip(session);
  return {
    value,
    ms: lastAt - started,
    ownMs: ownEntry.at - started,
    firstSeq,
    policiesChanged,
    ownReports: hostFileReports(ownEntry, value),
    iniDependentsChanged: target.dependents
      .filter((uri) => !target.policies.includes(uri))
      .filter((uri) => changedSincePrevious(session, deps.get(uri))).length,
  };
}

/** Whether a publish differs from the one before it for the same file. */
function changedSincePrevious(session, entry) {
  for (let seq = entry.seq - 1; seq >= 0; seq--) {
    const before = session.log[seq];
    if (before.uri === entry.uri)
      return JSON.stringify(before.diagnostics) !== JSON.stringify(entry.diagnostics);
  }
  return true;
}

/**
 * The publishes of each round, from its start to the next round's start (the last round up to a
 * final round trip): the edited file, its dependents, and anything else (which should be nothing).
 */
function publishesPerRound(session, target, rounds, endSeq) {
  const systemFiles = new Set([target.uri, ...target.dependents]);
  return rounds.map((r, i) => {
    const slice = session.log.slice(r.firstSeq, rounds[i + 1]?.firstSeq ?? endSeq);
    const others = slice.filter((e) => !systemFiles.has(e.uri));
    return {
      total: slice.length,
      own: slice.filter((e) => e.uri === target.uri).length,
      dependents: slice.filter((e) => target.dependents.includes(e.uri)).length,
      otherSystems: others.length,
      otherExamples: [...new Set(others.map((e) => shortName(session.workspace, e.uri)))].slice(0, 5),
    };
  });
}

function summariseRounds(session, target, rounds, endSeq) {
  const samples = rounds.slice(WARMUP_ROUNDS);
  const perRound = publishesPerRound(session, target, rounds, endSeq).slice(WARMUP_ROUNDS);
  const range = (key) => {
    const values = perRound.map((p) => p[key]);
    const [min, max] = [Math.min(...values), Math.max(...values)];
    return min === max ? String(min) : `${min}–${max}`;
  };
  return {
    system: target.system.sid,
    file: shortName(session.workspace, target.uri),
    dependents: target.dependents.length,
    ...summarise(samples.map((s) => s.ms)),
    own: summarise(samples.map((s) => s.ownMs)),
    samples: samples.map((s) => round(s.ms)),
    verified: {
      policiesReportingNewValue: `${samples.reduce((n, s) => n + s.policiesChanged, 0)} of ${samples.length * target.policies.length}`,
      hostFileReportsNewValue: `${samples.filter((s) => s.ownReports).length} of ${samples.length}`,
      iniDependentsWithChangedDiagnostics: samples.reduce((n, s) => n + s.iniDependentsChanged, 0),
      allPoliciesChanged: samples.every((s) => s.policiesChanged === target.policies.length),
    },
    publishesPerRound: {
      total: range('total'),
      own: range('own'),
      dependents: range('dependents'),
      otherSystems: perRound.reduce((n, p) => n + p.otherSystems, 0),
      otherExamples: [...new Set(perRound.flatMap((p) => p.otherExamples))].slice(0, 5),
    },
  };
}

function valueOfRound(i) {
  return EDIT_VALUES[(i + 1) % EDIT_VALUES.length];
}

/** (a) The editor: the HOST file open, the override edited and saved; dependents re-checked. */
async function measureEditorPath(session, target) {
  const { connection } = session;
  let version = 1;
  const opened = publishedAll(
    session,
    new Map([[target.uri, (e) => e.version === 1]]),
    'didOpen',
    DEADLINE.revalidation,
  );
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: target.uri, languageId: 'hana-ini', version, text: target.text },
  });
  await opened;
  await roundTrip(session);
  const rounds = [];
  for (let i = 0; i < WARMUP_ROUNDS + SAMPLE_ROUNDS; i++) {
    const value = valueOfRound(i);
    const v = ++version;
    // What the editor's save writes; the server reads the open document, not this.
    writeFileSync(target.file, withValue(target, value));
    const trigger = async () => {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: target.uri, version: v },
        contentChanges: [{ range: target.range, text: value }],
      });
      await connection.sendNotification('textDocument/didSave', { textDocument: { uri: target.uri } });
    };
    rounds.push(await timedRound(session, target, value, trigger, (e) => e.version === v));
  }
  await roundTrip(session);
  const result = summariseRounds(session, target, rounds, session.log.length);
  // Closed, the file on disk governs again: the server re-checks it and its dependents from disk.
  const closed = publishedAll(
    session,
    new Map([target.uri, ...target.dependents].map((uri) => [uri, () => true])),
    'didClose',
    DEADLINE.revalidation,
  );
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: target.uri } });
  await closed;
  await roundTrip(session);
  return result;
}

/** (b) On disk: the HOST file (not open) rewritten and reported with workspace/didChangeWatchedFiles. */
async function measureDiskPath(session, target) {
  const rounds = [];
  for (let i = 0; i < WARMUP_ROUNDS + SAMPLE_ROUNDS; i++) {
    const value = valueOfRound(i);
    writeFileSync(target.file, withValue(target, value));
    const trigger = () =>
      session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: target.uri, type: 2 /* Changed */ }],
      });
    rounds.push(await timedRound(session, target, value, trigger, (e) => hostFileReports(e, value)));
  }
  await roundTrip(session);
  return summariseRounds(session, target, rounds, session.log.length);
}

/** `hana-backup lint <folder> --format json`: one run, wall time, and what it found. */
async function measureCli(workspace) {
  const nodeArgs = OPTIONS.cpuProf
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=config-workspace-cli.cpuprofile']
    : [];
  const started = performance.now();
  const { child, exited, stderrTail } = spawnNode(
    [...nodeArgs, CLI_BIN, 'lint', workspace.folder, '--format', 'json'],
    { cwd: ROOT },
  );
  child.stdin.end();
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  const stdoutClosed = new Promise((resolve) => child.stdout.once('close', resolve));
  let exit;
  try {
    [exit] = await withDeadline(Promise.all([exited, stdoutClosed]), DEADLINE.cli, 'hana-backup lint');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const ms = performance.now() - started;
  // Exit code 1 means "errors found": expected here (HBI005, HBI011 and others are errors).
  if (exit.code !== 0 && exit.code !== 1)
    throw new Error(`lint exited with ${exit.code ?? exit.signal}: ${stderrTail().trim()}`);
  const stdout = Buffer.concat(chunks).toString('utf8');
  let problems;
  try {
    problems = JSON.parse(stdout);
  } catch {
    throw new Error(`lint did not print JSON: ${stdout.slice(0, 200)} ${stderrTail().trim()}`);
  }
  const byCode = {};
  for (const p of problems) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  return {
    ms: round(ms),
    exitCode: exit.code,
    problems: problems.length,
    files: new Set(problems.map((p) => p.file)).size,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

// ---------------------------------------------------------------------------------------------
// Report.
// ---------------------------------------------------------------------------------------------

function fmtMs(value) {
  return value === undefined
    ? 'n/a'
    : `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
}

const samplesText = (list) => list.map((ms) => fmtMs(ms).replace(' ms', '')).join(', ');

function evaluateTargets(results) {
  const { validateWorkspace: vw, editor, disk, memory } = results;
  return [
    {
      figure: `Validate Workspace, request → response (all files published), median of ${vw.n} fresh servers`,
      value: `${fmtMs(vw.median)} (${samplesText(vw.samples)} ms; server's own ${fmtMs(vw.serverMs.median)})`,
      target: `< ${TARGETS.validateWorkspaceMs.toLocaleString('en')} ms`,
      status: verdict(vw.median, TARGETS.validateWorkspaceMs),
    },
    {
      figure: 'HOST file edited + saved in the editor → its 9 dependents published, p95',
      value: `${fmtMs(editor.p95)} (median ${fmtMs(editor.median)})`,
      target: `< ${TARGETS.revalidationP95Ms} ms`,
      status: verdict(editor.p95, TARGETS.revalidationP95Ms),
    },
    {
      figure: 'HOST file changed on disk (didChangeWatchedFiles) → its 9 dependents published, p95',
      value: `${fmtMs(disk.p95)} (median ${fmtMs(disk.median)})`,
      target: `< ${TARGETS.revalidationP95Ms} ms`,
      status: verdict(disk.p95, TARGETS.revalidationP95Ms),
    },
    {
      figure: 'server RSS after the runs (VmRSS)',
      value: memory ? `${Math.round(memory.rssMB)} MB (peak VmHWM ${Math.round(memory.peakMB)} MB)` : 'n/a',
      target: `< ${TARGETS.rssMB} MB`,
      status: memory ? verdict(memory.rssMB, TARGETS.rssMB) : 'n/a',
    },
  ];
}

function markdownTable(results, workspace, targets) {
  const { validateWorkspace: vw, editor, disk, cli, session, memory } = results;
  const last = vw.lastStart;
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const scope = (r) =>
    `${r.publishesPerRound.total} (${r.publishesPerRound.dependents} dependents + ${r.publishesPerRound.own} edited file); other systems: ${r.publishesPerRound.otherSystems} in ${r.n} rounds`;
  const rows = [
    row([
      `${workspace.iniCount.toLocaleString('en')} global.ini + ${workspace.policyCount} policies (${SYSTEM_COUNT} systems)`,
      'value',
      'target',
      '',
    ]),
    row(['---', '---:', '---', '---']),
    row([
      'server start: initialized → all files indexed (median)',
      fmtMs(session.startupIndexMs.median),
      '',
      '',
    ]),
    row([
      `Validate Workspace, request → response (median of ${vw.n} fresh servers)`,
      fmtMs(vw.median),
      targets[0].target,
      targets[0].status,
    ]),
    row(['… each start', `${samplesText(vw.samples)} ms`, '', '']),
    row(["… the server's own `milliseconds` (median)", fmtMs(vw.serverMs.median), '', '']),
    row(['… again on a warm server', fmtMs(results.validateWorkspaceWarm.ms), '', '']),
    row([
      '… publishDiagnostics / diagnostics',
      `${last.publishes.toLocaleString('en')} / ${last.diagnostics.toLocaleString('en')}`,
      '',
      '',
    ]),
    row(['HOST edit + save in the editor → 9 dependents, median', fmtMs(editor.median), '', '']),
    row([
      'HOST edit + save in the editor → 9 dependents, p95',
      fmtMs(editor.p95),
      targets[1].target,
      targets[1].status,
    ]),
    row(['… publishes per round', scope(editor), '', '']),
    row(['HOST changed on disk → 9 dependents, median', fmtMs(disk.median), '', '']),
    row(['HOST changed on disk → 9 dependents, p95', fmtMs(disk.p95), targets[2].target, targets[2].status]),
    row(['… publishes per round', scope(disk), '', '']),
    row([
      'server RSS after the runs (peak)',
      memory ? `${Math.round(memory.rssMB)} MB (${Math.round(memory.peakMB)} MB)` : 'n/a',
      targets[3].target,
      targets[3].status,
    ]),
    row([
      'CLI `lint <folder> --format json`, one run',
      `${fmtMs(cli.ms)} (${cli.problems.toLocaleString('en')} problems)`,
      '',
      '',
    ]),
  ];
  return rows.join('\n');
}

function printValidateWorkspace(results) {
  const { validateWorkspace: vw, validateWorkspaceWarm: warm } = results;
  const last = vw.lastStart;
  console.log(`\nValidate Workspace (cold, ${vw.n} fresh servers)`);
  console.log(
    `  request → response: median ${fmtMs(vw.median)}, min ${fmtMs(vw.min)}, max ${fmtMs(vw.max)}; server's own median ${fmtMs(vw.serverMs.median)}`,
  );
  console.log(
    `  last start: ${fmtMs(last.ms)}, server CPU ${fmtMs(last.cpuMs)}, summary ${JSON.stringify(last.summary)}, ` +
      `${last.configurationRequests} workspace/configuration requests from the server meanwhile`,
  );
  console.log(
    `  ${last.publishes} publishDiagnostics for ${last.filesPublished} files (${last.filesWithDiagnostics} with diagnostics), ${last.diagnostics} diagnostics`,
  );
  if (last.missing.length)
    console.log(`  NOT published: ${last.missing.length} files, e.g. ${last.missing.slice(0, 3).join(', ')}`);
  if (last.unknown.length)
    console.log(`  published for files not generated: ${last.unknown.slice(0, 3).join(', ')}`);
  const list = (counts) =>
    Object.entries(counts)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
  console.log(`  by code: ${list(last.byCode)}`);
  console.log(`  by file: ${list(last.byRole)}`);
  console.log(
    `  again (warm): ${fmtMs(warm.ms)} (server ${fmtMs(warm.serverMs)}, ${warm.configurationRequests} workspace/configuration requests)`,
  );
}

function printRevalidation(label, r) {
  console.log(`\n${label}: ${r.file}`);
  console.log(
    `  dependents (${r.dependents}) published: median ${fmtMs(r.median)}, p95 ${fmtMs(r.p95)}, max ${fmtMs(r.max)} (n=${r.n})`,
  );
  console.log(`  the edited file itself: median ${fmtMs(r.own.median)}, p95 ${fmtMs(r.own.p95)}`);
  const v = r.verified;
  console.log(
    `  checked: policies whose HBP140 names the new value ${v.policiesReportingNewValue}; ` +
      `HOST file's HBI010 names it ${v.hostFileReportsNewValue}; ini dependents whose diagnostics changed: ${v.iniDependentsWithChangedDiagnostics}`,
  );
  const p = r.publishesPerRound;
  const examples = p.otherExamples.length ? ` (${p.otherExamples.join(', ')})` : '';
  console.log(
    `  publishes per round: ${p.total} (dependents ${p.dependents}, edited file ${p.own}); files of other systems re-published: ${p.otherSystems}${examples}`,
  );
}

function printReport(results, workspace, targets, machine) {
  const { validateWorkspace: vw, editor, disk, cli } = results;
  printValidateWorkspace(results);
  printRevalidation('Editor path (didChange + didSave of the open HOST file)', editor);
  printRevalidation('Disk path (file rewritten, workspace/didChangeWatchedFiles)', disk);
  console.log(
    `\nCLI: ${fmtMs(cli.ms)}, exit code ${cli.exitCode}, ${cli.problems} problems in ${cli.files} files`,
  );
  const byCode = vw.lastStart.byCode;
  const codes = new Set([...Object.keys(cli.byCode), ...Object.keys(byCode)]);
  const differences = [...codes]
    .filter((c) => (cli.byCode[c] ?? 0) !== (byCode[c] ?? 0))
    .map((c) => `${c}: CLI ${cli.byCode[c] ?? 0}, server ${byCode[c] ?? 0}`);
  console.log(
    `  same problems as the server's Validate Workspace: ${differences.length ? `NO (${differences.join('; ')})` : 'yes (per code)'}`,
  );
  const load = machine.loadAverage1m;
  console.log(
    `\nNode ${machine.node}, ${machine.cpu}, load average (1 min) ${load.before} before, ${load.after} after`,
  );
  console.log('\nTargets');
  for (const t of targets) console.log(`  [${t.status.padEnd(7)}] ${t.figure} ${t.target}: ${t.value}`);
  console.log('');
  console.log(markdownTable(results, workspace, targets));
}

function writeResults(results, workspace, targets, machine) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    server: path.relative(ROOT, SERVER),
    machine,
    workspace: {
      seed: SEED,
      systems: SYSTEM_COUNT,
      iniFiles: workspace.iniCount,
      policies: workspace.policyCount,
      bytes: workspace.bytes,
      hostOverrides: workspace.hostOverrides,
      editorSystem: workspace.systems[EDITOR_SYSTEM].sid,
      diskSystem: workspace.systems[DISK_SYSTEM].sid,
    },
    method: {
      settings: SETTINGS,
      coldStarts: COLD_STARTS,
      rounds: { warmup: WARMUP_ROUNDS, samples: SAMPLE_ROUNDS, values: EDIT_VALUES },
    },
    targets,
    results,
    table: markdownTable(results, workspace, targets),
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, RESULTS_FILE)}`);
}

/**
 * Validate Workspace on fresh servers, one after the other; the last server stays up for the other
 * measurements (and is the one profiled with --cpu-prof).
 */
async function coldStarts(workspace, sessions) {
  const starts = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const last = i === COLD_STARTS - 1;
    const session = await startSession(workspace, { profile: OPTIONS.cpuProf && last });
    sessions.push(session);
    const result = await measureValidateWorkspace(session);
    starts.push({ session, result });
    console.log(
      `  start ${i + 1}: initialize ${fmtMs(session.initializeMs)}, initialized → indexed ${fmtMs(session.startupIndexMs)}, ` +
        `Validate Workspace ${fmtMs(result.ms)} (server ${fmtMs(result.serverMs)}, ${result.configurationRequests} workspace/configuration requests)`,
    );
    if (last) break;
    await stopSession(session);
    sessions.splice(sessions.indexOf(session), 1);
  }
  const { session, result } = starts[starts.length - 1];
  const validateWorkspace = {
    ...summarise(starts.map((s) => s.result.ms)),
    serverMs: summarise(starts.map((s) => s.result.serverMs)),
    samples: starts.map((s) => s.result.ms),
    lastStart: result,
  };
  const sessionFigures = {
    initializeMs: summarise(starts.map((s) => s.session.initializeMs)),
    startupIndexMs: summarise(starts.map((s) => s.session.startupIndexMs)),
    memoryAfterStart: session.memoryAfterStart,
  };
  return { session, validateWorkspace, sessionFigures };
}

async function benchmark(workspace, sessions) {
  console.log(`\nValidate Workspace on ${COLD_STARTS} fresh servers (the folder as workspace folder)`);
  const { session, validateWorkspace, sessionFigures } = await coldStarts(workspace, sessions);
  const validateWorkspaceWarm = await measureValidateWorkspace(session);
  console.log(`  again on the last server (warm): ${fmtMs(validateWorkspaceWarm.ms)}`);
  const editorTarget = editTarget(workspace, EDITOR_SYSTEM);
  console.log(
    `Editor path: ${WARMUP_ROUNDS} warm-up + ${SAMPLE_ROUNDS} rounds on ${shortName(workspace, editorTarget.uri)}`,
  );
  const editor = await measureEditorPath(session, editorTarget);
  const diskTarget = editTarget(workspace, DISK_SYSTEM);
  console.log(
    `Disk path: ${WARMUP_ROUNDS} warm-up + ${SAMPLE_ROUNDS} rounds on ${shortName(workspace, diskTarget.uri)}`,
  );
  const disk = await measureDiskPath(session, diskTarget);
  const memory = processMemory(session.child.pid);
  await stopSession(session);
  sessions.splice(sessions.indexOf(session), 1);
  console.log('CLI: lint <folder> --format json');
  const cli = await measureCli(workspace);
  return { session: sessionFigures, validateWorkspace, validateWorkspaceWarm, editor, disk, memory, cli };
}

async function main() {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} not found: run \`npm run build\` first`);
  if (optionValue('server')) console.log(`Server: ${SERVER}`);
  const workspace = createWorkspace();
  console.log(
    `Generated ${workspace.iniCount.toLocaleString('en')} global.ini files + ${workspace.policyCount} policies ` +
      `(${SYSTEM_COUNT} systems × (1 SYSTEM + ${TENANT_COUNT} DATABASE + ${HOST_COUNT} HOST), ` +
      `${(workspace.bytes / 1024).toFixed(0)} KiB, ${workspace.hostOverrides} HOST overrides): ${workspace.folder}`,
  );
  if (OPTIONS.generateOnly) return;
  const loadBefore = os.loadavg();
  const sessions = [];
  try {
    const results = await benchmark(workspace, sessions);
    const targets = evaluateTargets(results);
    const machine = machineInfo(loadBefore);
    printReport(results, workspace, targets, machine);
    writeResults(results, workspace, targets, machine);
    if (OPTIONS.cpuProf)
      console.log(`CPU profiles: ${path.relative(ROOT, CPU_PROF_DIR)}/config-workspace-*.cpuprofile`);
  } catch (error) {
    for (const session of sessions) {
      const tail = session.stderrTail().trim();
      if (tail) console.error(`server stderr (tail):\n${tail}`);
    }
    throw error;
  } finally {
    await Promise.all(sessions.map(stopSession));
    if (OPTIONS.keepTemp) console.log(`Kept ${workspace.folder}`);
    else rmSync(workspace.folder, { recursive: true, force: true });
  }
}

process.on('exit', killRemainingChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killRemainingChildren();
    process.exit(130);
  });
}

main()
  .catch((error) => {
    console.error(`\nBenchmark failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  })
  // A server that survived its shutdown would keep this process (and its pipes) alive.
  .finally(killRemainingChildren);
