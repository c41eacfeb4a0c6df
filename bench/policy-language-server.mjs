// Benchmark of the backup-policy language server (dist/server.js) on a large policy file, side by side
// with yaml-language-server validating the same file against schemas/backup-policy.schema.json.
//
//   npm run bench                                   (builds, then runs this script)
//   node bench/policy-language-server.mjs [options]
//
//   --cpu-prof       run our server under `node --cpu-prof`; the profile lands in bench/results/cpu-prof/
//   --keep-temp      keep the generated workspace (its path is printed)
//   --generate-only  write the policy file, print its path and stop (to look at it or lint it)
//   --server=<path>  benchmark another build of our server (default dist/server.js), e.g. to
//                    compare a change against the committed code
//
// Everything goes through LSP over stdio, as an editor would drive the servers. Figures are printed
// next to their targets; nothing here fails the run when a target is missed. The same figures are
// written to bench/results/policy-language-server.json.
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
const YAML_LS_BIN = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const NO_DEBOUNCE_PRELOAD = path.join(ROOT, 'bench', 'support', 'yaml-ls-no-debounce.cjs');
const SCHEMA_URL = pathToFileURL(path.join(ROOT, 'schemas', 'backup-policy.schema.json')).href;
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const RESULTS_FILE = path.join(RESULTS_DIR, 'policy-language-server.json');

