import type { BackintEntry } from '../model';
import { entryFor, isEmptyValue, isTrue, numberOf } from './entries';
import type { BackintContext } from './report';

function valueRange(ctx: BackintContext, entry: BackintEntry) {
  return entry.value
    ? ctx.range(entry.value.start, entry.value.end)
    : ctx.range(entry.keyStart, entry.keyEnd);
}

function relatedTo(ctx: BackintContext, entry: BackintEntry, message: string) {
  return ctx.related(entry.keyStart, entry.value?.end ?? entry.keyEnd, message);
}

function checkBucket(ctx: BackintContext, entry: BackintEntry): void {
  const value = entry.value;
  if (value?.shape !== 'string') return;
  const text = String(value.value);
  if (!text.includes('/') && !/^gs:/i.test(text)) return;
  const bare = text.replace(/^gs:\/*/i, '').replace(/\/+$/, '');
  ctx.report(
    'HBB003',
    valueRange(ctx, entry),
    '`bucket` takes the bare bucket name, without `gs://` and without `/`; a folder goes in `folder_prefix`.',
    { key: 'bucket', proposal: bare && !bare.includes('/') ? bare : undefined },
  );
}

/**
 * HBB010: combinations the agent refuses when it starts a backup (its configuration check), so every
 * backup fails although the file reads fine.
 */
function checkCombinations(ctx: BackintContext): void {
  const catalog = ctx.catalog!;
  const get = (name: string) => entryFor(ctx.file, catalog, name);
  const streams = get('parallel_streams');
  const recoveryStreams = get('parallel_recovery_streams');
  const compress = get('compress');
  const encryption = [get('encryption_key'), get('kms_key')].filter(
    (entry): entry is BackintEntry => entry !== undefined && !isEmptyValue(entry),
  );
  const n = numberOf(streams);
  if (streams && n !== undefined && n > 1) {
    if (isTrue(compress)) {
      ctx.report(
        'HBB010',
        valueRange(ctx, streams),
        `\`parallel_streams\` is ${n} while \`compress\` is true: the agent refuses compressed parallel backups, so backups fail. Set \`parallel_streams\` to 1 or \`compress\` to false.`,
        { key: 'parallel_streams', pitfall: 'parallel-compress' },
        [relatedTo(ctx, compress!, '`compress` is true here')],
      );
    }
    if (encryption.length) {
      const names = encryption.map((e) => `\`${e.key}\``).join(' and ');
      const verb = encryption.length > 1 ? 'are' : 'is';
      ctx.report(
        'HBB010',
        valueRange(ctx, streams),
        `\`parallel_streams\` is ${n} while ${names} ${verb} set: the agent refuses encrypted parallel backups, so backups fail. Set \`parallel_streams\` to 1 or remove the encryption.`,
        { key: 'parallel_streams', pitfall: 'parallel-encryption' },
        encryption.map((e) => relatedTo(ctx, e, `\`${e.key}\` is set here`)),
      );
    }
  }
  const m = numberOf(recoveryStreams);
  if (recoveryStreams && m !== undefined && m > 1 && isTrue(compress)) {
    ctx.report(
      'HBB010',
      valueRange(ctx, recoveryStreams),
      `\`parallel_recovery_streams\` is ${m} while \`compress\` is true: parallel recovery does not work with compressed backups. Set it to 1 or \`compress\` to false.`,
      { key: 'parallel_recovery_streams', pitfall: 'parallel-recovery-compress' },
      [relatedTo(ctx, compress!, '`compress` is true here')],
    );
  }
  if (encryption.length === 2) {
    const [first, second] = [...encryption].sort((a, b) => a.keyStart - b.keyStart);
    ctx.report(
      'HBB010',
      ctx.range(second.keyStart, second.keyEnd),
      `\`encryption_key\` and \`kms_key\` are both set: the agent accepts only one of them and refuses the file. Keep one.`,
      { key: second.key, pitfall: 'encryption-and-kms' },
      [relatedTo(ctx, first, `\`${first.key}\` is set here`)],
    );
  }
}

/** Object retention needs its mode and its time together (HBB004 on the one that is set). */
function checkRetentionPair(ctx: BackintContext): void {
  const catalog = ctx.catalog!;
  const mode = entryFor(ctx.file, catalog, 'object_retention_mode');
  const time = entryFor(ctx.file, catalog, 'object_retention_time');
  const modeSet = mode && !isEmptyValue(mode);
  const timeSet = time && !isEmptyValue(time);
  if (modeSet === timeSet) return;
  const [present, missing] = modeSet ? [mode, 'object_retention_time'] : [time!, 'object_retention_mode'];
  ctx.report(
    'HBB004',
    ctx.range(present.keyStart, present.keyEnd),
    `\`${present.key}\` is set without \`${missing}\`: object retention needs both. Add \`${missing}\` or remove \`${present.key}\`.`,
    { missing },
  );
}

/** Checks of the Google agent's `parameters.json` beyond plain types. */
export function checkGcp(ctx: BackintContext): void {
  if (!ctx.catalog) return;
  const bucket = entryFor(ctx.file, ctx.catalog, 'bucket');
  if (bucket) checkBucket(ctx, bucket);
  checkCombinations(ctx);
  checkRetentionPair(ctx);
}
