/**
 * A prune plan as Markdown a person reviews before confirming: what goes and how big it is, what
 * stays and why, and the exact statements. Times are shown in the policy's zone.
 */
import { formatBytes } from '../tree/labels';
import type { DataEntry, PruneKind, PrunePlan, RetentionRules, Totals } from './pruneTypes';
import { formatInZone } from './zonedCalendar';

const KIND_ROWS: [PruneKind, string][] = [
  ['full', 'complete data backups'],
  ['differential', 'differential data backups'],
  ['incremental', 'incremental data backups'],
  ['snapshot', 'data snapshots'],
  ['log', 'log backups'],
];

const TYPE_OF_KIND: Record<DataEntry['kind'], string> = {
  full: 'complete',
  differential: 'differential',
  incremental: 'incremental',
  snapshot: 'snapshot',
};

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function totals(t: Totals): string {
  return `${count(t.count)} (${formatBytes(t.bytes)})`;
}

/** Table cells must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function describeRules(rules: RetentionRules): string {
  const parts: string[] = [];
  const full = rules.full;
  if (full?.kind === 'single') parts.push(`full ${full.duration.text}`);
  if (full?.kind === 'tiers') {
    const tiers = Object.entries(full.tiers).map(([tier, d]) => `${tier} ${d.text}`);
    parts.push(`full ${tiers.join(', ')}`);
  }
  for (const kind of ['differential', 'incremental', 'snapshot', 'log'] as const) {
    const duration = rules[kind];
    if (duration) parts.push(`${kind} ${duration.text}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'none';
}

function entryRow(entry: DataEntry, zone: string, why?: string): string {
  const cells = [
    entry.backupId,
    TYPE_OF_KIND[entry.kind],
    formatInZone(entry.start, zone),
    formatBytes(entry.sizeBytes),
    entry.state,
    ...(why === undefined ? [] : [cell(why)]),
  ];
  return `| ${cells.join(' | ')} |`;
}

function whatGoes(plan: PrunePlan, zone: string): string[] {
  if (plan.statements.length === 0) return [`Nothing goes. ${plan.nothingReason ?? ''}`.trim()];
  const lines = ['| kind | entries | size |', '| --- | ---: | ---: |'];
  let sum: Totals = { count: 0, bytes: 0 };
  for (const [kind, name] of KIND_ROWS) {
    const t = plan.deleted[kind];
    if (t.count === 0) continue;
    lines.push(`| ${name} | ${count(t.count)} | ${formatBytes(t.bytes)} |`);
    sum = { count: sum.count + t.count, bytes: sum.bytes + t.bytes };
  }
  lines.push(`| **total** | **${count(sum.count)}** | **${formatBytes(sum.bytes)}** |`, '');
  if (plan.cutoff) {
    const missing =
      plan.deletedLogMissing > 0 ? `, with ${count(plan.deletedLogMissing)} 'log missing' entries` : '';
    lines.push(
      `Everything older than ${TYPE_OF_KIND[plan.cutoff.kind]} backup ${plan.cutoff.backupId} of ${formatInZone(plan.cutoff.start, zone)} goes at once (ALL BEFORE)${missing}.`,
    );
  }
  if (plan.singles.length > 0) {
    lines.push(
      '',
      `${plural(plan.singles.length, 'data backup')} after it ${plan.singles.length === 1 ? 'goes' : 'go'} one by one, as no kept point needs ${plan.singles.length === 1 ? 'it' : 'them'}:`,
      '',
      '| backup | kind | start | size | state |',
      '| --- | --- | --- | ---: | --- |',
      ...plan.singles.map((e) => entryRow(e, zone)),
    );
  }
  return lines;
}

function whatStays(plan: PrunePlan, zone: string): string[] {
  const lines = plan.points.length > 0 ? ['Recovery points kept:', ''] : ['No recovery point is kept.'];
  for (const point of plan.points) lines.push(`- **${cell(point.label)}** — ${point.reason}`);
  const { needed, unneeded } = plan.keptLogs;
  lines.push(
    '',
    `Log backups kept: ${totals(needed)} that kept points replay` +
      (unneeded.count > 0 ? `, and ${totals(unneeded)} no kept point needs (see the notes).` : '.'),
  );
  if (plan.kept.length > 0) {
    lines.push(
      '',
      '| backup | kind | start | size | state | why it stays |',
      '| --- | --- | --- | ---: | --- | --- |',
      ...plan.kept.map((k) => entryRow(k.entry, zone, k.reasons.join('; '))),
    );
  }
  return lines;
}

export function pruneAsText(plan: PrunePlan): string {
  const zone = plan.rules.timezone;
  const statements = plan.statements.map((s) => `${s.toDisplayString()};`);
  return [
    `# Prune ${plan.database} by retention`,
    '',
    `Server time ${formatInZone(plan.now, zone)} (${zone}). Retention: ${describeRules(plan.rules)}.`,
    '',
    '## What goes',
    '',
    ...whatGoes(plan, zone),
    '',
    '## What stays and why',
    '',
    ...whatStays(plan, zone),
    '',
    '## Statements',
    '',
    ...(statements.length > 0 ? ['```sql', ...statements, '```'] : ['None.']),
    '',
    '## Notes',
    '',
    ...plan.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
