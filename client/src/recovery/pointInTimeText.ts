/**
 * A recovery point as an administrator types it. A time given in the wrong zone recovers to the
 * wrong hour without any error, so a time without a zone is refused — except HANA's own
 * 'YYYY-MM-DD HH:MM:SS', which is what UNTIL TIMESTAMP and the catalog's UTC_* columns show, and
 * therefore means UTC. Local time is never guessed: VS Code rarely runs in the server's zone.
 */
export const POINT_IN_TIME_FORMS =
  "ISO 8601 with a zone (2026-11-20T14:30:00Z, 2026-11-20T15:30:00+01:00) or 'YYYY-MM-DD HH:MM:SS' (UTC)";

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const HANA = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const MAX_OFFSET_MINUTES = 14 * 60;

/** The instant, or undefined when the text is not one of {@link POINT_IN_TIME_FORMS} or no real time. */
export function parsePointInTime(input: string): Date | undefined {
  const text = input.trim();
  const iso = ISO.exec(text);
  const parts = iso ?? HANA.exec(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second = '0', fraction = '0'] = parts.slice(1, 8);
  const fields = [year, month, day, hour, minute, second].map(Number);
  const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
  const back = new Date(wall);
  // Date.UTC rolls 2026-02-30 over into March; such a time was mistyped, not meant.
  const exact =
    back.getUTCFullYear() === fields[0] &&
    back.getUTCMonth() === fields[1] - 1 &&
    back.getUTCDate() === fields[2] &&
    back.getUTCHours() === fields[3] &&
    back.getUTCMinutes() === fields[4] &&
    back.getUTCSeconds() === fields[5];
  const offsetMinutes =
    iso?.[9] === undefined ? 0 : (iso[9] === '-' ? -1 : 1) * (Number(iso[10]) * 60 + Number(iso[11]));
  if (!exact || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES || Number(iso?.[11] ?? 0) > 59) return undefined;
  return new Date(wall + Number(fraction.padEnd(3, '0')) - offsetMinutes * 60_000);
}
