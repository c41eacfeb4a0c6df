import type { IniContext } from '../ini/iniContext';
import type { IniEntry } from '../ini/iniDocument';
import { parameterInfo, sameValue } from '../ini/parameterCatalog';
import type { ConnectionInfo } from '../types';
import type { WorkspaceModel } from '../workspace/workspaceModel';
import { lastEntry, type ValueSource } from './configIndex';

const DEFAULT_BUFFER_MB = 512;

function where(source: ValueSource): string {
  const { layer } = source;
  const owner = source.file.layer;
  if (layer === 'DATABASE') return `DATABASE layer of ${owner?.database}`;
  if (layer === 'HOST') return `HOST layer of ${owner?.host}`;
  return `${layer} layer`;
}

/** HBI010/HBI011 (HOST overrides), HBI012, HBI023, HBI024 and HBP140 on the file: what needs the other layers. */
export function checkLayers(
  ctx: IniContext,
  model: WorkspaceModel,
  connections: readonly ConnectionInfo[],
): void {
  const layer = ctx.file.layer;
  if (layer?.layer === 'HOST') checkHostOverrides(ctx, model, connections);
  if (layer?.layer === 'DATABASE') checkDatabaseAgainstSystem(ctx, model);
  checkBuffer(ctx, model);
  checkParameterFiles(ctx, model);
  if (layer && (layer.layer === 'DATABASE' || layer.layer === 'SYSTEM'))
    checkDriftOnFile(ctx, model, connections);
}

function targetsAzure(
  model: WorkspaceModel,
  system: string,
  connections: readonly ConnectionInfo[],
): boolean {
  return (
    model.targetsOf(system, connections).some((t) => t.provider === 'azure') ||
    model.config.looksAzureManaged(system)
  );
}

function checkHostOverrides(
  ctx: IniContext,
  model: WorkspaceModel,
  connections: readonly ConnectionInfo[],
): void {
  const layer = ctx.file.layer!;
  const azure = targetsAzure(model, layer.system, connections);
  const targets = model.targetsOf(layer.system, connections);
  const databases = model.config.databasesOf(
    layer.system,
    targets.flatMap((t) => t.databases).filter((d) => d !== '*'),
  );
  for (const entry of effectiveEntries(ctx)) {
    const info = parameterInfo(entry.section, entry.key);
    if (!info?.backupRelevant || info.section !== entry.section) continue;
    const hidden = model.config.overriddenBy(layer.system, entry.section, entry.key);
    const gets = databases
      .map((db) => {
        const value = model.config.resolve(layer.system, db, entry.section, entry.key).database;
        return value ? `${db} ${value.value} from ${value.layer}` : undefined;
      })
      .filter(Boolean);
    const instead = gets.length ? ` (instead of ${gets.join(', ')})` : '';
    const related = hidden.map((h) =>
      ctx.related(h.file.uri, h.entry.valueRange, `overridden: ${h.entry.key} = ${h.value} (${where(h)})`),
    );
    const data = {
      section: entry.section,
      key: entry.key,
      value: entry.value,
      databases: databases.filter((d) => d !== 'SYSTEMDB'),
    };
    if (azure && info.azure !== undefined) {
      ctx.report(
        'HBI011',
        entry.keyRange,
        `Azure Backup needs \`${entry.key}\` at DATABASE level (${info.azure}); this HOST-layer value (${entry.value}) on ${layer.host} overrides it${instead} and breaks Azure's Backint configuration (UserErrorInvalidBackintConfiguration). Remove it from the HOST layer.`,
        { related, data },
      );
    } else {
      ctx.report(
        'HBI010',
        entry.keyRange,
        `\`${entry.key} = ${entry.value}\` in the HOST layer of ${layer.host} overrides the DATABASE and SYSTEM layers for every database on that host${instead}. Set it per database (DATABASE layer), or remove it.`,
        { related, data },
      );
    }
  }
}

/** Entries that count: the last of each `[section] key` (HBI004 reports the earlier ones). */
function effectiveEntries(ctx: IniContext): IniEntry[] {
  return ctx.file.ini.entries.filter(
    (entry) => lastEntry(ctx.file, entry.section, entry.key) === entry && entry.section,
  );
}

