// The systems of the generated workspace: the facts each system's files and policies are written from.
import { randomTools, shuffled } from '../../support/random.mjs';
import {
  DISK_SYSTEM,
  EDIT_VALUES,
  EDITED_HOST,
  EDITOR_SYSTEM,
  HOST_COUNT,
  SYSTEM_COUNT,
  TENANT_COUNT,
} from '../constants.mjs';

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
/**
 * How each system backs up. The two policies of a system agree with it: Backint through the AWS or
 * Google Cloud agent (parameter file under /usr/sap/<SID>/SYS/global/hdb/opt), a generic Backint
 * agent, files, or Azure Backup (no parameter file; Azure's values in the DATABASE layer).
 */
const KINDS = ['aws', 'aws', 'aws', 'gcp', 'gcp', 'generic', 'file', 'file', 'azure'];

/** 200 distinct SIDs, a letter and two digits (A00 … Z99), in a seeded order. */
export function systemIds(random) {
  const { int } = randomTools(random);
  const sids = new Set();
  while (sids.size < SYSTEM_COUNT) sids.add(`${LETTERS[int(0, 25)]}${String(int(0, 99)).padStart(2, '0')}`);
  return [...sids].sort();
}

export function parameterFileOf(system) {
  if (system.kind === 'aws')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml`;
  if (system.kind === 'gcp')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/backint/backint-gcs/parameters.json`;
  if (system.kind === 'generic')
    return `/usr/sap/${system.sid}/SYS/global/hdb/opt/backint/init${system.sid}.utl`;
  return undefined;
}

/** The facts of one system that its files and policies are written from. */
export function describeSystem(index, sid, random) {
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
