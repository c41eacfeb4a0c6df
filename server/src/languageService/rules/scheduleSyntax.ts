import type { DocumentContext } from '../diagnostics/documentContext';
import { DAY_NAMES, isValidTimeZone, parseMonthDay, parseWeekday, readSchedule } from '../model/policyModel';
import { checkCron } from '../schedules/cron';
import { occurrencesOf } from '../schedules/occurrences';
import { proposeKey } from '../schema/schemaDiagnostics';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** HBP007 for what a pattern cannot say (zones, cron, `on` by `every`), HBP008 for `cron` with `every/on/at`. */
export function checkScheduleSyntax(ctx: DocumentContext): void {
  const spec = record(record(ctx.doc.value)?.spec);
  if (!spec) return;
  if (typeof spec.timezone === 'string' && !isValidTimeZone(spec.timezone)) {
    ctx.report(
      'HBP007',
      ctx.valueRange(['spec', 'timezone']),
      `Unknown time zone "${spec.timezone}": use an IANA zone such as \`Europe/Berlin\`, \`America/Chicago\` or \`UTC\`.`,
    );
  }
  const schedules = record(spec.schedules);
  if (!schedules) return;
  for (const kind of ['full', 'differential', 'incremental', 'snapshot']) {
    const schedule = record(schedules[kind]);
    if (!schedule) continue;
    const base = ['spec', 'schedules', kind];
    if ('cron' in schedule) {
      const mixed = ['every', 'on', 'at'].filter((key) => key in schedule);
      for (const key of mixed) {
        ctx.report(
          'HBP008',
          ctx.keyRange([...base, key]),
          `\`${key}\` cannot be combined with \`cron\`: write the schedule either as \`cron\` or as \`every\`/\`on\`/\`at\`.`,
        );
      }
      if (typeof schedule.cron === 'string') {
        const check = checkCron(schedule.cron);
        if (!check.ok)
          ctx.report('HBP007', ctx.valueRange([...base, 'cron']), `${capitalise(check.message)}.`);
      }
    }
    checkOn(ctx, base, schedule);
    const parsed = readSchedule(schedule);
    const runs = parsed ? occurrencesOf(parsed) : undefined;
    if (parsed && runs && runs.minutes.length === 0) {
      ctx.report(
        'HBP007',
        ctx.keyRange(base),
        `The \`${kind}\` schedule never runs: no day matches it. Check its days.`,
      );
    }
  }
}

function checkOn(ctx: DocumentContext, base: string[], schedule: Record<string, unknown>): void {
  if (!('on' in schedule) || schedule.on === null) return;
  const every = schedule.every;
  if (Array.isArray(schedule.on) && schedule.on.length === 0) {
    // An empty list would silently drop the schedule: it never runs.
    ctx.report(
      'HBP007',
      ctx.valueRange([...base, 'on']),
      every === 'month'
        ? '`on` is empty, so this schedule never runs: list the days of month (`1`…`31`, `last`).'
        : '`on` is empty, so this schedule never runs: list the days (e.g. `[sun]`), or leave `on` out for every day.',
    );
    return;
  }
  const values = Array.isArray(schedule.on) ? schedule.on : [schedule.on];
  values.forEach((value, index) => {
    const path = Array.isArray(schedule.on) ? [...base, 'on', index] : [...base, 'on'];
    if (every === 'month') {
      if (parseMonthDay(value) === undefined) {
        ctx.report(
          'HBP007',
          ctx.valueRange(path),
          `\`${String(value)}\` is not a day of month: \`every: month\` runs on days \`1\`…\`31\` or \`last\`.`,
        );
      }
    } else if (parseWeekday(value) === undefined) {
      const proposal =
        typeof value === 'string' ? proposeKey(value.toLowerCase().slice(0, 3), [...DAY_NAMES]) : undefined;
      const hint =
        typeof value === 'number'
          ? ` (days of month need \`every: month\`)`
          : proposal
            ? `: did you mean \`${proposal}\`?`
            : '';
      ctx.report(
        'HBP007',
        ctx.valueRange(path),
        `\`${String(value)}\` is not a day name: use ${DAY_NAMES.slice(1)
          .concat('sun')
          .map((d) => `\`${d}\``)
          .join(', ')}${hint}.`,
        { data: proposal ? { proposal } : undefined },
      );
    }
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
