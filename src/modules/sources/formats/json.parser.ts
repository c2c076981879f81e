import { Language } from '../../../shared/i18n';
import { normaliseEmail } from '../../../shared/email';
import { normalisePhone } from '../../../shared/phone';
import { EventCategory } from '../../events';
import { collectItems, type ImportedEvent, type ImportedText, type ImportedVenue, type InputItem, type ParsedInput, type SourceMapping } from '../imported-event';
import { mapCategory } from '../normalise/category';
import { descriptionText } from '../normalise/html-text';
import { regionFromPostalCode } from '../normalise/postal-region';
import { cleanLine } from '../normalise/text';
import { countryCode } from '../normalise/venue';
import { isCancelledWord, languagesFrom, normaliseRegionCode, webUrl } from './field-words';
import { readDate, zoneOrBerlin } from './local-date';
import { SourceFormatError } from './source-format-error';

// Our own export shape, so one clustergraph can pull another: the `events` connection of a
// GraphQL response, or a plain array of Event-shaped objects (contract.graphql's Event).

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event objects of a document, or null when it has none of the accepted shapes. */
function eventItems(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return null;
  const data = isObject(doc.data) ? doc.data : doc;
  const events = data.events;
  if (Array.isArray(events)) return events;
  if (!isObject(events)) return null;
  if (Array.isArray(events.nodes)) return events.nodes;
  if (Array.isArray(events.edges)) return events.edges.map((edge) => (isObject(edge) ? edge.node : edge));
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** A text that is a string (in the mapping's language) or an object `{de, fr, en}`. */
function text(value: unknown, clean: (v: string | null) => string | null, language: Language): ImportedText | null {
  if (typeof value === 'string') {
    const cleaned = clean(value);
    if (!cleaned) return null;
    return { de: cleaned, fr: language === Language.FR ? cleaned : null, en: language === Language.EN ? cleaned : null };
  }
  if (!isObject(value)) return null;
  const de = clean(str(value.de)), fr = clean(str(value.fr)), en = clean(str(value.en));
  const first = de ?? fr ?? en;
  return first ? { de: first, fr, en } : null;
}

function venueOf(value: unknown, defaultCountry: string): ImportedVenue | null {
  if (!isObject(value)) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    name: cleanLine(str(value.name)),
    street: cleanLine(str(value.street)),
    postalCode: cleanLine(str(value.postalCode)),
    city: cleanLine(str(value.city)),
    country: countryCode(str(value.country)) ?? defaultCountry,
    latitude: num(value.latitude),
    longitude: num(value.longitude),
  };
}

/** Event.contact of an export; its name is the address or number when the exporter knew no name, which is no name. */
function contactOf(value: unknown): ImportedEvent['contact'] {
  if (!isObject(value)) return null;
  const email = normaliseEmail(str(value.email));
  const phone = normalisePhone(str(value.phone), 'DE');
  const given = cleanLine(str(value.name));
  const name = given && given !== str(value.email) && given !== str(value.phone) ? given : null;
  return name || email || phone ? { name, email, phone } : null;
}

function itemToEvent(item: unknown, position: string, mapping: SourceMapping): ImportedEvent | string {
  if (!isObject(item)) return 'not an object';
  const id = str(item.id)?.trim();
  if (!id) return 'no id';
  const language = mapping.language ?? Language.DE;
  const title = text(item.title, cleanLine, language);
  if (!title) return 'no title';
  const zone = zoneOrBerlin(str(item.timeZone) ?? mapping.timeZone);
  const rawStart = str(item.startsAt);
  if (!rawStart) return 'no startsAt';
  const start = readDate(rawStart, zone);
  if (typeof start === 'string') return `startsAt: ${start}`;
  let endsAt: Date | null = null;
  const rawEnd = str(item.endsAt);
  if (rawEnd) {
    const end = readDate(rawEnd, zone);
    if (typeof end === 'string') return `endsAt: ${end}`;
    if (end.date < start.date) return `endsAt ${rawEnd} is before startsAt ${rawStart}`;
    endsAt = end.date;
  }
  const venue = venueOf(item.venue, (mapping.defaultCountry ?? 'DE').toUpperCase());
  const regionValue = isObject(item.region) ? str(item.region.code) : str(item.region);
  const category = str(item.category);
  const ourCategory = category && (Object.values(EventCategory) as string[]).includes(category)
    ? (category as EventCategory) : mapCategory(category ? [category] : [], mapping.categories);
  const organizers = Array.isArray(item.organizers) ? item.organizers : [];
  const languages = languagesFrom(Array.isArray(item.languages) ? item.languages : str(item.languages));
  const updatedAt = str(item.updatedAt) ? readDate(str(item.updatedAt) as string, 'UTC') : null;
  return {
    sourceId: id,
    position,
    title,
    description: text(item.description, descriptionText, language),
    category: ourCategory,
    startsAt: start.date,
    endsAt,
    timeZone: zone,
    // Another clustergraph says so itself (Event.allDay, Event.contact); older ones say nothing.
    allDay: item.allDay === true,
    venue,
    region: normaliseRegionCode(regionValue) ?? (venue?.postalCode ? regionFromPostalCode(venue.postalCode, venue.country) : null),
    organizerNames: organizers
      .map((o) => (isObject(o) ? cleanLine(str(o.name)) ?? cleanLine(str(o.id)) : cleanLine(str(o))))
      .filter((o): o is string => !!o),
    contact: contactOf(item.contact),
    url: webUrl(str(item.url)),
    registrationUrl: webUrl(str(item.registrationUrl)),
    languages: languages.length > 0 ? languages : undefined,
    cancelled: isCancelledWord(str(item.status)),
    lastModified: updatedAt && typeof updatedAt !== 'string' ? updatedAt.date : null,
  };
}

/**
 * The events of a clustergraph JSON export: `{data: {events: {edges: [{node}]}}}`,
 * `{data: {events: {nodes: []}}}` or a plain array of Event objects. Titles and
 * descriptions may be strings or `{de, fr, en}`; the remote `id` is the sourceId; an item
 * that cannot be read is rejected as `item N` (1-based). Throws SourceFormatError for text
 * that is not JSON or has none of these shapes (a GraphQL `errors` response among them).
 */
export function parseJson(text: string, mapping: SourceMapping): ParsedInput {
  const stream = openJson(text, mapping);
  return collectItems(stream.items());
}

/**
 * A JSON export as a stream of records (see parseJson): the document is parsed whole (it is
 * the input's size), each item becomes a record only when the import asks for it.
 */
export function openJson(text: string, mapping: SourceMapping): { total: number; items(): Generator<InputItem> } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceFormatError('json', `not JSON: ${(error as Error).message}`);
  }
  const items = eventItems(doc);
  if (!items) {
    const errors = isObject(doc) && Array.isArray(doc.errors) ? doc.errors : null;
    const first = errors && isObject(errors[0]) ? str(errors[0].message) : null;
    throw new SourceFormatError('json', first
      ? `the response is a GraphQL error: ${first}`
      : 'expected {data: {events: {edges|nodes}}} or an array of events');
  }
  return {
    total: items.length,
    *items() {
      for (let i = 0; i < items.length; i += 1) {
        const position = `item ${i + 1}`;
        const read = itemToEvent(items[i], position, mapping);
        yield typeof read === 'string' ? { rejected: { position, reason: read } } : { event: read };
      }
    },
  };
}
