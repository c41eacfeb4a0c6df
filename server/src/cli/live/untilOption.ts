/** `--until TIME` of plan-recovery: the forms the extension's input box takes, a usage error otherwise. */
import { parsePointInTime, POINT_IN_TIME_FORMS } from '../../../../client/src/recovery/pointInTimeText';
import { UsageError } from '../lintFiles';

export const UNTIL_FORMS = POINT_IN_TIME_FORMS;

export function parseUntil(text: string): Date {
  const date = parsePointInTime(text);
  if (!date) throw new UsageError(`--until "${text}" is not a valid time: use ${UNTIL_FORMS}`);
  return date;
}
