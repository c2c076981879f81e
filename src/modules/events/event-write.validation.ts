import countries from 'i18n-iso-countries';
import { DateTime } from 'luxon';
import { BadUserInputError } from '../../shared/errors';
import { checkedEmail } from '../../shared/email';
import { checkedPhone } from '../../shared/phone';
import { formatInZone } from '../../shared/time';
import { httpUrl, isBlank, localized, text } from '../../shared/input-checks';
import { keyOf } from '../../shared/global-id';
import type { Language } from '../../shared/i18n';
import { isNutsCode } from '../regions';
import { organizerKeyOf } from '../organizers';
import type { LocalizedTextInput } from '../../shared/localized-text.input';
import type { EventContactInput, EventFieldsInput, VenueInput } from './event-write.inputs';
import type { ContactValues, EventValues, OrganizerRef, VenueValues } from './event-write.values';
import { quote } from '../../shared/quote';

/** Longest title, in characters (code points), in each language. */
export const MAX_TITLE = 300;
/** Longest description, in characters, in each language. */
export const MAX_DESCRIPTION = 20_000;
/** Longest URL, in characters (the column's width). */
export const MAX_URL = 1000;
/** Most organisers or patrons one event names. */
export const MAX_REFERENCES = 50;
/** The zone of an event that names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** What validation looks up in the database (through the mutation's transaction). */
export interface WriteLookups {
  regionExists(code: string): Promise<boolean>;
  /** The keys among refs that exist as organisers of the kind their id names. */
  existingOrganizers(refs: OrganizerRef[]): Promise<Set<number>>;
  existingPatrons(keys: number[]): Promise<Set<number>>;
  campaignIdBySlug(slug: string): Promise<number | null>;
}

/**
 * The checked values of an event from a client's input: all of EventInput for a new event
 * (`current` null), or a patch over the `current` values (a field left out keeps its value,
 * null clears an optional one). Throws BAD_USER_INPUT naming the input path at fault, e.g.
 * `input.title.de`, `patch.endsAt` or `input.organizerIds[1]`, at the first problem found;
 * nothing has been written when it does.
 */
export async function checkEventValues(
  source: EventFieldsInput, path: 'input' | 'patch', lookups: WriteLookups, current: EventValues | null,
  options: { organizersOptional?: boolean } = {},
): Promise<EventValues> {
  const at = (field: keyof EventFieldsInput) => `${path}.${field}`;
  /** True when the field is to be (re)written: always for a new event, else when the patch has it. */
  const given = (field: keyof EventFieldsInput) => current === null || source[field] !== undefined;
  /** The value of a field an event cannot be without. */
  const need = <K extends keyof EventFieldsInput>(field: K): NonNullable<EventFieldsInput[K]> => {
    const v = source[field];
    if (v == null) throw new BadUserInputError(`${field} is required and cannot be cleared.`, at(field));
    return v as NonNullable<EventFieldsInput[K]>;
  };
  const keep = current as EventValues;

  const title = given('title') ? eventText(need('title'), at('title'), MAX_TITLE, true) : null;
  const description = given('description') && source.description != null
    ? eventText(source.description, at('description'), MAX_DESCRIPTION, false) : null;
  const startsAt = given('startsAt') ? instant(need('startsAt'), at('startsAt')) : keep.startsAt;
  let endsAt = given('endsAt') ? (source.endsAt == null ? null : instant(source.endsAt, at('endsAt'))) : keep.endsAt;
  if (endsAt !== null && endsAt < startsAt) {
    // Blame the value the caller sent: the end, or in a patch moving only the start, the start.
    throw new BadUserInputError('The event cannot end before it starts.', at(source.endsAt != null || source.startsAt == null ? 'endsAt' : 'startsAt'));
  }
  const zone = given('timeZone') ? timeZone(source.timeZone ?? DEFAULT_TIME_ZONE, at('timeZone')) : keep.timeZone;
  const allDay = given('allDay') ? source.allDay === true : keep.allDay;
  if (allDay) {
    // Blame what the caller sent: the time itself, else the switch to all-day, else the new zone.
    const blame = (time: 'startsAt' | 'endsAt') => at(source[time] != null ? time : source.allDay != null ? 'allDay' : 'timeZone');
    endsAt = allDayEnd(startsAt, endsAt, zone, blame);
  }
  const place = given('venue') ? (source.venue == null ? null : venue(source.venue, at('venue'))) : keep.venue;

  return {
    titleDe: title ? title.de as string : keep.titleDe,
    titleFr: title ? title.fr : keep.titleFr,
    titleEn: title ? title.en : keep.titleEn,
    descriptionDe: given('description') ? description?.de ?? null : keep.descriptionDe,
    descriptionFr: given('description') ? description?.fr ?? null : keep.descriptionFr,
    descriptionEn: given('description') ? description?.en ?? null : keep.descriptionEn,
    category: given('category') ? need('category') : keep.category,
    startsAt,
    endsAt,
    timeZone: zone,
    venue: place,
    regionCode: given('region') ? await region(need('region'), at('region'), lookups) : keep.regionCode,
    // Imports keep an event no known organiser runs (the contract's "Sources"); clients name one.
    organizers: given('organizerIds')
      ? (options.organizersOptional && (source.organizerIds ?? []).length === 0
        ? [] : await organizers(need('organizerIds'), at('organizerIds'), lookups))
      : keep.organizers,
    campaignId: given('campaign')
      ? (source.campaign == null ? null : await campaign(source.campaign, at('campaign'), lookups)) : keep.campaignId,
    patronIds: given('patronIds') ? await patrons(source.patronIds ?? [], at('patronIds'), lookups) : keep.patronIds,
    languages: given('languages') ? [...new Set<Language>(source.languages ?? [])] : keep.languages,
    url: given('url') ? httpUrl(source.url, at('url'), MAX_URL) : keep.url,
    registrationUrl: given('registrationUrl') ? httpUrl(source.registrationUrl, at('registrationUrl'), MAX_URL) : keep.registrationUrl,
    contact: given('contact')
      ? (source.contact == null ? null : contact(source.contact, at('contact'), place?.country ?? 'DE')) : keep.contact,
    allDay,
  };
}

