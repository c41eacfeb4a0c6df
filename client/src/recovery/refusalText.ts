/** Why a recovery cannot be run as asked, as a Markdown document beside the plans. */
import { planAsText, untilTimestampText } from './recoverStatements';
import type { RecoveryRefusal, RecoveryTarget } from './recoveryTypes';

export function targetLabel(target: RecoveryTarget): string {
  switch (target.kind) {
    case 'latest':
      return 'the most recent state';
    case 'time':
      return `${untilTimestampText(target.at)} UTC`;
    case 'backup':
      return `data backup ${target.backupId}`;
    case 'snapshot':
      return `${target.backupId ? `data snapshot ${target.backupId}` : 'the newest data snapshot'}${
        target.until ? `, then the log up to ${untilTimestampText(target.until)} UTC` : ''
      }`;
  }
}

export function refusalAsText(database: string, target: RecoveryTarget, refusal: RecoveryRefusal): string {
  if (refusal.kind === 'systemdb') {
    return [
      planAsText(refusal.plan),
      '## Why not over SQL',
      '',
      refusal.reason,
      '',
      '```sh',
      refusal.commandLine,
      '```',
      '',
    ].join('\n');
  }
  const out = [`# ${database} cannot be recovered to ${targetLabel(target)}`, '', refusal.reason, ''];
  if (refusal.kind === 'logGap') {
    const gap = refusal.gap;
    out.push(
      '## The gap',
      '',
      `- Service: ${gap.serviceType} on ${gap.host}${gap.volumeId === undefined ? '' : `, volume ${gap.volumeId}`}`,
      `- Redo log positions ${gap.fromPosition} → ${gap.toPosition ?? 'end'} are in no log backup`,
      `- Backed-up log ends ${untilTimestampText(gap.from)} UTC; ${gap.until ? `it is backed up again from ${untilTimestampText(gap.until)} UTC` : 'no log backup after it'}`,
      ...(gap.logMissing
        ? [
            `- HANA recorded it as 'log missing' (backup id ${gap.logMissing.backupId}, ${untilTimestampText(gap.logMissing.recordedAt)} UTC): ${gap.logMissing.message}`,
          ]
        : []),
      '',
      `The latest point this chain still reaches: **${untilTimestampText(refusal.reachableUntil)} UTC**. ` +
        'A point after the gap needs a data backup taken after it.',
      '',
    );
  }
  return out.join('\n');
}
