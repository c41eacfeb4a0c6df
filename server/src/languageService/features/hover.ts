import { isScalar } from 'yaml';
import { durationInWords, parseDuration } from '../model/duration';
import { isValidTimeZone, readSchedule } from '../model/policyModel';
import type { ParsedPolicyFile } from '../parsing/policyFile';
import { pathAtOffset } from '../parsing/pathAtOffset';
import { nodeAt } from '../parsing/yamlNodes';
import { formatRun, nextRuns } from '../schedules/nextRuns';
import { describe, pathLabel, schemaAt } from '../schema/policySchema';
import { MarkupKind, Range, type Hover, type PolicySettings, type Position } from '../types';

const SCHEDULE_KINDS = new Set(['full', 'differential', 'incremental', 'snapshot']);

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Hover: the key's documentation, durations in words, a schedule's next five runs, a target's connection. */
export function hover(
  file: ParsedPolicyFile,
  position: Position,
  settings: PolicySettings,
  now: Date,
): Hover | null {
  const offset = file.textDocument.offsetAt(position);
  const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
  if (!doc) return null;
  const hit = pathAtOffset(doc.yaml, offset);
  if (!hit) return null;
  const sections: string[] = [];
  const keyPath = typeof hit.path[hit.path.length - 1] === 'number' ? hit.path.slice(0, -1) : hit.path;
  const schema = schemaAt(keyPath);
  sections.push(`**${pathLabel(keyPath)}**`);
  const doc_ = describe(schema);
  if (doc_) sections.push(doc_);

  const value = nodeAt(doc.yaml, hit.path)?.value;
  const scalar = isScalar(value) ? value.value : undefined;
  const duration = parseDuration(scalar);
  if (duration) sections.push(`\`${duration.text}\` = ${durationInWords(duration)}`);

  const spec = record(record(doc.value)?.spec);
  const timezoneValue = typeof spec?.timezone === 'string' ? spec.timezone : 'UTC';
  const timezone = isValidTimeZone(timezoneValue) ? timezoneValue : 'UTC';
  const scheduleKind = hit.path[0] === 'spec' && hit.path[1] === 'schedules' ? hit.path[2] : undefined;
  if (typeof scheduleKind === 'string' && SCHEDULE_KINDS.has(scheduleKind)) {
    const schedule = readSchedule(record(record(spec?.schedules)?.[scheduleKind]));
    if (schedule) {
      try {
        const runs = nextRuns(schedule, timezone, now, 5);
        if (runs.length)
          sections.push(
            `Next runs (${timezone}):\n${runs.map((run) => `- ${formatRun(run, timezone)}`).join('\n')}`,
          );
      } catch {
        // An expression cron-parser cannot iterate has already been reported as HBP007.
      }
    }
  }
  if (hit.path[0] === 'spec' && hit.path[1] === 'targets' && typeof hit.path[2] === 'number') {
    const target = record((spec?.targets as unknown[] | undefined)?.[hit.path[2]]);
    const connection = settings.connections.find((c) => c.name === target?.system);
    if (connection) {
      const where = connection.host
        ? `${connection.host}${connection.port ? `:${connection.port}` : ''}`
        : 'no host';
      const databases = connection.databases?.length
        ? ` · databases: ${connection.databases.join(', ')}`
        : '';
      sections.push(
        `Connection **${connection.name}** (${where})${connection.sid ? ` · SID ${connection.sid}` : ''}${databases}`,
      );
    } else if (typeof target?.system === 'string' && settings.connections.length) {
      sections.push(`No connection named "${target.system}" is configured.`);
    }
  }
  if (sections.length <= 1) return null;
  const range = hit.node.range;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n') },
    range: range
      ? Range.create(file.textDocument.positionAt(range[0]), file.textDocument.positionAt(range[1]))
      : undefined,
  };
}
