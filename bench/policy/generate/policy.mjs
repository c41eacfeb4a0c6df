// One generated policy, with (in every 8th) a deliberate mistake.
import { durationOf } from '../../support/durations.mjs';
import { randomTools } from '../../support/random.mjs';
import { EDITED_POLICY } from '../constants.mjs';
import { scheduleAndRetention } from './schedules.mjs';

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

export function mistakeOf(index) {
  return index % 8 === 3 ? MISTAKES[Math.floor(index / 8) % MISTAKES.length] : undefined;
}

/** System names are unique per policy (b36 index), so only the deliberate HBP131 case overlaps. */
function systemName(index) {
  return `${'ABCDEFGHJKLMNPRSTVWXZ'[index % 21]}${index.toString(36).toUpperCase().padStart(2, '0')}`;
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

export function policyLines(index, random) {
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
