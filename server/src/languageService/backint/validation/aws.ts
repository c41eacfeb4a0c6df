import type { BackintEntry } from '../model';
import { entryFor } from './entries';
import { quotedSource } from './readValue';
import type { BackintContext } from './report';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ZONE = /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/;

/** The value as the agent gets it: unquoted scalars as written, quoted ones without their quotes. */
function textOf(entry: BackintEntry): string | undefined {
  const value = entry.value;
  if (!value || value.shape === 'null' || value.shape === 'map' || value.shape === 'list') return undefined;
  if (value.shape === 'other') return undefined;
  return value.style === 'plain' ? value.source.trim() : String(value.value);
}

/**
 * HBB010: an unquoted account ID. YAML reads 12 digits as a number, which loses leading zeros and is
 * no longer the text the agent expects; AWS troubleshooting reports AccessDenied for it.
 */
function checkAccountId(ctx: BackintContext, entry: BackintEntry): void {
  const value = entry.value;
  const text = textOf(entry);
  if (!value || text === undefined) return;
  const range = ctx.range(value.start, value.end);
  if (value.style === 'plain') {
    const why =
      value.shape === 'number'
        ? `YAML reads ${text} as a number, which drops leading zeros, so the agent does not get the account ID as text`
        : 'the agent expects the account ID as quoted text (unquoted, 12 digits are read as a number)';
    ctx.report(
      'HBB010',
      range,
      `\`S3BucketOwnerAccountID\` is not quoted: ${why}, and backups fail with AccessDenied. Write it in double quotes: ${JSON.stringify(text)}.`,
      { key: 'S3BucketOwnerAccountID', pitfall: 'unquoted-account-id', quoted: quotedSource(value.source) },
    );
  }
  if (!/^\d{12}$/.test(text)) {
    ctx.report(
      'HBB003',
      range,
      `\`S3BucketOwnerAccountID\` is an AWS account ID: exactly 12 digits, not \`${text}\`.`,
      {
        key: 'S3BucketOwnerAccountID',
        expected: '12 digits',
      },
    );
  }
}

function checkRegion(ctx: BackintContext, entry: BackintEntry): void {
  const text = textOf(entry);
  if (!text || REGION.test(text)) return;
  const range = ctx.range(entry.value!.start, entry.value!.end);
  const zone = ZONE.exec(text.toLowerCase());
  if (zone) {
    ctx.report(
      'HBB003',
      range,
      `\`${text}\` is an Availability Zone, not a Region: S3 answers AuthorizationHeaderMalformed. Use the Region \`${zone[1]}\`.`,
      { key: 'S3BucketAwsRegion', proposal: zone[1] },
    );
  } else if (REGION.test(text.toLowerCase())) {
    ctx.report('HBB003', range, `AWS Regions are written in lower case: use \`${text.toLowerCase()}\`.`, {
      key: 'S3BucketAwsRegion',
      proposal: text.toLowerCase(),
    });
  } else {
    ctx.report(
      'HBB003',
      range,
      `\`${text}\` is not an AWS Region code such as \`us-east-2\`; a wrong Region makes S3 answer AuthorizationHeaderMalformed.`,
      { key: 'S3BucketAwsRegion' },
    );
  }
}

function checkBucketName(ctx: BackintContext, entry: BackintEntry): void {
  const text = textOf(entry);
  if (!text || !(/^s3:/i.test(text) || text.includes('/'))) return;
  const bare = text.replace(/^s3:\/\//i, '').replace(/\/+$/, '');
  ctx.report(
    'HBB003',
    ctx.range(entry.value!.start, entry.value!.end),
    `\`S3BucketName\` takes the bare bucket name, without \`s3://\` and without \`/\`; a folder goes in \`S3BucketFolder\`.`,
    { key: 'S3BucketName', proposal: bare && !bare.includes('/') ? bare : undefined },
  );
}

function checkKmsArn(ctx: BackintContext, entry: BackintEntry): void {
  const text = textOf(entry);
  if (!text || /^arn:[^:]+:kms:/.test(text)) return;
  ctx.report(
    'HBB003',
    ctx.range(entry.value!.start, entry.value!.end),
    `\`S3SseKmsArn\` takes the ARN of a KMS key (\`arn:aws:kms:<region>:<account>:key/…\`), not \`${text}\`.`,
    { key: 'S3SseKmsArn' },
  );
}

/** Checks of the AWS Backint Agent file beyond plain types. */
export function checkAws(ctx: BackintContext): void {
  const catalog = ctx.catalog;
  if (!catalog) return;
  const checks: [string, (ctx: BackintContext, entry: BackintEntry) => void][] = [
    ['S3BucketOwnerAccountID', checkAccountId],
    ['S3BucketAwsRegion', checkRegion],
    ['S3BucketName', checkBucketName],
    ['S3SseKmsArn', checkKmsArn],
  ];
  for (const [name, check] of checks) {
    const entry = entryFor(ctx.file, catalog, name);
    if (entry) check(ctx, entry);
  }
}