/**
 * The end of an all-day event, checked: its start and end must be midnights in its zone
 * (RFC 5545's DTSTART/DTEND;VALUE=DATE, end exclusive), the end at least a day later; a
 * missing end means one day. Times are refused rather than rounded: rounding an instant
 * to "its" day silently moves events sent as UTC midnights across a date line.
 */
function allDayEnd(startsAt: number, endsAt: number | null, zone: string, blame: (time: 'startsAt' | 'endsAt') => string): number {
  const start = DateTime.fromMillis(startsAt, { zone });
  const startDay = start.startOf('day');
  if (!start.equals(startDay)) {
    throw new BadUserInputError(
      `An all-day event starts at a midnight in ${zone}, e.g. ${formatInZone(startDay.toMillis(), zone)}; got ${formatInZone(startsAt, zone)}.`, blame('startsAt'));
  }
  const nextDay = startDay.plus({ days: 1 }).toMillis();
  if (endsAt === null) return nextDay;
  const end = DateTime.fromMillis(endsAt, { zone });
  if (!end.equals(end.startOf('day')) || endsAt < nextDay) {
    throw new BadUserInputError(
      `An all-day event ends at the midnight after its last day in ${zone} (exclusive), e.g. ${formatInZone(nextDay, zone)} for one day; got ${formatInZone(endsAt, zone)}.`,
      blame('endsAt'));
  }
  return endsAt;
}

/** The contact as stored: the e-mail address checked, the phone number in E.164 (read in `country` without a country code); null when all are empty. */
function contact(input: EventContactInput, field: string, country: string): ContactValues | null {
  const name = text(input.name, `${field}.name`, 200);
  const email = checkedEmail(input.email, `${field}.email`);
  const phone = checkedPhone(input.phone, `${field}.phone`, country);
  return name === null && email === null && phone === null ? null : { name, email, phone };
}

/** Title (German required) or description (may be left out; German whenever any language is given). */
function eventText(input: LocalizedTextInput, field: string, max: number, isTitle: boolean): LocalizedFields {
  if (!isTitle && isBlank(input)) return { de: null, fr: null, en: null };
  return localized(input, field, max, !isTitle);
}

