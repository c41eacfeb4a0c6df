import type { DocumentContext } from '../diagnostics/documentContext';
import { durationSeconds } from '../model/duration';
import type { PolicyModel, Provider } from '../model/policyModel';
import type { ConnectionInfo, Range } from '../types';

/** One global.ini value a policy implies, with where the policy says it. */
export interface Expectation {
  section: string;
  key: string;
  value: string;
  range: Range;
  /** How the policy says it, for messages: "`15m` (schedules.log.interval)". */
  said: string;
}

export interface TargetExpectations {
  uri: string;
  policy: string;
  provider: Provider;
  system: string;
  /** Database names, or `*`. */
  databases: string[];
  expectations: Expectation[];
}

type Obj = Record<string, unknown>;
function record(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The SID a target's configuration files carry: the connection's SID, else the system name itself. */
export function sidOfSystem(system: string, connections: readonly ConnectionInfo[]): string {
  return connections.find((c) => c.name === system)?.sid?.toUpperCase() ?? system;
}

/**
 * The policy's mapping onto global.ini (DATABASE layer of each target), as the policy spec's table
 * gives it: what "apply policy" would set and what drift (HBP140) is measured against.
 */
export function expectationsOf(ctx: DocumentContext, model: PolicyModel): Expectation[] {
  const spec = record(record(ctx.doc.value)?.spec) ?? {};
  const destinations = record(spec.destinations) ?? {};
  const result: Expectation[] = [];
  const add = (section: string, key: string, value: string, path: (string | number)[], said: string) =>
    result.push({ section, key, value, range: ctx.valueRange(path), said });

  if (model.logInterval) {
    add(
      'persistence',
      'log_backup_timeout_s',
      String(durationSeconds(model.logInterval)),
      ['spec', 'schedules', 'log', 'interval'],
      `\`${model.logInterval.text}\``,
    );
  }
  const logType = record(destinations.log)?.type;
  if (logType === 'backint' || logType === 'file') {
    add(
      'backup',
      'log_backup_using_backint',
      String(logType === 'backint'),
      ['spec', 'destinations', 'log', 'type'],
      `log \`type: ${logType}\``,
    );
  }
  const catalog = record(destinations.catalog);
  const catalogType = catalog?.type ?? logType;
  if (catalogType === 'backint' || catalogType === 'file') {
    const path = catalog?.type
      ? ['spec', 'destinations', 'catalog', 'type']
      : ['spec', 'destinations', 'log', 'type'];
    add(
      'backup',
      'catalog_backup_using_backint',
      String(catalogType === 'backint'),
      path,
      `catalog \`type: ${String(catalogType)}\``,
    );
  }
  const data = record(destinations.data);
  if (data?.type === 'backint' && typeof data.channels === 'number' && Number.isInteger(data.channels)) {
    add(
      'backup',
      'parallel_data_backup_backint_channels',
      String(data.channels),
      ['spec', 'destinations', 'data', 'channels'],
      `\`channels: ${data.channels}\``,
    );
  }
  const basepaths: Record<string, string> = {
    data: 'basepath_databackup',
    log: 'basepath_logbackup',
    catalog: 'basepath_catalogbackup',
  };
  for (const kind of ['data', 'log', 'catalog']) {
    const destination = record(destinations[kind]);
    if (destination?.type === 'backint' && typeof destination.parameterFile === 'string') {
      add(
        'backup',
        `${kind}_backup_parameter_file`,
        destination.parameterFile,
        ['spec', 'destinations', kind, 'parameterFile'],
        `${kind} \`parameterFile\``,
      );
    }
    if (destination?.type === 'file' && typeof destination.path === 'string') {
      add(
        'persistence',
        basepaths[kind],
        destination.path,
        ['spec', 'destinations', kind, 'path'],
        `${kind} \`path\``,
      );
    }
  }
  if (model.provider === 'azure') {
    const provider = ['spec', 'provider'];
    const present = new Set(result.map((e) => `${e.section}/${e.key}`));
    const azure: [string, string, string][] = [
      ['backup', 'catalog_backup_using_backint', 'true'],
      ['backup', 'enable_accumulated_catalog_backup', 'false'],
      ['backup', 'parallel_data_backup_backint_channels', '1'],
      ['persistence', 'log_backup_timeout_s', '900'],
      ['backup', 'backint_response_timeout', '7200'],
    ];
    for (const [section, key, value] of azure) {
      if (!present.has(`${section}/${key}`)) add(section, key, value, provider, '`provider: azure`');
    }
  }
  return result;
}

export function targetExpectations(ctx: DocumentContext, model: PolicyModel): TargetExpectations[] {
  const expectations = expectationsOf(ctx, model);
  const policy = model.name ?? `document ${ctx.doc.index + 1}`;
  return model.targets.map((target) => ({
    uri: ctx.uri,
    policy,
    provider: model.provider,
    system: target.system,
    databases: target.databases.map((d) => d.name),
    expectations,
  }));
}
