import { DateTime } from 'luxon';

/** An instant (epoch ms) rendered in an IANA zone's offset: 2017-04-20T10:00:00+02:00. */
export function formatInZone(epochMs: number, timeZone: string): string {
  const dt = DateTime.fromMillis(epochMs, { zone: timeZone });
  const valid = dt.isValid ? dt : DateTime.fromMillis(epochMs, { zone: 'utc' });
  return valid.toISO({ suppressMilliseconds: true, includeOffset: true }) as string;
}

/** An instant rendered in UTC with a Z: used for createdAt/updatedAt. */
export function formatUtc(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;
}

/** The wall-clock time of an instant in a zone, "YYYY-MM-DDTHH:mm:ss" (for month grouping). */
export function localWallClock(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/** The instant of a wall-clock time ("YYYY-MM-DDTHH:mm[:ss]") in a zone. */
export function instantOfWallClock(local: string, timeZone: string): number {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`invalid local time ${local} in ${timeZone}: ${dt.invalidExplanation}`);
  return dt.toMillis();
}
