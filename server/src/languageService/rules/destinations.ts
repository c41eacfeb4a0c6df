import type { DocumentContext } from '../diagnostics/documentContext';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * HBP008 (`path` with Backint keys), HBP112 (`channels` on a file destination) and HBP111 (snapshot
 * schedule without `destinations.snapshot`). `file` without `path` comes from the schema (HBP111).
 */
export function checkDestinations(ctx: DocumentContext): void {
  const spec = record(record(ctx.doc.value)?.spec);
  const destinations = record(spec?.destinations);
  for (const kind of ['data', 'log', 'catalog']) {
    const destination = record(destinations?.[kind]);
    if (!destination) continue;
    const base = ['spec', 'destinations', kind];
    const isFile = destination.type === 'file';
    if (isFile && 'channels' in destination) {
      ctx.report(
        'HBP112',
        ctx.keyRange([...base, 'channels']),
        '`channels` applies only to Backint: a `file` destination writes one stream per service. Remove it, or use `type: backint`.',
      );
    }
    if (isFile && 'parameterFile' in destination) {
      ctx.report(
        'HBP008',
        ctx.keyRange([...base, 'parameterFile']),
        '`parameterFile` cannot be combined with a `file` destination (`path`): it configures a Backint agent. Remove it, or use `type: backint`.',
      );
    }
    if (!isFile && 'path' in destination) {
      const others = ['parameterFile', 'channels'].filter((key) => key in destination);
      const reason = others.length
        ? `cannot be combined with ${others.map((k) => `\`${k}\``).join(' and ')}`
        : `applies only to \`type: file\``;
      ctx.report(
        'HBP008',
        ctx.keyRange([...base, 'path']),
        `\`path\` ${reason}: a destination is either a file path or a Backint agent. Keep one.`,
      );
    }
  }
  const schedules = record(spec?.schedules);
  if (schedules && 'snapshot' in schedules && !record(destinations?.snapshot)) {
    ctx.report(
      'HBP111',
      ctx.keyRange(['spec', 'schedules', 'snapshot']),
      'A `snapshot` schedule needs `destinations.snapshot` with the `command` that takes the storage snapshot.',
    );
  }
}
