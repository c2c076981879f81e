import { DateTime } from 'luxon';
import { ICalCalendar, ICalEvent, ICalEventStatus, ICalEventTransparency, escape } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { Language, pick } from '../shared/i18n';
import { EventStatus } from '../modules/events';
import { cancellationReason, type EventFeedSource, type FeedEvent } from './event-feed-source';
import { foldContentLines } from './ics-fold';
import { CATEGORY_LABELS, FEED_WORDS, countryName, organizerName } from './feed-labels';
import { labelled } from '../shared/french-typography';

/** The zone every feed describes, whatever its events use: the default of the data. */
const DEFAULT_ZONE = 'Europe/Berlin';

/** How often subscribed calendars should pull again. */
const REFRESH = 'PT1H';

/**
 * The feed as RFC 5545 text, piece by piece: the calendar's properties and a VTIMEZONE for
 * Europe/Berlin and every other zone of the selection, then one piece per chunk of
 * events, then the end. Properties are written and escaped by ical-generator; lines end in
 * CRLF and are folded at 75 octets of UTF-8, never inside a character.
 */
export async function* icsFeed(source: EventFeedSource, lang: Language): AsyncGenerator<string> {
  const zones = new Map<string, Vtimezone>();
  for (const zone of new Set([DEFAULT_ZONE, ...(await source.timeZones())])) {
    const vtimezone = vtimezoneOf(zone);
    if (vtimezone) zones.set(zone, vtimezone);
  }
  yield icsHeader(lang, [...new Set([...zones.values()].map((z) => z.block))]);
  // ICalEvent wants a calendar to ask for its zone; this one has none and holds no events.
  const calendar = new ICalCalendar();
  for await (const chunk of source.chunks()) {
    yield chunk.map((e) => icsEvent(e, lang, calendar, zones.get(e.event.timeZone)?.tzid ?? null)).join('');
  }
  yield 'END:VCALENDAR\r\n';
}

/** A zone's VTIMEZONE block and the TZID it defines (an alias such as UTC becomes Etc/UTC). */
interface Vtimezone {
  tzid: string;
  block: string;
}

/** From timezones-ical-library (current IANA data, Outlook-friendly RRULEs); null for a zone it does not know. */
function vtimezoneOf(zone: string): Vtimezone | null {
  const found = tzlib_get_ical_block(zone);
  if (!Array.isArray(found) || !found[0] || !found[1]) return null;
  return { tzid: found[1].replace(/^TZID=/, ''), block: found[0].trim() };
}

function icsHeader(lang: Language, vtimezones: string[]): string {
  const name = escape(FEED_WORDS.calendarName[lang], false);
  return foldContentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//clustergraph//Events feed//${lang}`,
    'CALSCALE:GREGORIAN',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    ...vtimezones.map((b) => b.replace(/\r?\n/g, '\r\n')),
  ].join('\r\n')) + '\r\n';
}

const STATUS: Record<EventStatus, ICalEventStatus> = {
  [EventStatus.PUBLISHED]: ICalEventStatus.CONFIRMED,
  [EventStatus.CANCELLED]: ICalEventStatus.CANCELLED,
  [EventStatus.DRAFT]: ICalEventStatus.TENTATIVE,
  [EventStatus.SUBMITTED]: ICalEventStatus.TENTATIVE,
  [EventStatus.REJECTED]: ICalEventStatus.TENTATIVE,
};

/**
 * One VEVENT. The UID is the event's GraphQL id, so it is the same on every pull and
 * calendars update events in place; DTSTAMP and LAST-MODIFIED are the last change (no
 * METHOD: RFC 5545 then means the revision time), SEQUENCE counts versions. Times carry
 * the event's TZID when a VTIMEZONE for it is in the feed, else they are UTC.
 */
