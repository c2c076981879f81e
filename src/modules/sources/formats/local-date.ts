import { DateTime, IANAZone } from 'luxon';
import { quote } from '../../../shared/quote';

/** Years outside this range are typing errors (20170 for 2017), never real events. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A point in time a cell or field gives, and whether it named a day only. */
export interface ReadDate {
  date: Date;
  allDay: boolean;
}

/** The reason a year is unacceptable, or null when it is in MIN_YEAR..MAX_YEAR. */
export function yearProblem(year: number | string): string | null {
  const n = Number(year);
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? null : `year ${year} is outside ${MIN_YEAR}..${MAX_YEAR}`;
}

// luxon's isValidZone builds an Intl.DateTimeFormat on every call (2/3 of the time of a
// 2000-event ICS import, measured); the answer for a name never changes.
const zoneValidity = new Map<string, boolean>();

/** True when `zone` is an IANA zone name this runtime knows (remembered per name). */
export function isKnownZone(zone: string): boolean {
  let known = zoneValidity.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, known);
  }
  return known;
}

/** The zone to read local times in: the given IANA name when valid, else Europe/Berlin. */
export function zoneOrBerlin(zone: string | null | undefined): string {
  return zone && isKnownZone(zone) ? zone : 'Europe/Berlin';
}

const WITH_OFFSET = /^(\d+)-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d+)(?:[ ,T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*(?:Uhr|h))?)?$/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d+)(?:[ ,T]+(\d{1,2})[:h.](\d{2})(?::(\d{2}))?)?$/i;
const ISO_LOCAL = /^(\d+)-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const TIME_ONLY = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*(?:Uhr|h))?$/i;

function fromParts(
  parts: { year: string; month: string; day: string; hour?: string; minute?: string; second?: string },
  zone: string, original: string,
): ReadDate | string {
  if (parts.year.length !== 4) return yearProblem(parts.year) ?? `${quote(original)} has no four-digit year`;
  const problem = yearProblem(parts.year);
  if (problem) return problem;
  const allDay = parts.hour === undefined;
  const local = DateTime.fromObject({
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: allDay ? 0 : Number(parts.hour), minute: allDay ? 0 : Number(parts.minute), second: Number(parts.second ?? 0),
  }, { zone });
  if (!local.isValid) return `${quote(original)} is not a valid date`;
  return { date: local.toJSDate(), allDay };
}

/**
 * A date or date-time as spreadsheets and feeds write it: ISO 8601 with or without an offset,
 * `25.04.2017 10:00`, `25.04.2017`, `2017-04-25 10:00`, `25/04/2017`. Local times are in
 * `zone`; a date alone is midnight there and `allDay`. Returns a reason when unreadable.
 */
export function readDate(value: string, zone: string): ReadDate | string {
  const text = value.trim();
  if (text === '') return 'no date';
  const offset = WITH_OFFSET.exec(text);
  if (offset) {
    const problem = yearProblem(offset[1]) ?? (offset[1].length !== 4 ? `${quote(text)} has no four-digit year` : null);
    if (problem) return problem;
    const parsed = DateTime.fromISO(text.replace(' ', 'T').replace(/\s+(?=[Zz+-]\d*)/, ''), { setZone: true });
    return parsed.isValid ? { date: parsed.toJSDate(), allDay: false } : `${quote(text)} is not a valid date`;
  }
  let m = GERMAN.exec(text) ?? SLASHED.exec(text);
  if (m) return fromParts({ day: m[1], month: m[2], year: m[3], hour: m[4], minute: m[5], second: m[6] }, zone, text);
  m = ISO_LOCAL.exec(text);
  if (m) return fromParts({ year: m[1], month: m[2], day: m[3], hour: m[4], minute: m[5], second: m[6] }, zone, text);
  return `${quote(text)} is not a date this importer reads (ISO 8601, 25.04.2017 10:00, 2017-04-25 10:00)`;
}

/** A time of day alone (`18:00`, `18.00 Uhr`) on the local day of `day` in `zone`; null when not one. */
export function readTimeOnDay(value: string, day: Date, zone: string): Date | null {
  const m = TIME_ONLY.exec(value.trim());
  if (!m) return null;
  const local = DateTime.fromJSDate(day, { zone }).set({
    hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0), millisecond: 0,
  });
  return local.isValid ? local.toJSDate() : null;
}

/** Midnight at the start of the day after the local day of `day` in `zone` (the exclusive end of an all-day event). */
export function nextDayStart(day: Date, zone: string): Date {
  return DateTime.fromJSDate(day, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
}
