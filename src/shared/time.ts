import { DateTime, IANAZone } from 'luxon';

// Rendering a time in a zone is on the hot path (two per event in every list), and luxon
// asks Intl for the zone's offset on every call (the benchmark's profile: 6 % of Q1/Q2).
// Offsets change only at transitions, so the offset of each quarter hour of each zone is
// remembered once known to hold for the whole quarter hour; a quarter hour that contains a
// transition is never cached and asks luxon every time.
const QUARTER_HOUR = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, number>();

/** The zone's UTC offset in minutes at an instant; null for a zone luxon does not know. */
function offsetMinutes(epochMs: number, timeZone: string): number | null {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${timeZone}\u0000${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) return null;
  const start = zone.offset(bucket * QUARTER_HOUR);
  if (start !== zone.offset((bucket + 1) * QUARTER_HOUR - 1)) return zone.offset(epochMs);
  if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
  offsetCache.set(key, start);
  return start;
}

/** "2017-04-20T10:00:00" or "…:00.250" (milliseconds only when not zero, as luxon does). */
function isoLocal(shiftedMs: number): string {
  const iso = new Date(shiftedMs).toISOString();
  return iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1);
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.trunc(abs / 60)).padStart(2, '0');
  const mm = String(Math.trunc(abs % 60)).padStart(2, '0'); // local mean times have seconds
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

const UTC_NAMES = new Set(['utc', 'gmt', 'z']);

/**
 * An instant (epoch ms) rendered in an IANA zone's offset: 2017-04-20T10:00:00+02:00
 * (UTC itself as …Z). The same text luxon's toISO gives; an unknown zone renders in UTC.
 */
export function formatInZone(epochMs: number, timeZone: string): string {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < 1 || year > 9998 || UTC_NAMES.has(timeZone.toLowerCase())) return formatUtc(epochMs);
  const offset = offsetMinutes(epochMs, timeZone);
  if (offset === null) return formatUtc(epochMs);
  return `${isoLocal(epochMs + offset * 60_000)}${offsetText(offset)}`;
}

/** An instant rendered in UTC with a Z: used for createdAt/updatedAt. */
export function formatUtc(epochMs: number): string {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < 1 || year > 9999) return DateTime.fromMillis(epochMs, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;
  return `${isoLocal(epochMs)}Z`;
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
