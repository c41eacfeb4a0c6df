// The two backup policies of a generated system.
import { durationOf } from '../../support/durations.mjs';
import { randomTools } from '../../support/random.mjs';
import { parameterFileOf } from './systems.mjs';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Schedule times on the hour or half hour, so they also suit Azure (HBP120). */
const TIMES = ['20:30', '21:00', '22:00', '22:30', '23:00', '23:30', '00:30', '01:00'];

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

export function policyLines(system, which, random) {
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
