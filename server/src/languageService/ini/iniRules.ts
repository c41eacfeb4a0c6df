import { closest, distance } from 'fastest-levenshtein';
import type { IniEntry } from './iniDocument';
import type { IniContext } from './iniContext';
import {
  booleanValue,
  isOpenSection,
  isValidatedSection,
  parameterInfo,
  parametersOf,
  sectionsOf,
  WRONG_NAMES,
  type ParameterInfo,
} from './parameterCatalog';

const MAX_LOG_BACKUP_TIMEOUT_S = 3600;

function closeName(name: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = closest(name, candidates);
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 6)) ? best : undefined;
}

/** HBI001–HBI006 and HBI020–HBI022: what one file says, whatever its layer. */
export function checkIniFile(ctx: IniContext): void {
  const { ini } = ctx.file;
  for (const line of ini.invalid) {
    ctx.report(
      'HBI001',
      line.range,
      `"${line.text.length > 40 ? `${line.text.slice(0, 40)}…` : line.text}" is not a \`[section]\`, a \`key = value\` line or a comment (# or ;). HANA ignores it.`,
    );
  }
  const seen = new Map<string, IniEntry>();
  for (const entry of ini.entries) {
    if (!entry.section) {
      ctx.report(
        'HBI001',
        entry.lineRange,
        `\`${entry.key}\` stands before any \`[section]\`: HANA ignores it. Put it under its section.`,
      );
      continue;
    }
    const id = `${entry.section}/${entry.key}`;
    const earlier = seen.get(id);
    if (earlier) {
      ctx.report(
        'HBI004',
        entry.keyRange,
        `\`${entry.key}\` is set twice in [${entry.section}]: HANA uses this later value (${entry.value}) and ignores the earlier one (${earlier.value}). Remove one.`,
        { related: [ctx.related(ctx.file.uri, earlier.keyRange, `earlier ${entry.key} = ${earlier.value}`)] },
      );
      ctx.report(
        'HBI004',
        earlier.keyRange,
        `\`${entry.key}\` is set again further down in [${entry.section}]: HANA ignores this value (${earlier.value}) and uses ${entry.value}. Remove one.`,
        {
          related: [ctx.related(ctx.file.uri, entry.keyRange, `later ${entry.key} = ${entry.value}`)],
          data: { earlier: true },
        },
      );
    }
    seen.set(id, entry);
    checkEntry(ctx, entry);
  }
}

function checkEntry(ctx: IniContext, entry: IniEntry): void {
  const wrong = WRONG_NAMES.find((w) => w.name === entry.key);
  if (wrong) {
    ctx.report('HBI006', entry.keyRange, wrong.message, {
      data: wrong.replacement ? { proposal: wrong.replacement } : undefined,
    });
    return;
  }
  const info = parameterInfo(entry.section, entry.key);
  if (!info) {
    const home = sectionsOf(entry.key).filter((section) => section !== entry.section);
    if (home.length) {
      ctx.report(
        'HBI005',
        entry.keyRange,
        `\`${entry.key}\` belongs in [${home[0]}], not [${entry.section}]: HANA does not read it here. Move it to [${home[0]}].`,
        { data: { targetSection: home[0] } },
      );
      return;
    }
    if (!isValidatedSection(entry.section)) return;
    const proposal = closeName(
      entry.key,
      parametersOf(entry.section).map((p) => p.name),
    );
    if (proposal || !isOpenSection(entry.section)) {
      ctx.report(
        'HBI002',
        entry.keyRange,
        `\`${entry.key}\` is not a known [${entry.section}] parameter${proposal ? `: did you mean \`${proposal}\`?` : ': HANA ignores it. Check the name.'}`,
        { data: proposal ? { proposal } : undefined },
      );
    }
    return;
  }
  if (!checkValue(ctx, entry, info)) return;
  checkRisk(ctx, entry, info);
}

/** HBI003; false when the value is unusable (no further checks on it). */
function checkValue(ctx: IniContext, entry: IniEntry, info: ParameterInfo): boolean {
  const value = entry.value;
  const fail = (expected: string) => {
    ctx.report(
      'HBI003',
      entry.valueRange.start.character === entry.valueRange.end.character ? entry.keyRange : entry.valueRange,
      `\`${entry.key}\` must be ${expected}${value ? `, not "${value}"` : ''}.`,
    );
    return false;
  };
  switch (info.type) {
    case 'bool':
      return booleanValue('bool', value) !== undefined || fail('`true` or `false`');
    case 'yesno':
      return booleanValue('yesno', value) !== undefined || fail('`yes` or `no`');
    case 'enum':
      return info.values!.includes(value) || fail(info.values!.map((v) => `\`${v}\``).join(' or '));
    case 'int': {
      const range =
        info.min !== undefined && info.max !== undefined
          ? ` between ${info.min} and ${info.max}`
          : info.min !== undefined
            ? ` of at least ${info.min}`
            : '';
      const unit = info.unit ? ` (${info.unit})` : '';
      if (!/^-?\d+$/.test(value)) return fail(`a whole number${range}${unit}`);
      const number = Number(value);
      if ((info.min !== undefined && number < info.min) || (info.max !== undefined && number > info.max))
        return fail(`a whole number${range}${unit}`);
      return true;
    }
    case 'path':
      return value.length > 0 || fail('a file path');
    default:
      return true;
  }
}

/** HBI020–HBI022: values that are valid but put recoverability at risk. */
function checkRisk(ctx: IniContext, entry: IniEntry, info: ParameterInfo): void {
  if (info.name === 'log_mode' && entry.value === 'overwrite') {
    ctx.report(
      'HBI020',
      entry.valueRange,
      '`log_mode = overwrite`: the log is overwritten without log backups, so the database can only be recovered to a data backup, not to a point in time. Use `normal`.',
    );
  }
  if (info.name === 'enable_auto_log_backup' && booleanValue('yesno', entry.value) === false) {
    ctx.report(
      'HBI021',
      entry.valueRange,
      '`enable_auto_log_backup = no`: log segments are never backed up, the log area fills up and the database stops when it is full. Use `yes`.',
    );
  }
  if (info.name === 'log_backup_timeout_s') {
    const seconds = Number(entry.value);
    if (seconds === 0 || seconds > MAX_LOG_BACKUP_TIMEOUT_S) {
      ctx.report(
        'HBI022',
        entry.valueRange,
        seconds === 0
          ? '`log_backup_timeout_s = 0`: log segments are backed up only when full, so the recovery point is no longer bounded by time. Use 300–3600 s (SAP Note 1969700).'
          : `\`log_backup_timeout_s = ${entry.value}\`: more than an hour of committed work can be lost. Use 300–3600 s (SAP Note 1969700).`,
      );
    }
  }
}
