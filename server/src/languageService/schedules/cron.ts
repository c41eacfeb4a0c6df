import { CronExpressionParser } from 'cron-parser';

export interface CronFields {
  minutes: number[];
  hours: number[];
  /** Days of month 1..31, plus `last` for `L`. */
  monthDays: (number | 'last')[];
  months: number[];
  weekdays: number[];
  monthDayRestricted: boolean;
  weekdayRestricted: boolean;
}

export type CronCheck = { ok: true; fields: CronFields } | { ok: false; message: string };

const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'];

const checked = new Map<string, CronCheck>();

/**
 * Validates a standard 5-field cron expression and returns its expanded fields (memoised). cron-parser
 * does the parsing; the 5-field rule and the plain-language messages are ours (cron-parser also
 * accepts seconds fields and macros, which the policy format does not).
 */
export function checkCron(expression: string): CronCheck {
  let result = checked.get(expression);
  if (!result) {
    result = parseCron(expression);
    if (checked.size > 1000) checked.clear();
    checked.set(expression, result);
  }
  return result;
}

function parseCron(expression: string): CronCheck {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 || expression.trim() === '') {
    return {
      ok: false,
      message: `cron must have 5 fields (minute hour day-of-month month day-of-week), found ${expression.trim() ? fields.length : 0}: e.g. "0 1 * * 0"`,
    };
  }
  if (fields[4].includes('#') || /L/.test(fields[4])) {
    return {
      ok: false,
      message: 'cron day-of-week with `#` or `L` is not supported: list the days (e.g. `1-5`)',
    };
  }
  try {
    const parsed = CronExpressionParser.parse(expression, { strict: false });
    const f = parsed.fields;
    const monthDays = (f.dayOfMonth.values as (number | string)[]).map((v) =>
      v === 'L' ? 'last' : Number(v),
    );
    return {
      ok: true,
      fields: {
        minutes: [...f.minute.values].map(Number),
        hours: [...f.hour.values].map(Number),
        monthDays: monthDays as (number | 'last')[],
        months: [...f.month.values].map(Number),
        weekdays: [...new Set([...f.dayOfWeek.values].map((v) => Number(v) % 7))],
        monthDayRestricted: !/^[*?]$/.test(fields[2]),
        weekdayRestricted: !/^[*?]$/.test(fields[4]),
      },
    };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `invalid cron expression "${expression.trim()}": ${describeCronError(raw, fields)}`,
    };
  }
}

function describeCronError(raw: string, fields: string[]): string {
  const range = /got value (\S+) expected range (\d+)-(\d+)/.exec(raw);
  if (range) {
    const index = fields.findIndex((field) => field.split(/[,/-]/).includes(range[1]));
    const name = index >= 0 ? FIELD_NAMES[index] : 'a field';
    return `${range[1]} is out of range for ${name} (${range[2]}–${range[3]})`;
  }
  if (/day of month/i.test(raw)) return 'that day of month does not exist in the month given';
  return raw.replace(/\.$/, '').toLowerCase();
}
