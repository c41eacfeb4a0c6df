import { findKey, type BackintKeyInfo } from '../catalog';
import type { BackintEntry } from '../model';
import { closestName } from '../proposal';
import { readValue } from './readValue';
import type { BackintContext } from './report';

// S3's archive classes are a known trap: the agent cannot restore from them directly.
const ARCHIVE_CLASSES = /^(GLACIER|GLACIER_IR|DEEP_ARCHIVE)$/i;

function checkEnum(ctx: BackintContext, entry: BackintEntry, key: BackintKeyInfo, text: string): void {
  const values = key.values ?? [];
  // Case differences are left alone: the agents' handling of case is not documented.
  if (values.some((v) => v.toLowerCase() === text.toLowerCase())) return;
  const proposal = closestName(text, values);
  const archive =
    key.name === 'S3StorageClass' && ARCHIVE_CLASSES.test(text)
      ? ' Archive tiers are not supported: backups there cannot be recovered directly.'
      : '';
  const hint = proposal ? ` Did you mean \`${proposal}\`?` : '';
  ctx.report(
    'HBB003',
    ctx.range(entry.value!.start, entry.value!.end),
    `\`${text}\` is not a valid value of \`${key.name}\`.${archive} Use one of ${values.map((v) => `\`${v}\``).join(', ')}.${hint}`,
    { key: key.name, allowed: [...values], proposal },
  );
}

function checkNumber(ctx: BackintContext, entry: BackintEntry, key: BackintKeyInfo, n: number): void {
  const range = ctx.range(entry.value!.start, entry.value!.end);
  const below = key.min !== undefined && n < key.min;
  const above = key.max !== undefined && n > key.max;
  if (below || above) {
    const bounds = key.max === undefined ? `at least ${key.min}` : `from ${key.min ?? 0} to ${key.max}`;
    ctx.report('HBB003', range, `\`${key.name}\` is ${n}: it must be ${bounds}.`, {
      key: key.name,
      min: key.min,
      max: key.max,
    });
    return;
  }
  if (key.cap !== undefined && n > key.cap) {
    ctx.report(
      'HBB010',
      range,
      `\`${key.name}\` is ${n}, but the agent lowers it to ${key.cap}, its maximum. Set ${key.cap} or less so the file says what runs.`,
      { key: key.name, pitfall: 'capped', cap: key.cap },
    );
  }
}

/** HBB003 (and HBB010 for values the agent caps): each known key's value against its type. */
export function checkValues(ctx: BackintContext): void {
  const catalog = ctx.catalog;
  if (!catalog) return;
  for (const entry of ctx.file.entries) {
    const key = findKey(catalog, entry.key);
    if (!key || !entry.value) continue;
    const reading = readValue(ctx.file.kind, key.type, entry.value, entry.key);
    if (reading.status === 'skip') continue;
    if (reading.status === 'bad') {
      const data = { key: key.name, expected: key.type, ...reading.data };
      ctx.report('HBB003', ctx.range(entry.value.start, entry.value.end), reading.message, data);
      continue;
    }
    if (key.type === 'enum') checkEnum(ctx, entry, key, reading.text);
    if (reading.number !== undefined) checkNumber(ctx, entry, key, reading.number);
    if (key.length !== undefined && reading.text.length !== key.length) {
      ctx.report(
        'HBB003',
        ctx.range(entry.value.start, entry.value.end),
        `\`${key.name}\` must be exactly ${key.length} characters; \`${reading.text}\` has ${reading.text.length}.`,
        { key: key.name, length: key.length },
      );
    }
  }
}
