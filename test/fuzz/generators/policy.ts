// Policy files generated from schemas/backup-policy.schema.json: one to three documents in block or
// flow style, shared nodes written as anchors and aliases, suppression comments here and there.
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { BACKINT_FILE_PATHS } from '../corpus';
import { SchemaValues, type SchemaNode } from './schemaValues';
import { awkwardScalar } from './values';

const SCHEMA = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'schemas', 'backup-policy.schema.json'), 'utf8'),
) as SchemaNode;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'Mon', 'monday'];
// Mostly a few usual times, so that two schedules often meet at the same minute (HBP108).
const time = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('01:00', '23:00', '02:30', '20:30') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }))
      .map(([h, m]) => [h, m].map((n) => String(n).padStart(2, '0')).join(':')),
  },
  { weight: 1, arbitrary: awkwardScalar },
);

const policyValues = new SchemaValues(SCHEMA, {
  timezone: fc.constantFrom(
    'UTC',
    'Europe/Berlin',
    'America/Chicago',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Santiago',
    'Etc/GMT+12',
    'Europe/Nowhere',
    'utc',
  ),
  system: fc.constantFrom('ERP', 'CRM', 'SBX', 'PRD', 'erp', ''),
  databases: fc.array(fc.constantFrom('SYSTEMDB', 'ERP', 'CRM', 'QAS', '*', 'erp', ''), { maxLength: 4 }),
  parameterFile: fc.constantFrom(...BACKINT_FILE_PATHS, '/nonexistent/param', 'relative/param'),
  path: fc.constantFrom('/hana/backup/ERP/data', '$(DIR_INSTANCE)/backup/log', 'hana/backup', '/'),
  on: fc.oneof(
    { weight: 3, arbitrary: fc.subarray(DAYS.slice(0, 7), { minLength: 1 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant('last')), {
        minLength: 1,
        maxLength: 3,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.oneof(fc.constantFrom(...DAYS), fc.integer({ min: -1, max: 32 }), fc.constant('last')),
        { maxLength: 8 },
      ),
    },
  ),
  at: fc.oneof(time, fc.array(time, { maxLength: 4 })),
  cron: fc.constantFrom(
    '0 1 * * *',
    '*/15 * * * *',
    '0 23 * * 6',
    '30 2 1,15 * *',
    '0 0 29 2 *',
    '0 0 31 4 *',
    '0 0 L * *',
    '0 0 * * 5#2',
    '61 0 * * *',
    '0 0 * *',
    '@daily',
  ),
});

/** The data destination written again as the log one: `yaml` writes it as an anchor and an alias. */
function shareDestination(policy: unknown): unknown {
  const spec = (policy as { spec?: { destinations?: Record<string, unknown> } } | null)?.spec;
  const destinations = spec?.destinations;
  if (!destinations || typeof destinations !== 'object' || destinations.data === undefined) return policy;
  return {
    ...(policy as object),
    spec: { ...spec, destinations: { ...destinations, log: destinations.data } },
  };
}

const SUPPRESSIONS = [
  '# hana-backup-disable-next-line HBP103',
  '# hana-backup-disable-next-line HBP101, HBP110',
  '# hana-backup-disable-next-line',
  '# hana-backup-disable HBP109',
  '# hana-backup-disable',
];

const document = fc
  .tuple(
    policyValues.value(),
    fc.boolean(),
    fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    fc.constantFrom(2, 4),
  )
  .map(([policy, shared, collectionStyle, indent]) =>
    stringify(shared ? shareDestination(policy) : policy, { collectionStyle, indent, lineWidth: 0 }),
  );

export const policyFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(document, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SUPPRESSIONS)), { maxLength: 2 }),
  )
  .map(([documents, comments]) => {
    const lines = documents.join('---\n').split('\n');
    for (const [at, comment] of comments) lines.splice(at % lines.length, 0, comment);
    return lines.join('\n');
  });
