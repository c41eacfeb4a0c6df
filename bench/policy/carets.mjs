// Where completion is requested: carets of six kinds spread over the generated file.
import { shuffled } from '../support/random.mjs';

/**
 * Carets for completion, 40 of each kind, spread over the whole file and shuffled (seeded) so the
 * kinds interleave: keys under spec and under spec.schedules, values for `every`, inside `on: [`,
 * time zones, and durations (log interval, objectives, retention).
 */
export function completionCarets(lines, random) {
  const found = { specKey: [], scheduleKey: [], every: [], on: [], timezone: [], duration: [] };
  let section;
  lines.forEach((text, line) => {
    const specChild = /^ {2}(\w+):/.exec(text);
    if (specChild) {
      section = specChild[1];
      found.specKey.push({ line, character: 2 });
    } else if (/^\S/.test(text)) section = undefined;
    if (section === 'schedules' && /^ {4}\w+:/.test(text)) found.scheduleKey.push({ line, character: 4 });
    const after = (needle, bucket) => {
      const at = text.indexOf(needle);
      if (at >= 0) found[bucket].push({ line, character: at + needle.length });
    };
    after('every: ', 'every');
    after('on: [', 'on');
    after('  timezone: ', 'timezone');
    const duration =
      /\b(interval|rpo|rto|daily|weekly|monthly|yearly|differential|incremental|log): \d+(mo|[smhdwy])\b/.exec(
        text,
      );
    if (duration) found.duration.push({ line, character: duration.index + duration[1].length + 2 });
  });
  const spread = (list, n) => Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
  return shuffled(
    [
      ...spread(found.specKey, 20).map((position) => ({ kind: 'key under spec', position })),
      ...spread(found.scheduleKey, 20).map((position) => ({ kind: 'key under schedules', position })),
      ...spread(found.every, 40).map((position) => ({ kind: 'every value', position })),
      ...spread(found.on, 40).map((position) => ({ kind: 'on: [', position })),
      ...spread(found.timezone, 40).map((position) => ({ kind: 'timezone', position })),
      ...spread(found.duration, 40).map((position) => ({ kind: 'duration', position })),
    ],
    random,
  );
}
