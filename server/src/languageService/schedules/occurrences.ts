import type { Schedule } from '../model/policyModel';
import { checkCron } from './cron';

/**
 * Run times of a schedule over a representative period, in wall-clock minutes of the policy's time
 * zone since the period's start. Wall-clock time is deliberate: a weekly full is 7 days apart for an
 * administrator even across a daylight-saving change, so "weekly full kept 7d" must not be flagged
 * twice a year. The period (a leap year plus two months) contains every month length and weekday.
 */
export interface Occurrences {
  minutes: number[];
  /** Runs per calendar day index (days since period start). */
  perDay: Map<number, number>;
  periodMinutes: number;
}

const PERIOD_START = Date.UTC(2024, 0, 1); // a Monday
export const PERIOD_DAYS = 366 + 59;
const MINUTES_PER_DAY = 24 * 60;

const cache = new Map<string, Occurrences | undefined>();

function lastDayOfMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

interface DayRule {
  months?: number[];
  monthDays?: (number | 'last')[];
  weekdays?: number[];
  /** Standard cron: when both day fields are restricted a day matches either. */
  either?: boolean;
  minutesOfDay: number[];
}

function matchesMonthDay(date: Date, monthDays: (number | 'last')[]): boolean {
  const day = date.getUTCDate();
  return monthDays.some((d) => (d === 'last' ? day === lastDayOfMonth(date) : d === day));
}

function expand(rule: DayRule): Occurrences {
  const minutes: number[] = [];
  const perDay = new Map<number, number>();
  for (let dayIndex = 0; dayIndex < PERIOD_DAYS; dayIndex++) {
    const date = new Date(PERIOD_START + dayIndex * 86_400_000);
    if (rule.months && !rule.months.includes(date.getUTCMonth() + 1)) continue;
    const byMonthDay = rule.monthDays ? matchesMonthDay(date, rule.monthDays) : undefined;
    const byWeekday = rule.weekdays ? rule.weekdays.includes(date.getUTCDay()) : undefined;
    const matches =
      byMonthDay === undefined
        ? (byWeekday ?? true)
        : byWeekday === undefined
          ? byMonthDay
          : rule.either
            ? byMonthDay || byWeekday
            : byMonthDay && byWeekday;
    if (!matches) continue;
    perDay.set(dayIndex, rule.minutesOfDay.length);
    for (const minute of rule.minutesOfDay) minutes.push(dayIndex * MINUTES_PER_DAY + minute);
  }
  return { minutes, perDay, periodMinutes: PERIOD_DAYS * MINUTES_PER_DAY };
}

function dayRuleOf(schedule: Schedule): DayRule | undefined {
  if (schedule.form === 'calendar') {
    const minutesOfDay = [...new Set(schedule.times.map((t) => t.hour * 60 + t.minute))].sort(
      (a, b) => a - b,
    );
    if (schedule.every === 'month') return { monthDays: schedule.monthDays, minutesOfDay };
    return { weekdays: schedule.weekdays, minutesOfDay };
  }
  const check = checkCron(schedule.cron);
  if (!check.ok) return undefined;
  const f = check.fields;
  const minutesOfDay: number[] = [];
  for (const hour of f.hours) for (const minute of f.minutes) minutesOfDay.push(hour * 60 + minute);
  minutesOfDay.sort((a, b) => a - b);
  return {
    months: f.months.length === 12 ? undefined : f.months,
    monthDays: f.monthDayRestricted ? f.monthDays : undefined,
    weekdays: f.weekdayRestricted ? f.weekdays : undefined,
    either: f.monthDayRestricted && f.weekdayRestricted,
    minutesOfDay,
  };
}

/** Occurrences of a schedule (memoised: policies repeat schedules, and edits rarely touch them). */
export function occurrencesOf(schedule: Schedule): Occurrences | undefined {
  const key = JSON.stringify(schedule);
  if (cache.has(key)) return cache.get(key);
  const rule = dayRuleOf(schedule);
  const result = rule ? expand(rule) : undefined;
  if (cache.size > 5000) cache.clear();
  cache.set(key, result);
  return result;
}

/** Longest time between two consecutive runs, in minutes (the period's length when it runs once or never). */
export function maxGapMinutes(sortedMinutes: readonly number[], periodMinutes: number): number {
  if (sortedMinutes.length < 2) return periodMinutes;
  let max = 0;
  for (let i = 1; i < sortedMinutes.length; i++) max = Math.max(max, sortedMinutes[i] - sortedMinutes[i - 1]);
  return max;
}

export function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  return lists.flat().sort((a, b) => a - b);
}
