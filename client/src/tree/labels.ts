/** How catalog facts read in the tree: sizes, ages, times, windows. Pure, unit-tested. */
import type { CatalogEntry, DatabaseSummary } from '../catalog/catalogTypes';

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** A span in the largest sensible unit: 45 s, 14 min, 3 h 5 min, 2 days. */
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(s / 3600);
  if (hours < 48) {
    const rest = Math.round((s - hours * 3600) / 60);
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${Math.round(s / 86400)} days`;
}

export function formatAge(at: Date, now: Date): string {
  return `${formatSpan((now.getTime() - at.getTime()) / 1000)} ago`;
}

/** Server time as YYYY-MM-DD HH:MM. */
export function formatTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** 'complete data backup' → 'complete'; 'data snapshot' → 'snapshot'. */
export function shortType(entryType: string): string {
  return entryType.replace(/ data backup$/, '').replace(/^data snapshot$/, 'snapshot');
}

/** "recoverable 2026-10-22 01:12 → now (log 4 min ago)" or why not. */
export function windowDescription(summary: DatabaseSummary): string {
  const { window, now, lastLogBackup } = summary;
  if (!window.from) return `not recoverable to a point in time: ${window.reason ?? 'unknown'}`;
  const end = lastLogBackup
    ? `now (log ${formatAge(lastLogBackup, now)})`
    : formatTime(window.until ?? window.from);
  return `recoverable ${formatTime(window.from)} → ${end}`;
}

export interface RpoVerdict {
  met: boolean;
  text: string;
}

/** The RPO against the largest log backup interval seen, when a policy gives one. */
export function rpoVerdict(
  summary: DatabaseSummary,
  rpoSeconds: number | undefined,
  rpoText?: string,
): RpoVerdict | undefined {
  if (rpoSeconds === undefined) return undefined;
  const label = rpoText ?? formatSpan(rpoSeconds);
  if (summary.maxLogGapSeconds === undefined)
    return { met: false, text: `RPO ${label} not met (no log backups)` };
  const met = summary.maxLogGapSeconds <= rpoSeconds && summary.gapsRecent === 0;
  const gap = `max log gap ${formatSpan(summary.maxLogGapSeconds)}`;
  return {
    met,
    text: `RPO ${label} ${met ? 'met' : 'not met'} (${gap}${summary.gapsRecent ? `, ${summary.gapsRecent} lost` : ''})`,
  };
}

/** "Recoverable window: 30 days · newest full 2 days ago · RPO 15m met (max log gap 14m)". */
export function summaryLine(summary: DatabaseSummary, rpo?: RpoVerdict): string {
  const parts: string[] = [];
  const { window, now } = summary;
  parts.push(
    window.from
      ? `Recoverable window: ${formatSpan((now.getTime() - window.from.getTime()) / 1000)}`
      : `No recoverable window: ${window.reason ?? 'unknown'}`,
  );
  parts.push(
    summary.newestFull
      ? `newest full ${formatAge(summary.newestFull.start, now)}`
      : 'no successful full backup',
  );
  if (rpo) parts.push(rpo.text);
  else if (summary.maxLogGapSeconds !== undefined)
    parts.push(`max log gap ${formatSpan(summary.maxLogGapSeconds)} (no policy RPO)`);
  return parts.join(' · ');
}

function durationOf(entry: CatalogEntry): string | undefined {
  if (!entry.end) return undefined;
  return formatSpan((entry.end.getTime() - entry.start.getTime()) / 1000);
}

/** "complete · backint · 812 GB · 41 min · successful" (percent while running). */
export function entryDescription(entry: CatalogEntry, percent?: number): string {
  const parts = [shortType(entry.entryType)];
  if (entry.destination) parts.push(entry.destination);
  if (entry.sizeBytes > 0) parts.push(formatBytes(entry.sizeBytes));
  const duration = entry.state === 'running' ? undefined : durationOf(entry);
  if (duration) parts.push(duration);
  parts.push(entry.state === 'running' && percent !== undefined ? `running ${percent}%` : entry.state);
  return parts.join(' · ');
}
