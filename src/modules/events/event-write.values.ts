import type { Language } from '../../shared/i18n';
import type { EventCategory } from './event.enums';
import type { Event } from './event.entity';
import type { OrganizerKind } from '../organizers';

/** A venue as stored: every part but the country may be unknown (null). */
export interface VenueValues {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

/** The person to ask about an event: a name, an e-mail address or an E.164 number, at least one. */
export interface ContactValues {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** An organiser named on an event: its numeric key and kind (the kind makes its global id). */
export interface OrganizerRef {
  key: number;
  kind: OrganizerKind;
}

/**
 * Everything a client writes about an event, checked and normalised: texts trimmed (empty
 * is null), times as epoch ms, references as numeric keys. Derived columns (title_sort,
 * starts_local, country, nuts1, nuts2), slug, status and the bookkeeping columns are not
 * here: the store computes or sets them.
 */
export interface EventValues {
  titleDe: string;
  titleFr: string | null;
  titleEn: string | null;
  descriptionDe: string | null;
  descriptionFr: string | null;
  descriptionEn: string | null;
  category: EventCategory;
  startsAt: number;
  endsAt: number | null;
  timeZone: string;
  venue: VenueValues | null;
  regionCode: string;
  organizers: OrganizerRef[];
  campaignId: number | null;
  patronIds: number[];
  languages: Language[];
  url: string | null;
  registrationUrl: string | null;
  contact: ContactValues | null;
  allDay: boolean;
}

/** The event's links as stored, in their order. */
export interface EventLinks {
  organizers: OrganizerRef[];
  patronIds: number[];
}

/** The values of a stored event: what a patch starts from. */
export function valuesOf(e: Event, links: EventLinks): EventValues {
  return {
    titleDe: e.titleDe, titleFr: e.titleFr, titleEn: e.titleEn,
    descriptionDe: e.descriptionDe, descriptionFr: e.descriptionFr, descriptionEn: e.descriptionEn,
    category: e.category, startsAt: e.startsAt, endsAt: e.endsAt, timeZone: e.timeZone,
    venue: venueOf(e),
    regionCode: e.regionCode,
    organizers: links.organizers.map((o) => ({ key: o.key, kind: o.kind })),
    campaignId: e.campaignId,
    patronIds: [...links.patronIds],
    languages: e.languages as Language[],
    url: e.url, registrationUrl: e.registrationUrl,
    contact: contactOf(e),
    allDay: e.allDay,
  };
}

/**
 * The stored venue of an event, or null when it has none (no country): the one mapping of
 * the venue columns that the write side, the audit trail and the GraphQL field all use.
 */
export function venueOf(e: Pick<Event, VenueColumn>): VenueValues | null {
  if (e.venueCountry === null) return null;
  return {
    name: e.venueName, street: e.venueStreet, postalCode: e.venuePostalCode, city: e.venueCity,
    country: e.venueCountry, latitude: e.venueLatitude, longitude: e.venueLongitude,
  };
}

type VenueColumn = 'venueName' | 'venueStreet' | 'venuePostalCode' | 'venueCity' | 'venueCountry' | 'venueLatitude' | 'venueLongitude';

/** The stored contact of an event, or null when it has none. */
export function contactOf(e: Pick<Event, 'contactName' | 'contactEmail' | 'contactPhone'>): ContactValues | null {
  if (e.contactName === null && e.contactEmail === null && e.contactPhone === null) return null;
  return { name: e.contactName, email: e.contactEmail, phone: e.contactPhone };
}
