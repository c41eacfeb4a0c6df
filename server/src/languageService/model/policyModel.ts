import { parseDuration, type Duration } from './duration';

export const DATA_KINDS = ['full', 'differential', 'incremental', 'snapshot'] as const;
export type DataKind = (typeof DATA_KINDS)[number];
export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Provider = 'generic' | 'azure' | 'aws' | 'gcp';

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A schedule in one of its two forms; only well-formed schedules reach the semantic rules. */
export type Schedule =
  | {
      form: 'calendar';
      every: 'day' | 'week' | 'month';
      weekdays?: number[];
      monthDays?: (number | 'last')[];
      times: TimeOfDay[];
    }
  | { form: 'cron'; cron: string };

export type FullRetention =
  { kind: 'single'; duration: Duration } | { kind: 'tiers'; tiers: Partial<Record<Tier, Duration>> };
export const TIERS = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Tier = (typeof TIERS)[number];

export interface Destination {
  type?: string;
  path?: string;
  parameterFile?: string;
  channels?: unknown;
}

export interface Target {
  index: number;
  system: string;
  databases: { name: string; index: number }[];
}

export interface PolicyModel {
  name?: string;
  provider: Provider;
  timezone: string;
  targets: Target[];
  rpo?: Duration;
  rto?: Duration;
  destinations: {
    data?: Destination;
    log?: Destination;
    catalog?: Destination;
    snapshot?: Record<string, unknown>;
  };
  schedules: Partial<Record<DataKind, Schedule>>;
  /** Keys present under `schedules`, well-formed or not: absence rules must not fire on a broken schedule. */
  scheduleKeys: Set<string>;
  logInterval?: Duration;
  hasLogSchedule: boolean;
  retention: {
    full?: FullRetention;
    differential?: Duration;
    incremental?: Duration;
    snapshot?: Duration;
    log?: Duration;
    /** Prune with COMPLETE (files and Backint objects too); only when the policy says exactly `true`. */
    deleteFromDestination: boolean;
  };
  retentionKeys: Set<string>;
}

export const TIME_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function parseTime(value: unknown): TimeOfDay | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIME_PATTERN.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

const zoneValidity = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (memoised: building a formatter is slow). */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size > 1000) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/** The day-of-month value of `on` for `every: month`, or undefined when invalid. */
export function parseMonthDay(value: unknown): number | 'last' | undefined {
  if (value === 'last') return 'last';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 31) return value;
  return undefined;
}

export function parseWeekday(value: unknown): number | undefined {
  const index = typeof value === 'string' ? DAY_NAMES.indexOf(value as (typeof DAY_NAMES)[number]) : -1;
  return index >= 0 ? index : undefined;
}

function toList(value: unknown): unknown[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/** Reads a schedule; undefined when any part of it is malformed (the schema and HBP007 report that). */
export function readSchedule(value: unknown): Schedule | undefined {
  const schedule = record(value);
  if (!schedule) return undefined;
  if (typeof schedule.cron === 'string') {
    if ('every' in schedule || 'on' in schedule || 'at' in schedule) return undefined;
    return { form: 'cron', cron: schedule.cron.trim() };
  }
  const every = schedule.every;
  if (every !== 'day' && every !== 'week' && every !== 'month') return undefined;
  const times = toList(schedule.at)?.map(parseTime);
  if (!times || times.length === 0 || times.some((t) => !t)) return undefined;
  const on = toList(schedule.on);
  if (every === 'month') {
    const monthDays = on?.map(parseMonthDay);
    if (!monthDays || monthDays.length === 0 || monthDays.some((d) => d === undefined)) return undefined;
    return {
      form: 'calendar',
      every,
      monthDays: monthDays as (number | 'last')[],
      times: times as TimeOfDay[],
    };
  }
  if (every === 'week' && !on) return undefined;
  const weekdays = on?.map(parseWeekday);
  if (weekdays && (weekdays.length === 0 || weekdays.some((d) => d === undefined))) return undefined;
  return { form: 'calendar', every, weekdays: weekdays as number[] | undefined, times: times as TimeOfDay[] };
}

function readFullRetention(value: unknown): FullRetention | undefined {
  const single = parseDuration(value);
  if (single) return { kind: 'single', duration: single };
  const tiers = record(value);
  if (!tiers) return undefined;
  const result: Partial<Record<Tier, Duration>> = {};
  for (const tier of TIERS) {
    const duration = parseDuration(tiers[tier]);
    if (duration) result[tier] = duration;
  }
  return Object.keys(result).length > 0 ? { kind: 'tiers', tiers: result } : undefined;
}

/** Extracts what the semantic rules need from a document's resolved value, tolerating any shape. */
export function readPolicy(value: unknown): PolicyModel | undefined {
  const root = record(value);
  if (!root) return undefined;
  const metadata = record(root.metadata);
  const spec = record(root.spec) ?? {};
  const objectives = record(spec.objectives) ?? {};
  const destinations = record(spec.destinations) ?? {};
  const schedules = record(spec.schedules) ?? {};
  const retention = record(spec.retention) ?? {};
  const provider =
    (['generic', 'azure', 'aws', 'gcp'] as const).find((p) => p === spec.provider) ?? 'generic';

  const targets: Target[] = [];
  if (Array.isArray(spec.targets)) {
    spec.targets.forEach((raw, index) => {
      const target = record(raw);
      if (!target || typeof target.system !== 'string' || !target.system) return;
      const databases = Array.isArray(target.databases)
        ? target.databases
            .map((name, i) => ({ name, index: i }))
            .filter(
              (d): d is { name: string; index: number } => typeof d.name === 'string' && d.name.length > 0,
            )
        : [];
      targets.push({ index, system: target.system, databases });
    });
  }

  const readSchedules: Partial<Record<DataKind, Schedule>> = {};
  for (const kind of ['full', 'differential', 'incremental', 'snapshot'] as const) {
    const schedule = readSchedule(schedules[kind]);
    if (schedule) readSchedules[kind] = schedule;
  }
  const log = record(schedules.log);
  const timezone = typeof spec.timezone === 'string' ? spec.timezone : 'UTC';

  return {
    name: typeof metadata?.name === 'string' ? metadata.name : undefined,
    provider,
    timezone,
    targets,
    rpo: parseDuration(objectives.rpo),
    rto: parseDuration(objectives.rto),
    destinations: {
      data: record(destinations.data) as Destination | undefined,
      log: record(destinations.log) as Destination | undefined,
      catalog: record(destinations.catalog) as Destination | undefined,
      snapshot: record(destinations.snapshot),
    },
    schedules: readSchedules,
    scheduleKeys: new Set(Object.keys(schedules)),
    logInterval: parseDuration(log?.interval),
    hasLogSchedule: 'log' in schedules,
    retention: {
      full: readFullRetention(retention.full),
      differential: parseDuration(retention.differential),
      incremental: parseDuration(retention.incremental),
      snapshot: parseDuration(retention.snapshot),
      log: parseDuration(retention.log),
      deleteFromDestination: retention.deleteFromDestination === true,
    },
    retentionKeys: new Set(Object.keys(retention)),
  };
}
