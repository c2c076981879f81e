import { stringify, type Options } from 'csv-stringify/sync';
import { Language, pick } from '../shared/i18n';
import { formatInZone, formatUtc } from '../shared/time';
import { cancellationReason, type EventFeedSource, type FeedEvent } from './event-feed-source';
import { organizerName } from './feed-labels';

/**
 * The columns, in order: the contract's twelve first (a spreadsheet made for them keeps
 * working when columns are added), then the rest. Times are the GraphQL DateTime strings
 * (the event's own offset); `category` and `status` the enum names.
 */
export const CSV_COLUMNS = [
  'id', 'title', 'category', 'status', 'startsAt', 'endsAt', 'timeZone', 'region', 'city', 'country',
  'organizers', 'url',
  'slug', 'description', 'regionName', 'venue', 'street', 'postalCode', 'campaign', 'registrationUrl',
  'languages', 'updatedAt', 'allDay', 'cancellationReason',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** Between organiser names in one cell: names hold commas ("Ministerium für Wirtschaft, Arbeit und …"). */
export const ORGANIZER_SEPARATOR = '; ';

/**
 * RFC 4180 (CRLF records, quotes only where needed) via csv-stringify. Cells starting with
 * = + - @ get a leading apostrophe (csv-stringify's escape_formulas): titles come from
 * editors and other calendars, and Excel would run them as formulas (OWASP CSV injection).
 */
const OPTIONS: Options = { record_delimiter: '\r\n', escape_formulas: true, columns: [...CSV_COLUMNS] };

/**
 * The export as text pieces: a UTF-8 byte order mark (so Excel reads umlauts right) and
 * the header row, then one piece per chunk of events, one row an event.
 */
export async function* csvExport(source: EventFeedSource, lang: Language): AsyncGenerator<string> {
  yield '\uFEFF' + stringify([], { ...OPTIONS, header: true });
  for await (const chunk of source.chunks()) {
    yield stringify(chunk.map((e) => csvRow(e, lang)), OPTIONS);
  }
}

/** One event as a row; texts in `lang`, falling back to German. */
export function csvRow(fe: FeedEvent, lang: Language): CsvRow {
  const e = fe.event;
  return {
    id: e.id,
    title: pick({ de: e.titleDe, fr: e.titleFr, en: e.titleEn }, lang) ?? e.titleDe,
    category: e.category,
    status: e.status,
    startsAt: formatInZone(e.startsAt, e.timeZone),
    endsAt: e.endsAt === null ? '' : formatInZone(e.endsAt, e.timeZone),
    timeZone: e.timeZone,
    region: e.regionCode,
    city: e.venueCity ?? '',
    country: e.country,
    organizers: fe.organizers.map((o) => organizerName(o, lang)).join(ORGANIZER_SEPARATOR),
    url: e.url ?? '',
    slug: e.slug,
    description: pick({ de: e.descriptionDe, fr: e.descriptionFr, en: e.descriptionEn }, lang) ?? '',
    regionName: fe.region ? pick({ de: fe.region.nameDe, fr: fe.region.nameFr, en: fe.region.nameEn }, lang) ?? '' : '',
    venue: e.venueName ?? '',
    street: e.venueStreet ?? '',
    postalCode: e.venuePostalCode ?? '',
    campaign: fe.campaign?.slug ?? '',
    registrationUrl: e.registrationUrl ?? '',
    languages: e.languages.join(','),
    updatedAt: formatUtc(e.updatedAt),
    // true: startsAt/endsAt are midnights in timeZone, endsAt exclusive (the day after the last).
    allDay: e.allDay ? 'true' : 'false',
    cancellationReason: cancellationReason(e) ?? '',
  };
}
