import { CronExpressionParser } from 'cron-parser';
import type { Schedule } from '../model/policyModel';

/** Each day once: `on: [mon, mon]` means Monday, but cron-parser refuses a list with a repeated value. */
function cronList(days: readonly (number | string)[]): string {
  return [...new Set(days.map(String))].join(',');
}

/** The schedule as cron expressions (one per distinct minute-of-hour set), for computing real run times. */
export function scheduleAsCron(schedule: Schedule): string[] {
  if (schedule.form === 'cron') return [schedule.cron];
  const days =
    schedule.every === 'month'
      ? `${cronList(schedule.monthDays!.map((d) => (d === 'last' ? 'L' : d)))} * *`
      : `* * ${schedule.weekdays ? cronList(schedule.weekdays) : '*'}`;
  return schedule.times.map((time) => `${time.minute} ${time.hour} ${days}`);
}

/** The next `count` run times after `from`, honouring the time zone's daylight-saving rules. */
export function nextRuns(schedule: Schedule, timezone: string, from: Date, count: number): Date[] {
  const runs: Date[] = [];
  for (const expression of scheduleAsCron(schedule)) {
    const parsed = CronExpressionParser.parse(expression, { tz: timezone, currentDate: from });
    for (let i = 0; i < count && parsed.hasNext(); i++) runs.push(parsed.next().toDate());
  }
  return runs.sort((a, b) => a.getTime() - b.getTime()).slice(0, count);
}

/** "Sat 2026-11-28 23:00 CST" in the policy's zone. */
export function formatRun(date: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
