// The global.ini files of a generated system: SYSTEM, DATABASE (one per tenant) and HOST layers.
import { randomTools } from '../../support/random.mjs';
import { parameterFileOf } from './systems.mjs';

function modifiedLine(random) {
  const { int } = randomTools(random);
  const two = (n) => String(n).padStart(2, '0');
  const micro = String(int(0, 999999)).padStart(6, '0');
  return `# global.ini last modified 2026-${two(int(1, 11))}-${two(int(1, 28))} ${two(int(0, 23))}:${two(int(0, 59))}:${two(int(0, 59))}.${micro} by hdbnameserver`;
}

const AZURE_VALUES = [
  ['backup', 'catalog_backup_using_backint', 'true'],
  ['backup', 'enable_accumulated_catalog_backup', 'false'],
  ['backup', 'parallel_data_backup_backint_channels', '1'],
  ['backup', 'backint_response_timeout', '7200'],
];

export function systemIni(system, random) {
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

export function databaseIni(system, t, random) {
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

export function hostIni(system, h, random) {
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