/** `--name=value` from the command line. */
function optionValue(name) {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const OUR_SERVER = path.resolve(optionValue('server') ?? path.join(ROOT, 'dist', 'server.js'));

const OPTIONS = {
  cpuProf: process.argv.includes('--cpu-prof'),
  keepTemp: process.argv.includes('--keep-temp'),
  generateOnly: process.argv.includes('--generate-only'),
};

const SEED = 20240601;
const POLICY_COUNT = 200;
const TARGET_LINES = 5000;
/** The policy whose log interval the edits toggle: one in the middle of the file. */
const EDITED_POLICY = 100;
const EDIT_VARIANTS = ['15m', '20m']; // same length, so the edit range never moves
const WARMUP_EDITS = 5;
const SAMPLE_EDITS = 30;
const WARMUP_COMPLETIONS = 10;
const SAMPLE_COMPLETIONS = 200;

const DEADLINE = {
  initialize: 20_000,
  ready: 20_000,
  coldDiagnostics: 60_000,
  editDiagnostics: 15_000,
  completion: 15_000,
  shutdown: 3_000,
};

const TARGETS = {
  editP95Ms: 100,
  completionP95Ms: 20,
  rssMB: 150,
  ratio: 0.5,
};

// ---------------------------------------------------------------------------------------------
// Generated workspace: 200 policies in one multi-document file, deterministic for a given seed.
// ---------------------------------------------------------------------------------------------

const ENVIRONMENTS = ['prd', 'qas', 'dev', 'sbx', 'dr', 'trn'];
const APPLICATIONS = ['erp', 'crm', 'bw', 'scm', 'hr', 'fin', 'mes', 'grc', 'srm', 'plm', 'ewm', 'tm'];
const TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Paris',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CRON_DAY = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** Azure accepts schedule minutes 00 and 30 only (HBP120); the others are free. */
const AZURE_TIMES = ['00:00', '01:00', '01:30', '20:30', '22:00', '23:00', '23:30'];
const ANY_TIMES = [...AZURE_TIMES, '02:15', '21:45', '23:15'];
const SNAPSHOT_TIME = '04:30'; // never one of the data backup times above: no HBP108 by accident

/**
 * One deliberate mistake per "faulty" policy (every 8th, round robin), so both servers have
 * diagnostics to report. The comment says which rule should fire.
 */
const MISTAKES = [
  'unknown-key', // HBP002 (yaml-language-server: "Property parameterfile is not allowed")
  'rpo-not-met', // HBP101
  'minutes-retention', // HBP110 + HBP103
  'bad-timezone', // HBP007
  'bad-cron', // HBP007
  'both-deltas', // HBP107
  'shared-database', // HBP131 (with the previous policy)
  'too-many-channels', // HBP112
  'bad-time', // HBP007
  'short-retention', // HBP104
];

function mistakeOf(index) {
  return index % 8 === 3 ? MISTAKES[Math.floor(index / 8) % MISTAKES.length] : undefined;
}

/** System names are unique per policy (b36 index), so only the deliberate HBP131 case overlaps. */
function systemName(index) {
  return `${'ABCDEFGHJKLMNPRSTVWXZ'[index % 21]}${index.toString(36).toUpperCase().padStart(2, '0')}`;
}

function durationOf(minutes) {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

function destinationLines(sid, kind, { azure, mistake, block, random }) {
  const { int } = randomTools(random);
  const parameterFile = `/usr/sap/${sid}/SYS/global/hdb/opt/hdbconfig/param`;
  const parameterKey = mistake === 'unknown-key' ? 'parameterfile' : 'parameterFile';
  const channels = mistake === 'too-many-channels' ? 64 : int(1, 8);
  const lines = ['  destinations:'];
  if (kind === 'file') {
    lines.push(`    data: { type: file, path: /hana/backup/${sid}/data }`);
    lines.push(`    log: { type: file, path: /hana/backup/${sid}/log }`);
  } else if (azure) {
    lines.push('    data: { type: backint }', '    log: { type: backint }', '    catalog: { type: backint }');
  } else if (block) {
    lines.push('    data:', '      type: backint', `      ${parameterKey}: ${parameterFile}`);
    lines.push(`      channels: ${channels}`);
    lines.push(
      `    log: { type: backint, parameterFile: ${parameterFile} }`,
      '    catalog: { type: backint }',
    );
  } else {
    lines.push(`    data: { type: backint, ${parameterKey}: ${parameterFile}, channels: ${channels} }`);
    lines.push(`    log: { type: backint, parameterFile: ${parameterFile} }`);
  }
  return lines;
}

/** The schedules and matching retention of one policy, written the way administrators write them. */
function scheduleAndRetention({ azure, mistake, rpoMinutes, snapshot, forceInterval, random }) {
  const { pick, chance, int } = randomTools(random);
  const time = mistake === 'bad-time' ? '24:30' : pick(azure ? AZURE_TIMES : ANY_TIMES);
  const fullDay = pick(DAYS);
  const otherDays = DAYS.filter((d) => d !== fullDay);
  const fullForm = azure
    ? pick(['weekly', 'weekly', 'daily'])
    : pick(['weekly', 'weekly', 'daily', 'cron', 'monthly']);
  // More than 6 incrementals between two fulls is HBP113: monthly fulls get differentials.
  const deltaChoices = fullForm === 'monthly' ? ['differential'] : ['differential', 'incremental'];
  const delta = mistake === 'both-deltas' ? 'both' : fullForm === 'daily' ? undefined : pick(deltaChoices);
  const [hh, mm] = time.split(':');
  const cronMinute = Number(mm);
  const cronHour = Number(hh);

  const schedules = ['  schedules:'];
  if (fullForm === 'weekly') schedules.push(`    full: { every: week, on: [${fullDay}], at: "${time}" }`);
  else if (fullForm === 'daily') schedules.push(`    full: { every: day, at: "${time}" }`);
  else if (fullForm === 'monthly') schedules.push(`    full: { every: month, on: [1], at: "${time}" }`);
  else {
    const hour = mistake === 'bad-cron' ? 25 : cronHour;
    schedules.push(`    full: { cron: "${cronMinute} ${hour} * * ${CRON_DAY[fullDay]}" }`);
  }
  const deltaKinds = delta === 'both' ? ['differential', 'incremental'] : delta ? [delta] : [];
  deltaKinds.forEach((kind, i) => {
    // A daily delta at the time of a monthly full would collide with it on the 1st (HBP108).
    const deltaTime = i === 0 && fullForm !== 'monthly' ? time : '12:00';
    if (fullForm === 'monthly') schedules.push(`    ${kind}: { every: day, at: "${deltaTime}" }`);
    else if (fullForm === 'cron' && i === 0) {
      const days = otherDays.map((d) => CRON_DAY[d]).join(',');
      schedules.push(`    ${kind}: { cron: "${cronMinute} ${cronHour} * * ${days}" }`);
    } else schedules.push(`    ${kind}: { every: day, on: [${otherDays.join(', ')}], at: "${deltaTime}" }`);
  });
  if (snapshot) schedules.push(`    snapshot: { every: day, at: "${SNAPSHOT_TIME}" }`);
  const intervalMinutes = forceInterval ?? (mistake === 'rpo-not-met' ? rpoMinutes * 2 : rpoMinutes);
  schedules.push(`    log: { interval: ${durationOf(intervalMinutes)} }`);

  const retention = ['  retention:'];
  if (fullForm === 'daily') {
    retention.push(chance(0.5) ? `    full: { daily: 14d, weekly: ${int(4, 8)}w }` : '    full: 30d');
  } else if (fullForm === 'monthly') {
    retention.push(`    full: { monthly: ${int(6, 24)}mo, yearly: ${int(3, 10)}y }`);
  } else {
    const weekly = mistake === 'short-retention' ? '5d' : `${int(4, 12)}w`;
    const yearly = chance(0.4) ? `, yearly: ${int(3, 10)}y` : '';
    retention.push(`    full: { weekly: ${weekly}, monthly: ${int(6, 24)}mo${yearly} }`);
  }
  for (const kind of deltaKinds)
    retention.push(`    ${kind}: ${pick(azure ? ['14d', '30d'] : ['14d', '21d'])}`);
  if (snapshot) retention.push('    snapshot: 3d');
  // Logs kept longer than any data backup would be HBP109; 4w is the shortest full retention here.
  retention.push(`    log: ${mistake === 'minutes-retention' ? '14m' : pick(['14d', '21d', '28d'])}`);
  if (chance(0.3)) retention.push('    deleteFromDestination: true');
  return [...schedules, ...retention];
}

function policyLines(index, random) {
  const { pick, chance } = randomTools(random);
  const edited = index === EDITED_POLICY;
  const mistake = edited ? undefined : mistakeOf(index);
  const env = pick(ENVIRONMENTS);
  const app = pick(APPLICATIONS);
  const azure = !edited && chance(0.15);
  const provider = azure ? 'azure' : pick([undefined, undefined, undefined, 'aws', 'gcp', 'generic']);
  const sid = mistake === 'shared-database' ? systemName(index - 1) : systemName(index);
  const rpoMinutes = edited ? 15 : pick([15, 30, 60]);
  const destinationKind = azure ? 'backint' : pick(['backint', 'backint', 'file']);
  const snapshot = !azure && chance(0.2);
  const timezone = mistake === 'bad-timezone' ? 'Europe/Berln' : pick(TIME_ZONES);

  const lines = [
    `# ${env.toUpperCase()} ${app.toUpperCase()} (${sid})${mistake ? `: deliberate mistake (${mistake})` : ''}`,
    'apiVersion: hana-backup/v1',
    'kind: BackupPolicy',
    'metadata:',
    `  name: ${env}-${app}-${String(index).padStart(3, '0')}`,
  ];
  if (chance(0.2)) lines.push(`  description: ${app.toUpperCase()} ${env} system ${sid}`);
  if (chance(0.3)) lines.push(`  labels: { env: ${env}, owner: basis-team }`);
  lines.push('spec:');
  if (provider) lines.push(`  provider: ${provider}`);
  lines.push(`  timezone: ${timezone}`, '  targets:', `    - system: ${sid}`);
  lines.push(chance(0.1) ? '      databases: ["*"]' : `      databases: [SYSTEMDB, ${sid}]`);
  if (chance(0.1)) lines.push(`    - system: ${sid}X`, `      databases: [SYSTEMDB]`);
  if (chance(0.8)) lines.push(`  objectives: { rpo: ${durationOf(rpoMinutes)} }`);
  else
    lines.push('  objectives:', `    rpo: ${durationOf(rpoMinutes)}`, `    rto: ${pick(['4h', '6h', '8h'])}`);
  lines.push(...destinationLines(sid, destinationKind, { azure, mistake, block: chance(0.15), random }));
  if (snapshot) {
    lines.push('    snapshot:', '      command: /usr/local/bin/take-storage-snapshot', '      timeout: 10m');
  }
  lines.push(
    ...scheduleAndRetention({
      azure,
      mistake,
      rpoMinutes,
      snapshot,
      forceInterval: edited ? 15 : undefined,
      random,
    }),
  );
  return lines;
}

/**
 * The whole file, calibrated to TARGET_LINES lines so its size does not depend on how the dice fell:
 * review comments are added to policies when it is short, header comments of policies without a
 * deliberate mistake are dropped when it is long (both spread evenly over the file).
 */
function generatePolicyFile() {
  const random = seededRandom(SEED);
  const policies = Array.from({ length: POLICY_COUNT }, (_, i) => policyLines(i, random));
  const separators = POLICY_COUNT - 1;
  const excess = policies.reduce((sum, lines) => sum + lines.length, 0) + separators - TARGET_LINES;
  if (excess > 0) {
    const plain = policies.filter((lines, i) => !mistakeOf(i) && lines[0].startsWith('#'));
    const drop = Math.min(excess, plain.length);
    for (let k = 0; k < drop; k++) plain[Math.floor((k * plain.length) / drop)].shift();
  }
  for (let k = 0; k < -excess; k++) {
    const lines = policies[Math.floor((k * POLICY_COUNT) / -excess)];
    lines.splice(lines.indexOf('spec:') + 1, 0, `  # reviewed: CHG-${String(10000 + k)} (basis team)`);
  }
  const lines = [];
  const policyStartLine = [];
  policies.forEach((policy, i) => {
    if (i > 0) lines.push('---');
    policyStartLine.push(lines.length);
    lines.push(...policy);
  });
  return { text: lines.join('\n') + '\n', lines, policyStartLine };
}

/** Where the edits happen: the value of `log: { interval: 15m }` in the edited policy. */
function editLocation(lines, policyStartLine) {
  const first = policyStartLine[EDITED_POLICY];
  const last = policyStartLine[EDITED_POLICY + 1] ?? lines.length;
  for (let line = first; line < last; line++) {
    const match = /^(\s*log: \{ interval: )(\S+) \}/.exec(lines[line]);
    if (match && match[2] === EDIT_VARIANTS[0]) {
      const character = match[1].length;
      return { start: { line, character }, end: { line, character: character + match[2].length } };
    }
  }
  throw new Error(`policy ${EDITED_POLICY} has no "log: { interval: ${EDIT_VARIANTS[0]} }" line`);
}

/** The line of the deliberately unknown key both servers must report (proof that yaml-ls validates). */
function badKeyLine(lines) {
  const line = lines.findIndex((text) => /\bparameterfile:/.test(text));
  if (line < 0) throw new Error('the generated file has no deliberately unknown key');
  return line;
}

/**
 * Carets for completion, 40 of each kind, spread over the whole file and shuffled (seeded) so the
 * kinds interleave: keys under spec and under spec.schedules, values for `every`, inside `on: [`,
 * time zones, and durations (log interval, objectives, retention).
 */
function completionCarets(lines, random) {
  const found = { specKey: [], scheduleKey: [], every: [], on: [], timezone: [], duration: [] };
  let section;
  lines.forEach((text, line) => {
    const specChild = /^ {2}(\w+):/.exec(text);
    if (specChild) {
      section = specChild[1];
      found.specKey.push({ line, character: 2 });
    } else if (/^\S/.test(text)) section = undefined;
    if (section === 'schedules' && /^ {4}\w+:/.test(text)) found.scheduleKey.push({ line, character: 4 });
    const after = (needle, bucket) => {
      const at = text.indexOf(needle);
      if (at >= 0) found[bucket].push({ line, character: at + needle.length });
    };
    after('every: ', 'every');
    after('on: [', 'on');
    after('  timezone: ', 'timezone');
    const duration =
      /\b(interval|rpo|rto|daily|weekly|monthly|yearly|differential|incremental|log): \d+(mo|[smhdwy])\b/.exec(
        text,
      );
    if (duration) found.duration.push({ line, character: duration.index + duration[1].length + 2 });
  });
  const spread = (list, n) => Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
  const carets = [
    ...spread(found.specKey, 20).map((position) => ({ kind: 'key under spec', position })),
    ...spread(found.scheduleKey, 20).map((position) => ({ kind: 'key under schedules', position })),
    ...spread(found.every, 40).map((position) => ({ kind: 'every value', position })),
    ...spread(found.on, 40).map((position) => ({ kind: 'on: [', position })),
    ...spread(found.timezone, 40).map((position) => ({ kind: 'timezone', position })),
    ...spread(found.duration, 40).map((position) => ({ kind: 'duration', position })),
  ];
  for (let i = carets.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [carets[i], carets[j]] = [carets[j], carets[i]];
  }
  return carets;
}

function createWorkspace() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'hana-backup-bench-'));
  const generated = generatePolicyFile();
  const file = path.join(folder, 'generated.backup-policy.yaml');
  writeFileSync(file, generated.text);
  return {
    folder,
    folderUri: pathToFileURL(folder).href,
    uri: pathToFileURL(file).href,
    text: generated.text,
    lineCount: generated.lines.length,
    bytes: Buffer.byteLength(generated.text),
    editRange: editLocation(generated.lines, generated.policyStartLine),
    badKeyLine: badKeyLine(generated.lines),
    carets: completionCarets(generated.lines, seededRandom(SEED + 1)),
  };
}