function checkDatabaseAgainstSystem(ctx: IniContext, model: WorkspaceModel): void {
  const layer = ctx.file.layer!;
  const systemFiles = model.config.filesOf(layer.system).filter((f) => f.layer?.layer === 'SYSTEM');
  for (const entry of effectiveEntries(ctx)) {
    for (const systemFile of systemFiles) {
      const systemEntry = lastEntry(systemFile, entry.section, entry.key);
      if (!systemEntry || sameValue(parameterInfo(entry.section, entry.key), entry.value, systemEntry.value))
        continue;
      ctx.report(
        'HBI012',
        entry.valueRange,
        `${layer.database} gets \`${entry.key} = ${entry.value}\` from its DATABASE layer; databases without their own value get ${systemEntry.value} from the SYSTEM layer.`,
        {
          related: [
            ctx.related(
              systemFile.uri,
              systemEntry.valueRange,
              `SYSTEM layer: ${entry.key} = ${systemEntry.value}`,
            ),
          ],
        },
      );
    }
  }
}

/** HBI023: with Backint multistreaming each channel needs 512 MB of buffer (SAP Note 2458043). */
function checkBuffer(ctx: IniContext, model: WorkspaceModel): void {
  const channelsEntry = lastEntry(ctx.file, 'backup', 'parallel_data_backup_backint_channels');
  if (!channelsEntry) return;
  const layer = ctx.file.layer;
  const databases =
    layer && layer.layer !== 'HOST'
      ? layer.layer === 'DATABASE'
        ? [layer.database!]
        : model.config.databasesOf(layer.system)
      : [undefined];
  const short: string[] = [];
  let needed = 0;
  let buffer = 0;
  for (const db of databases) {
    const channelsSource = db
      ? model.config.resolve(layer!.system, db, 'backup', 'parallel_data_backup_backint_channels').database
      : undefined;
    if (db && channelsSource?.entry !== channelsEntry) continue;
    const channels = Number(channelsEntry.value);
    if (!Number.isInteger(channels) || channels <= 1 || channels > 32) return;
    const bufferSource = db
      ? model.config.resolve(layer!.system, db, 'backup', 'data_backup_buffer_size').database?.value
      : lastEntry(ctx.file, 'backup', 'data_backup_buffer_size')?.value;
    buffer = bufferSource !== undefined ? Number(bufferSource) : DEFAULT_BUFFER_MB;
    needed = DEFAULT_BUFFER_MB * channels;
    if (Number.isFinite(buffer) && buffer < needed) short.push(db ?? 'this file');
  }
  if (short.length === 0) return;
  ctx.report(
    'HBI023',
    channelsEntry.valueRange,
    `${channelsEntry.value} Backint channels need \`data_backup_buffer_size\` of at least ${needed} MB (512 × channels, SAP Note 2458043), but ${short.join(', ')} ${short.length > 1 ? 'have' : 'has'} ${buffer} MB: the channels wait for buffer. Raise data_backup_buffer_size to ${needed}.`,
    { data: { buffer: String(needed) } },
  );
}

function checkParameterFiles(ctx: IniContext, model: WorkspaceModel): void {
  for (const entry of effectiveEntries(ctx)) {
    if (!/_backup_parameter_file$/.test(entry.key)) continue;
    const target = model.findParameterFile(entry.value);
    const problems = target?.problems.filter((p) => p.severity === 1 || p.severity === 2) ?? [];
    if (!target || problems.length === 0) continue;
    ctx.report(
      'HBI024',
      entry.valueRange,
      `The Backint parameter file ${entry.value} has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems[0].message}`,
      { related: problems.map((p) => ctx.related(target.uri, p.range, p.message)) },
    );
  }
}

function checkDriftOnFile(
  ctx: IniContext,
  model: WorkspaceModel,
  connections: readonly ConnectionInfo[],
): void {
  const layer = ctx.file.layer!;
  const targets = model.targetsOf(layer.system, connections);
  if (!targets.length) return;
  for (const entry of effectiveEntries(ctx)) {
    const info = parameterInfo(entry.section, entry.key);
    for (const target of targets) {
      const expectation = target.expectations.find((e) => e.section === entry.section && e.key === entry.key);
      if (!expectation || sameValue(info, entry.value, expectation.value)) continue;
      const databases = (
        target.databases.includes('*') ? model.config.databasesOf(layer.system) : target.databases
      ).filter(
        (db) => model.config.resolve(layer.system, db, entry.section, entry.key).database?.entry === entry,
      );
      if (!databases.length) continue;
      ctx.report(
        'HBP140',
        entry.valueRange,
        `Drift: policy "${target.policy}" sets ${expectation.said}, which means \`${entry.key} = ${expectation.value}\` for ${databases.join(', ')}, but this ${layer.layer} layer has ${entry.value}. Apply the policy or change the policy.`,
        {
          related: [
            ctx.related(target.uri, expectation.range, `policy "${target.policy}": ${expectation.said}`),
          ],
        },
      );
    }
  }
}