function instant(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  // Years 1000–9999 keep every formatting of the instant a plain ISO 8601 string.
  if (!Number.isFinite(ms) || ms < Date.UTC(1000, 0, 1) || ms >= Date.UTC(9999, 0, 1)) {
    throw new BadUserInputError(`${field} is not a usable date-time.`, field);
  }
  return ms;
}

/** The canonical name of an IANA zone (any case accepted), or BAD_USER_INPUT. */
function timeZone(value: string, field: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 64) throw new BadUserInputError(`${field} must be an IANA time zone such as Europe/Berlin.`, field);
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new BadUserInputError(`Unknown time zone ${quote(value)}: expected an IANA name such as Europe/Berlin.`, field);
  }
}

function venue(input: VenueInput, field: string): VenueValues {
  const country = (input.country ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country) || !countries.isValid(country)) {
    throw new BadUserInputError(`${field}.country must be an ISO 3166-1 alpha-2 country code such as DE, got ${quote(input.country)}.`, `${field}.country`);
  }
  return {
    name: text(input.name, `${field}.name`, 300),
    street: text(input.street, `${field}.street`, 300),
    postalCode: text(input.postalCode, `${field}.postalCode`, 20),
    city: text(input.city, `${field}.city`, 200),
    country,
    latitude: coordinate(input.latitude, `${field}.latitude`, 90),
    longitude: coordinate(input.longitude, `${field}.longitude`, 180),
  };
}

function coordinate(value: number | null | undefined, field: string, limit: number): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < -limit || value > limit) {
    throw new BadUserInputError(`${field} must be between -${limit} and ${limit}, got ${value}.`, field);
  }
  return value;
}

async function region(value: string, field: string, lookups: WriteLookups): Promise<string> {
  const code = value.trim().toUpperCase();
  if (!isNutsCode(code) || !(await lookups.regionExists(code))) {
    throw new BadUserInputError(`Unknown region ${quote(value)}: expected a NUTS code such as DE1 or DE111.`, field);
  }
  return code;
}

async function organizers(ids: string[], field: string, lookups: WriteLookups): Promise<OrganizerRef[]> {
  if (ids.length === 0) throw new BadUserInputError('An event needs at least one organiser.', field);
  const refs = references(ids, field, organizerKeyOf, 'a ministry, initiative or network');
  const existing = await lookups.existingOrganizers(refs);
  const missing = refs.findIndex((r) => !existing.has(r.key));
  if (missing >= 0) throw new BadUserInputError(`Unknown organiser ${quote(ids[missing])}.`, `${field}[${missing}]`);
  return refs;
}

async function patrons(ids: string[], field: string, lookups: WriteLookups): Promise<number[]> {
  const keys = references(ids, field, (id) => {
    const key = keyOf(id, 'Patron');
    return key === null ? null : { key };
  }, 'a patron').map((r) => r.key);
  const existing = await lookups.existingPatrons(keys);
  const missing = keys.findIndex((k) => !existing.has(k));
  if (missing >= 0) throw new BadUserInputError(`Unknown patron ${quote(ids[missing])}.`, `${field}[${missing}]`);
  return keys;
}

/** Decodes a list of global ids; each malformed or repeated one is refused at its index. */
function references<R extends { key: number }>(ids: string[], field: string, decode: (id: string) => R | null, what: string): R[] {
  if (ids.length > MAX_REFERENCES) throw new BadUserInputError(`At most ${MAX_REFERENCES} ids, got ${ids.length}.`, field);
  const seen = new Set<number>();
  return ids.map((id, i) => {
    const ref = decode(id);
    if (ref === null) throw new BadUserInputError(`${quote(id)} is not the id of ${what}.`, `${field}[${i}]`);
    if (seen.has(ref.key)) throw new BadUserInputError(`${quote(id)} is named twice.`, `${field}[${i}]`);
    seen.add(ref.key);
    return ref;
  });
}

async function campaign(slug: string, field: string, lookups: WriteLookups): Promise<number> {
  const id = slug.includes('\u0000') ? null : await lookups.campaignIdBySlug(slug.trim());
  if (id === null) throw new BadUserInputError(`Unknown campaign ${quote(slug)}.`, field);
  return id;
}


/** A localized text as an event stores it: every language may be null (a description left out). */
interface LocalizedFields { de: string | null; fr: string | null; en: string | null }