// ---------------------------------------------------------------------------------------------
// LSP sessions.
// ---------------------------------------------------------------------------------------------

/** The client settings yaml-language-server pulls (sections `yaml`, `http`, `[yaml]`, `editor`). */
function yamlLsConfiguration(section) {
  switch (section) {
    case 'yaml':
      return {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        // Offline and deterministic: no schema store catalogue or Kubernetes CRD downloads.
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        schemas: { [SCHEMA_URL]: ['*.backup-policy.yaml'] },
      };
    case 'http':
      return { proxy: '', proxyStrictSSL: false };
    case '[yaml]': // also asked before every validation, for a per-language `yaml.validate` override
    case 'editor':
      return {};
    default:
      return null;
  }
}

const SERVERS = [
  {
    id: 'ours',
    label: 'hana-backup',
    script: OUR_SERVER,
    nodeArgs: OPTIONS.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'cpu-prof')}`] : [],
    languageId: 'hana-backup-policy',
    configuration: (section) => (section === 'hanaBackup' ? { validate: { delay: 0 } } : null),
    pullsConfigurationAtStart: false,
    // Our server versions its diagnostics; yaml-language-server does not, so for it "the
    // diagnostics for an edit" are simply the next ones it publishes after the didChange.
    versionedDiagnostics: true,
  },
  {
    id: 'yamlLs',
    label: 'yaml-language-server (as shipped)',
    script: YAML_LS_BIN,
    nodeArgs: [],
    languageId: 'yaml',
    configuration: yamlLsConfiguration,
    pullsConfigurationAtStart: true,
    versionedDiagnostics: false,
  },
  {
    id: 'yamlLsNoDebounce',
    label: 'yaml-language-server (200 ms debounce removed)',
    script: YAML_LS_BIN,
    nodeArgs: ['--require', NO_DEBOUNCE_PRELOAD],
    languageId: 'yaml',
    configuration: yamlLsConfiguration,
    pullsConfigurationAtStart: true,
    versionedDiagnostics: false,
  },
];

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
};

/** Answers the requests servers send to their client. */
function answerServerRequest(session, method, params) {
  switch (method) {
    case 'workspace/configuration': {
      const answer = params.items.map((item) => session.spec.configuration(item.section, item.scopeUri));
      session.configurationAnswered();
      return answer;
    }
    case 'workspace/workspaceFolders':
      return [{ uri: session.workspace.folderUri, name: 'bench' }];
    default: // client/registerCapability, window/workDoneProgress/create, …
      return null;
  }
}

function onPublishDiagnostics(session, params) {
  const at = performance.now();
  for (const waiter of session.waiters) {
    if (waiter.uri !== params.uri) continue;
    if (waiter.version !== undefined && params.version !== waiter.version) continue;
    session.waiters.delete(waiter);
    waiter.resolve({ at, diagnostics: params.diagnostics });
  }
}

/** Resolves with the next publishDiagnostics for `uri` (and `version`, when given). */
function nextDiagnostics(session, uri, version, timeoutMs) {
  let waiter;
  const received = new Promise((resolve, reject) => {
    waiter = { uri, version, resolve, reject };
    session.waiters.add(waiter);
  });
  const what = `${session.spec.label}: diagnostics for ${path.basename(uri)}${version === undefined ? '' : ` v${version}`}`;
  return withDeadline(received, timeoutMs, what).finally(() => session.waiters.delete(waiter));
}

function spawnServer(spec) {
  return spawnNode([...spec.nodeArgs, spec.script, '--stdio'], { cwd: ROOT });
}

async function startSession(spec, workspace) {
  const { child, exited, stderrTail } = spawnServer(spec);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let configurationAnswered;
  const session = {
    spec,
    workspace,
    child,
    exited,
    stderrTail,
    connection,
    waiters: new Set(),
    version: 0,
    configured: new Promise((resolve) => (configurationAnswered = resolve)),
    configurationAnswered: () => configurationAnswered(),
  };
  connection.onRequest((method, params) => answerServerRequest(session, method, params));
  connection.onNotification('textDocument/publishDiagnostics', (params) =>
    onPublishDiagnostics(session, params),
  );
  connection.onNotification(() => {}); // logMessage, telemetry, …: not needed here
  connection.onClose(() => {
    for (const waiter of session.waiters) waiter.reject(new Error(`${spec.label} closed the connection`));
  });
  connection.listen();
  try {
    await initialize(session);
  } catch (error) {
    // Not a session yet, so nobody else will stop it: do it here, and say what the server said.
    child.kill('SIGKILL');
    connection.dispose();
    const tail = stderrTail().trim();
    throw new Error(`${spec.label} did not start: ${error.message}${tail ? `\n${tail}` : ''}`);
  }
  session.memoryBeforeOpen = processMemory(child.pid);
  return session;
}

async function initialize(session) {
  const { spec, workspace, connection } = session;
  const initialized = await withDeadline(
    connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'hana-backup-bench' },
      locale: 'en',
      rootUri: workspace.folderUri,
      workspaceFolders: [{ uri: workspace.folderUri, name: 'bench' }],
      capabilities: CLIENT_CAPABILITIES,
    }),
    DEADLINE.initialize,
    `${spec.label}: initialize`,
  );
  session.syncKind = syncKindOf(initialized.capabilities.textDocumentSync);
  await connection.sendNotification('initialized', {});
  await waitUntilReady(session);
}

function syncKindOf(textDocumentSync) {
  return typeof textDocumentSync === 'number' ? textDocumentSync : (textDocumentSync?.change ?? 1);
}

/**
 * Ready means the server has settled its start-up work, so that the cold measurement times one
 * validation with the settings in force. yaml-language-server pulls its settings after
 * `initialized` and revalidates every open file once they arrive; a round trip after our answer
 * guarantees it has applied them (messages are handled in order).
 */
async function waitUntilReady(session) {
  const { spec, connection } = session;
  if (spec.pullsConfigurationAtStart) {
    await withDeadline(session.configured, DEADLINE.ready, `${spec.label}: settings pulled`);
  }
  const probe = connection
    .sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: `${session.workspace.folderUri}/probe.yaml` },
    })
    .catch(() => null); // an error answer is still an answer
  await withDeadline(probe, DEADLINE.ready, `${spec.label}: round trip`);
}

async function stopSession(session) {
  const { connection, child, exited, spec } = session;
  try {
    await withDeadline(connection.sendRequest('shutdown'), DEADLINE.shutdown, `${spec.label}: shutdown`);
    await connection.sendNotification('exit');
    await withDeadline(exited, DEADLINE.shutdown, `${spec.label}: exit`);
  } catch (error) {
    console.error(`  ${spec.label} did not stop cleanly (${error.message}); killing it`);
    child.kill('SIGKILL');
    await withDeadline(exited, DEADLINE.shutdown, `${spec.label}: exit after SIGKILL`).catch(() => {});
  } finally {
    connection.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements.
// ---------------------------------------------------------------------------------------------

/** didOpen → first diagnostics: one full validation of the file by a server that has never seen it. */
async function measureColdOpen(session) {
  const { workspace, spec, connection } = session;
  session.version = 1;
  session.text = workspace.text;
  const received = nextDiagnostics(
    session,
    workspace.uri,
    spec.versionedDiagnostics ? 1 : undefined,
    DEADLINE.coldDiagnostics,
  );
  const cpuBefore = processCpuMs(session.child.pid);
  const started = performance.now();
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: workspace.uri, languageId: spec.languageId, version: 1, text: workspace.text },
  });
  const { at, diagnostics } = await received;
  const cpuMs = cpuBefore === undefined ? undefined : processCpuMs(session.child.pid) - cpuBefore;
  return { ms: Math.round((at - started) * 100) / 100, cpuMs, diagnostics };
}

function offsetOf(text, { line, character }) {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** One edit (replace the interval value with `value`) and the time until its diagnostics arrive. */
async function timedEdit(session, value) {
  const { workspace, spec, connection } = session;
  const range = workspace.editRange;
  const start = offsetOf(session.text, range.start);
  session.text = session.text.slice(0, start) + value + session.text.slice(offsetOf(session.text, range.end));
  const version = ++session.version;
  const change = session.syncKind === 2 ? { range, text: value } : { text: session.text };
  const received = nextDiagnostics(
    session,
    workspace.uri,
    spec.versionedDiagnostics ? version : undefined,
    DEADLINE.editDiagnostics,
  );
  const started = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: workspace.uri, version },
    contentChanges: [change],
  });
  const { at, diagnostics } = await received;
  return { ms: at - started, count: diagnostics.length, value };
}

/** Same-length variants, alternating: every edit really changes the text (15m → 20m → 15m …). */
function editVariant(i) {
  return EDIT_VARIANTS[(i + 1) % EDIT_VARIANTS.length];
}

/**
 * Edit samples, interleaved across the servers (one edit on each in turn): background load on the
 * machine then hits every server alike instead of whichever happened to run at the time.
 */
async function measureEdits(sessions) {
  for (const session of sessions) {
    for (let i = 0; i < WARMUP_EDITS; i++) await timedEdit(session, editVariant(i));
  }
  const samples = new Map(sessions.map((session) => [session, []]));
  const cpuBefore = new Map(sessions.map((session) => [session, processCpuMs(session.child.pid)]));
  for (let i = 0; i < SAMPLE_EDITS; i++) {
    for (const session of sessions)
      samples.get(session).push(await timedEdit(session, editVariant(WARMUP_EDITS + i)));
  }
  for (const [session, list] of samples) {
    // Interleaved: a server is idle while the others work, so its CPU over the loop is its own edits'.
    const before = cpuBefore.get(session);
    const cpuMs = before === undefined ? undefined : processCpuMs(session.child.pid) - before;
    const countsByVariant = {};
    for (const sample of list) countsByVariant[sample.value] = sample.count;
    session.result.edit = {
      ...summarise(list.map((s) => s.ms)),
      cpuMsPerEdit: cpuMs === undefined ? undefined : Math.round((cpuMs / list.length) * 10) / 10,
      samples: list.map((s) => Math.round(s.ms * 10) / 10),
      diagnosticsByVariant: countsByVariant,
    };
  }
}

async function timedCompletion(session, position) {
  const started = performance.now();
  const result = await withDeadline(
    session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: session.workspace.uri },
      position,
    }),
    DEADLINE.completion,
    `${session.spec.label}: completion at ${position.line + 1}:${position.character + 1}`,
  );
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return { ms: performance.now() - started, items: items.length };
}

/** Completion at every caret, interleaved across the servers like the edits. */
async function measureCompletion(sessions, carets) {
  for (const session of sessions) {
    for (let i = 0; i < WARMUP_COMPLETIONS; i++)
      await timedCompletion(session, carets[i % carets.length].position);
  }
  const samples = new Map(sessions.map((session) => [session, { all: [], byKind: {} }]));
  for (let i = 0; i < SAMPLE_COMPLETIONS; i++) {
    const caret = carets[i % carets.length];
    for (const session of sessions) {
      const sample = await timedCompletion(session, caret.position);
      const { all, byKind } = samples.get(session);
      all.push(sample.ms);
      const kind = (byKind[caret.kind] ??= { times: [], items: 0 });
      kind.times.push(sample.ms);
      kind.items = Math.max(kind.items, sample.items);
    }
  }
  for (const [session, { all, byKind }] of samples) {
    const kinds = Object.entries(byKind).map(([kind, { times, items }]) => [
      kind,
      { ...summarise(times), maxItems: items },
    ]);
    session.result.completion = { ...summarise(all), byKind: Object.fromEntries(kinds) };
  }
}

/** Proof that the server validated the file for real: it reports the deliberately unknown key. */
function reportsBadKey(diagnostics, line) {
  return diagnostics.some(
    (d) => d.range.start.line === line && (d.code === 'HBP002' || /not allowed/i.test(d.message)),
  );
}

/**
 * Starts a server and opens the file in it: the cold measurement. Servers are started one after
 * the other, so the ones already running are idle while the next one validates for the first time.
 */
async function startAndOpen(spec, workspace, sessions) {
  const session = await startSession(spec, workspace);
  sessions.push(session);
  const cold = await measureColdOpen(session);
  const validates = reportsBadKey(cold.diagnostics, workspace.badKeyLine);
  session.result = {
    label: spec.label,
    memoryBeforeOpen: session.memoryBeforeOpen,
    cold: {
      ms: cold.ms,
      cpuMs: cold.cpuMs,
      diagnostics: cold.diagnostics.length,
      codes: countCodes(cold.diagnostics),
    },
    validatesBadKey: validates,
  };
  console.log(
    `  ${spec.label}: cold ${cold.ms.toFixed(1)} ms, ${cold.diagnostics.length} diagnostics, ` +
      `unknown key on line ${workspace.badKeyLine + 1} reported: ${validates ? 'yes' : 'NO'}`,
  );
  return session;
}

function printServerFigures(session) {
  const { label, edit, completion, memory } = session.result;
  console.log(`  ${label}`);
  const cpu = edit.cpuMsPerEdit === undefined ? '' : `, server CPU ${edit.cpuMsPerEdit} ms per edit`;
  console.log(`    edit → diagnostics: median ${edit.median} ms, p95 ${edit.p95} ms (n=${edit.n})${cpu}`);
  console.log(`    completion: median ${completion.median} ms, p95 ${completion.p95} ms (n=${completion.n})`);
  if (memory) console.log(`    memory: RSS ${memory.rssMB} MB, peak ${memory.peakMB} MB`);
}

/** Runs every measurement on every server; returns results keyed by server id. */
async function benchmarkServers(workspace, sessions) {
  console.log('\nCold open (didOpen → first diagnostics)');
  for (const spec of SERVERS) await startAndOpen(spec, workspace, sessions);
  console.log(`\nEdits: ${WARMUP_EDITS} warm-up + ${SAMPLE_EDITS} samples per server, interleaved`);
  await measureEdits(sessions);
  console.log(
    `Completion: ${WARMUP_COMPLETIONS} warm-up + ${SAMPLE_COMPLETIONS} requests per server, interleaved`,
  );
  await measureCompletion(sessions, workspace.carets);
  for (const session of sessions) session.result.memory = processMemory(session.child.pid);
  console.log('\nPer server');
  for (const session of sessions) printServerFigures(session);
  return Object.fromEntries(sessions.map((session) => [session.spec.id, session.result]));
}

function countCodes(diagnostics) {
  const counts = {};
  for (const d of diagnostics) {
    const key = d.code === undefined ? (d.source ?? 'other') : String(d.code);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Report.
// ---------------------------------------------------------------------------------------------

function ratio(ours, theirs) {
  if (ours === undefined || theirs === undefined) return undefined;
  return Math.round((ours / theirs) * 100) / 100;
}

function evaluateTargets(results) {
  const { ours, yamlLs, yamlLsNoDebounce } = results;
  const comparable = yamlLs.validatesBadKey && yamlLsNoDebounce.validatesBadKey;
  const ratioVerdict = (value) => (comparable ? verdict(value, TARGETS.ratio, { atMost: true }) : 'invalid');
  return [
    {
      target: `edit → full diagnostics p95 < ${TARGETS.editP95Ms} ms`,
      value: `${ours.edit.p95} ms (median ${ours.edit.median} ms)`,
      status: verdict(ours.edit.p95, TARGETS.editP95Ms),
    },
    {
      target: `completion p95 < ${TARGETS.completionP95Ms} ms`,
      value: `${ours.completion.p95} ms (median ${ours.completion.median} ms)`,
      status: verdict(ours.completion.p95, TARGETS.completionP95Ms),
    },
    {
      target: `server RSS with the file open < ${TARGETS.rssMB} MB`,
      value: ours.memory ? `${ours.memory.rssMB} MB (peak ${ours.memory.peakMB} MB)` : 'n/a',
      status: ours.memory ? verdict(ours.memory.rssMB, TARGETS.rssMB) : 'n/a',
    },
    {
      target: `edit → diagnostics median, ours / yaml-ls without its debounce ≤ ${TARGETS.ratio} (like for like)`,
      value: `${ratio(ours.edit.median, yamlLsNoDebounce.edit.median)} (${ours.edit.median} / ${yamlLsNoDebounce.edit.median} ms)`,
      status: ratioVerdict(ratio(ours.edit.median, yamlLsNoDebounce.edit.median)),
    },
    {
      target: `edit → diagnostics median, ours / yaml-ls as shipped ≤ ${TARGETS.ratio} (its 200 ms debounce included)`,
      value: `${ratio(ours.edit.median, yamlLs.edit.median)} (${ours.edit.median} / ${yamlLs.edit.median} ms)`,
      status: ratioVerdict(ratio(ours.edit.median, yamlLs.edit.median)),
    },
  ];
}

function fmtMs(value) {
  return value === undefined ? 'n/a' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}

function fmtMemory(memory, withPeak = true) {
  if (!memory) return 'n/a';
  return withPeak
    ? `${Math.round(memory.rssMB)} MB (peak ${Math.round(memory.peakMB)})`
    : `${Math.round(memory.rssMB)} MB`;
}

function markdownTable(results, workspace) {
  const { ours, yamlLs, yamlLsNoDebounce } = results;
  const servers = [ours, yamlLs, yamlLsNoDebounce];
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const ratioLikeForLike = ratio(ours.edit.median, yamlLsNoDebounce.edit.median);
  const rows = [
    row([
      `${workspace.lineCount.toLocaleString('en')} lines, ${POLICY_COUNT} policies`,
      'hana-backup',
      'yaml-ls 1.25',
      'yaml-ls 1.25, no debounce',
      'target',
    ]),
    row(['---', '---:', '---:', '---:', '---']),
    row(['cold: didOpen → first diagnostics', ...servers.map((s) => fmtMs(s.cold.ms)), '']),
    row(['cold: server CPU', ...servers.map((s) => fmtMs(s.cold.cpuMs)), '']),
    row(['edit → diagnostics, median', ...servers.map((s) => fmtMs(s.edit.median)), '']),
    row([
      'edit → diagnostics, p95',
      ...servers.map((s) => fmtMs(s.edit.p95)),
      `< ${TARGETS.editP95Ms} ms: ${verdict(ours.edit.p95, TARGETS.editP95Ms)}`,
    ]),
    row([
      'edit median, ours / theirs',
      '',
      String(ratio(ours.edit.median, yamlLs.edit.median)),
      String(ratioLikeForLike),
      `≤ ${TARGETS.ratio} (vs no debounce): ${verdict(ratioLikeForLike, TARGETS.ratio, { atMost: true })}`,
    ]),
    row(['server CPU per edit (mean)', ...servers.map((s) => fmtMs(s.edit.cpuMsPerEdit)), '']),
    row([
      'CPU per edit, ours / theirs',
      '',
      String(ratio(ours.edit.cpuMsPerEdit, yamlLs.edit.cpuMsPerEdit) ?? 'n/a'),
      String(ratio(ours.edit.cpuMsPerEdit, yamlLsNoDebounce.edit.cpuMsPerEdit) ?? 'n/a'),
      '',
    ]),
    row(['completion, median', ...servers.map((s) => fmtMs(s.completion.median)), '']),
    row([
      'completion, p95',
      ...servers.map((s) => fmtMs(s.completion.p95)),
      `< ${TARGETS.completionP95Ms} ms: ${verdict(ours.completion.p95, TARGETS.completionP95Ms)}`,
    ]),
    row(['RSS before didOpen', ...servers.map((s) => fmtMemory(s.memoryBeforeOpen, false)), '']),
    row([
      'RSS after the runs (peak)',
      ...servers.map((s) => fmtMemory(s.memory)),
      `< ${TARGETS.rssMB} MB: ${ours.memory ? verdict(ours.memory.rssMB, TARGETS.rssMB) : 'n/a'}`,
    ]),
    row(['diagnostics on the file', ...servers.map((s) => String(s.cold.diagnostics)), '']),
  ];
  return rows.join('\n');
}

function printReport(results, workspace, targets, machine) {
  console.log('\nTargets');
  for (const t of targets) console.log(`  [${t.status.padEnd(7)}] ${t.target}: ${t.value}`);
  if (!results.yamlLs.validatesBadKey || !results.yamlLsNoDebounce.validatesBadKey) {
    console.log(
      '  WARNING: yaml-language-server did not report the unknown key: it did not validate against',
    );
    console.log('  the schema, so the comparison is not like for like.');
  }
  const variants = results.ours.edit.diagnosticsByVariant;
  const perVariant = Object.entries(variants).map(([value, count]) => `interval ${value} → ${count}`);
  console.log(`\nOur diagnostics per edit variant (HBP101 toggles): ${perVariant.join(', ')}`);
  console.log('\nCompletion by caret kind (ours): median / p95, most items');
  for (const [kind, s] of Object.entries(results.ours.completion.byKind)) {
    console.log(
      `  ${kind.padEnd(20)} ${fmtMs(s.median).padStart(8)} / ${fmtMs(s.p95).padStart(8)}   ${s.maxItems} items`,
    );
  }
  const load = machine.loadAverage1m;
  console.log(
    `\nNode ${machine.node}, ${machine.cpu}, load average (1 min) ${load.before} before, ${load.after} after`,
  );
  console.log(
    'yaml-ls waits a fixed 200 ms after each change before validating; the "no debounce" column runs',
  );
  console.log('the same server with that delay set to 0 (bench/support/yaml-ls-no-debounce.cjs).');
  console.log(
    'Server CPU counts all threads of the process (GC and JIT threads too), so it can exceed wall time.',
  );
  console.log(
    '"RSS before didOpen": ours has already indexed the workspace folder (the same file, from disk).\n',
  );
  console.log(markdownTable(results, workspace));
}

function writeResults(results, workspace, targets, machine) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    ourServer: path.relative(ROOT, OUR_SERVER),
    machine,
    file: { lines: workspace.lineCount, policies: POLICY_COUNT, bytes: workspace.bytes, seed: SEED },
    method: {
      ours: { settings: { validate: { delay: 0 } } },
      edits: { warmup: WARMUP_EDITS, samples: SAMPLE_EDITS, interleaved: true },
      completion: { warmup: WARMUP_COMPLETIONS, samples: SAMPLE_COMPLETIONS, interleaved: true },
    },
    targets,
    servers: results,
    table: markdownTable(results, workspace),
  };
  writeFileSync(RESULTS_FILE, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, RESULTS_FILE)}`);
}

async function main() {
  if (!existsSync(OUR_SERVER)) throw new Error(`${OUR_SERVER} not found: run \`npm run build\` first`);
  if (optionValue('server')) console.log(`Our server: ${OUR_SERVER}`);
  const workspace = createWorkspace();
  console.log(
    `Generated ${workspace.lineCount} lines (${(workspace.bytes / 1024).toFixed(0)} KiB), ${POLICY_COUNT} policies: ` +
      `${path.join(workspace.folder, path.basename(fileURLToPath(workspace.uri)))}`,
  );
  if (OPTIONS.generateOnly) return;
  const loadBefore = os.loadavg();
  const sessions = [];
  try {
    const results = await benchmarkServers(workspace, sessions);
    const targets = evaluateTargets(results);
    const machine = machineInfo(loadBefore);
    printReport(results, workspace, targets, machine);
    writeResults(results, workspace, targets, machine);
    if (OPTIONS.cpuProf)
      console.log(`CPU profile of our server: ${path.relative(ROOT, path.join(RESULTS_DIR, 'cpu-prof'))}/`);
  } catch (error) {
    for (const session of sessions) {
      const tail = session.stderrTail().trim();
      if (tail) console.error(`${session.spec.label} stderr (tail):\n${tail}`);
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
