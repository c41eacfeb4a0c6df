/**
 * The recovery target of plan-recovery, from `--until TIME | --latest | --backup-id ID |
 * --snapshot [ID] [--until TIME]`. Exactly one must be given: a recovery target is never guessed,
 * not even "the most recent state".
 */
import { parseArgs } from 'node:util';
import type { RecoveryTarget } from '../../../../client/src/recovery/recoveryTypes';
import { UsageError } from '../lintFiles';
import { parseUntil } from './untilOption';

export const TARGET_OPTIONS = {
  until: { type: 'string' },
  latest: { type: 'boolean', default: false },
  'backup-id': { type: 'string' },
  snapshot: { type: 'boolean', default: false },
} as const;

const TARGET_FORMS = '--until TIME, --latest, --backup-id ID or --snapshot [ID] [--until TIME]';

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function backupId(option: string, text: string): string {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} takes a BACKUP_ID (digits only), not "${text}"`);
  return text;
}

/**
 * `--snapshot` takes an optional id, which parseArgs cannot express: the id is the positional
 * right after it, and any other positional is a mistake.
 */
function snapshotId(tokens: readonly Token[]): string | undefined {
  let id: string | undefined;
  for (const token of tokens) {
    if (token.kind !== 'positional') continue;
    const previous = tokens.find((t) => t.index === token.index - 1);
    if (previous?.kind !== 'option' || previous.name !== 'snapshot' || id !== undefined)
      throw new UsageError(`unexpected argument "${token.value}"`);
    id = backupId('--snapshot', token.value);
  }
  return id;
}

export function recoveryTarget(
  values: { until?: string; latest?: boolean; 'backup-id'?: string; snapshot?: boolean },
  tokens: readonly Token[],
): RecoveryTarget {
  const id = snapshotId(tokens);
  // With --snapshot, --until is the point the log is replayed to, not a target of its own.
  const kinds = [
    values.snapshot,
    values.latest,
    values['backup-id'] !== undefined,
    values.until !== undefined && !values.snapshot,
  ].filter(Boolean).length;
  if (kinds === 0)
    throw new UsageError(`a recovery target is required (${TARGET_FORMS}); it is never guessed`);
  if (kinds > 1) throw new UsageError(`give exactly one recovery target: ${TARGET_FORMS}`);
  if (values.snapshot) {
    return {
      kind: 'snapshot',
      ...(id !== undefined ? { backupId: id } : {}),
      ...(values.until !== undefined ? { until: parseUntil(values.until) } : {}),
    };
  }
  if (values.latest) return { kind: 'latest' };
  if (values['backup-id'] !== undefined)
    return { kind: 'backup', backupId: backupId('--backup-id', values['backup-id']) };
  return { kind: 'time', at: parseUntil(values.until!) };
}