export function icsEvent(fe: FeedEvent, lang: Language, calendar: ICalCalendar, tzid: string | null): string {
  const e = fe.event;
  // An all-day event's dates are those of its own zone (DTSTART;VALUE=DATE, DTEND the day
  // after its last, exclusive; ical-generator writes a luxon date in the zone it carries).
  const zone = e.allDay ? e.timeZone : tzid ?? 'utc';
  const title = pick({ de: e.titleDe, fr: e.titleFr, en: e.titleEn }, lang) ?? e.titleDe;
  const campaign = fe.campaign && pick({ de: fe.campaign.nameDe, fr: fe.campaign.nameFr, en: fe.campaign.nameEn }, lang);
  const event = new ICalEvent({
    id: icsUid(e.id),
    sequence: Math.max(0, e.version - 1),
    stamp: utc(e.updatedAt),
    created: utc(e.createdAt),
    lastModified: utc(e.updatedAt),
    start: DateTime.fromMillis(e.startsAt, { zone }),
    end: e.endsAt === null ? (e.allDay ? DateTime.fromMillis(e.startsAt, { zone }).plus({ days: 1 }) : null) : DateTime.fromMillis(e.endsAt, { zone }),
    timezone: e.allDay ? null : tzid,
    allDay: e.allDay,
    summary: e.status === EventStatus.CANCELLED ? labelled(FEED_WORDS.cancelled[lang], title, lang) : title,
    description: descriptionOf(fe, lang),
    location: locationOf(fe, lang),
    categories: [{ name: CATEGORY_LABELS[e.category][lang] }, ...(campaign ? [{ name: campaign }] : [])],
    status: STATUS[e.status],
    transparency: ICalEventTransparency.TRANSPARENT,
    url: e.url ?? e.registrationUrl ?? null,
  }, calendar);
  return foldContentLines(event.toString());
}

/** The UID of an event in feeds: its global id, which never changes for a record. */
export function icsUid(globalId: string): string {
  return `${globalId}@clustergraph`;
}

function utc(epochMs: number): DateTime {
  return DateTime.fromMillis(epochMs, { zone: 'utc' });
}

/**
 * Why a cancelled event was called off (first: calendars show DESCRIPTION, and no
 * standard property holds a reason), the description in `lang`, then who organises it and
 * where to register. The reason is one text as its author wrote it, in no particular language.
 */
function descriptionOf(fe: FeedEvent, lang: Language): string | null {
  const e = fe.event;
  const parts: string[] = [];
  const reason = cancellationReason(e);
  if (reason) parts.push(labelled(FEED_WORDS.cancelled[lang], reason, lang));
  const text = pick({ de: e.descriptionDe, fr: e.descriptionFr, en: e.descriptionEn }, lang);
  if (text) parts.push(text);
  const lines: string[] = [];
  if (fe.organizers.length > 0) {
    lines.push(labelled(FEED_WORDS.organizers[lang], fe.organizers.map((o) => organizerName(o, lang)).join(', '), lang));
  }
  if (e.registrationUrl) lines.push(labelled(FEED_WORDS.registration[lang], e.registrationUrl, lang));
  if (lines.length) parts.push(lines.join('\n'));
  return parts.length ? parts.join('\n\n') : null;
}

/**
 * The venue as one line ("Messegelände Hannover, 30521 Hannover, Deutschland"), with GEO
 * when it has coordinates; the region's name when the venue says nothing more than a country.
 */
function locationOf(fe: FeedEvent, lang: Language): { title: string; geo?: { lat: number; lon: number } } | null {
  const e = fe.event;
  const place = [e.venueName, e.venueStreet, [e.venuePostalCode, e.venueCity].filter(Boolean).join(' ')]
    .filter((s): s is string => !!s && s.trim() !== '');
  if (place.length === 0 && fe.region) place.push(pick({ de: fe.region.nameDe, fr: fe.region.nameFr, en: fe.region.nameEn }, lang) ?? fe.region.nameDe);
  const country = e.venueCountry ?? e.country;
  if (place.length === 0) return null;
  const title = [...place, countryName(country, lang)].join(', ');
  const geo = e.venueLatitude !== null && e.venueLongitude !== null ? { lat: e.venueLatitude, lon: e.venueLongitude } : undefined;
  return geo ? { title, geo } : { title };
}
