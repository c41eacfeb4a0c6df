// The schedules and matching retention of one generated policy.
import { durationOf } from '../../support/durations.mjs';
import { randomTools } from '../../support/random.mjs';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CRON_DAY = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/** Azure accepts schedule minutes 00 and 30 only (HBP120); the others are free. */
const AZURE_TIMES = ['00:00', '01:00', '01:30', '20:30', '22:00', '23:00', '23:30'];
const ANY_TIMES = [...AZURE_TIMES, '02:15', '21:45', '23:15'];
const SNAPSHOT_TIME = '04:30'; // never one of the data backup times above: no HBP108 by accident

/** The schedules and matching retention of one policy, written the way administrators write them. */
export function scheduleAndRetention({ azure, mistake, rpoMinutes, snapshot, forceInterval, random }) {
  const { pick, chance, int } = randomTools(random);
  const time = mistake === 'bad-time' ? '24:30' : pick(azure ? AZURE_TIMES : ANY_TIMES);
  const fullDay = pick(DAYS);
  const otherDays = DAYS.filter((d) => d !== fullDay);
  const fullForm = azure
    ? pick(['weekly', 'weekly', 'daily'])
    : pick(['weekly', 'weekly', 'daily', 'cron', 'monthly']);
  // More than 6 incrementals between two fulls is HBP113: monthly fulls get differentials.
  const deltaChoices = fullForm === 'monthly' ? ['differential'] : ['differential', 'incremental'];
  const delta = mistake === 'both-deltas' ? 'both' : fullForm === 'daily' ? undefined : pick(deltaChoices);
  const [hh, mm] = time.split(':');
  const cronMinute = Number(mm);
  const cronHour = Number(hh);

  const schedules = ['  schedules:'];
  if (fullForm === 'weekly') schedules.push(`    full: { every: week, on: [${fullDay}], at: "${time}" }`);
  else if (fullForm === 'daily') schedules.push(`    full: { every: day, at: "${time}" }`);
  else if (fullForm === 'monthly') schedules.push(`    full: { every: month, on: [1], at: "${time}" }`);
  else {
    const hour = mistake === 'bad-cron' ? 25 : cronHour;
    schedules.push(`    full: { cron: "${cronMinute} ${hour} * * ${CRON_DAY[fullDay]}" }`);
  }
  const deltaKinds = delta === 'both' ? ['differential', 'incremental'] : delta ? [delta] : [];
  deltaKinds.forEach((kind, i) => {
    // A daily delta at the time of a monthly full would collide with it on the 1st (HBP108).
    const deltaTime = i === 0 && fullForm !== 'monthly' ? time : '12:00';
    if (fullForm === 'monthly') schedules.push(`    ${kind}: { every: day, at: "${deltaTime}" }`);
    else if (fullForm === 'cron' && i === 0) {
      const days = otherDays.map((d) => CRON_DAY[d]).join(',');
      schedules.push(`    ${kind}: { cron: "${cronMinute} ${cronHour} * * ${days}" }`);
    } else schedules.push(`    ${kind}: { every: day, on: [${otherDays.join(', ')}], at: "${deltaTime}" }`);
  });
  if (snapshot) schedules.push(`    snapshot: { every: day, at: "${SNAPSHOT_TIME}" }`);
  const intervalMinutes = forceInterval ?? (mistake === 'rpo-not-met' ? rpoMinutes * 2 : rpoMinutes);
  schedules.push(`    log: { interval: ${durationOf(intervalMinutes)} }`);

  const retention = ['  retention:'];
  if (fullForm === 'daily') {
    retention.push(chance(0.5) ? `    full: { daily: 14d, weekly: ${int(4, 8)}w }` : '    full: 30d');
  } else if (fullForm === 'monthly') {
    retention.push(`    full: { monthly: ${int(6, 24)}mo, yearly: ${int(3, 10)}y }`);
  } else {
    const weekly = mistake === 'short-retention' ? '5d' : `${int(4, 12)}w`;
    const yearly = chance(0.4) ? `, yearly: ${int(3, 10)}y` : '';
    retention.push(`    full: { weekly: ${weekly}, monthly: ${int(6, 24)}mo${yearly} }`);
  }
  for (const kind of deltaKinds)
    retention.push(`    ${kind}: ${pick(azure ? ['14d', '30d'] : ['14d', '21d'])}`);
  if (snapshot) retention.push('    snapshot: 3d');
  // Logs kept longer than any data backup would be HBP109; 4w is the shortest full retention here.
  retention.push(`    log: ${mistake === 'minutes-retention' ? '14m' : pick(['14d', '21d', '28d'])}`);
  if (chance(0.3)) retention.push('    deleteFromDestination: true');
  return [...schedules, ...retention];
}
