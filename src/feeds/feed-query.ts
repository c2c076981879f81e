import { DateTime } from 'luxon';
import { BadUserInputError } from '../shared/errors';
import { Language } from '../shared/i18n';
import { EventCategory, type EventFilter } from '../modules/events';
import { quote } from '../shared/quote';

/** What a feed or export URL asks for: the GraphQL filter and the language of texts. */
export interface FeedQuery {
  /** Without statuses: a feed lists every status the viewer may read (EventExportService.selectReadable). */
  filter: EventFilter;
  /** From `lang`, or null when the URL has none (the request's Accept-Language decides). */
  lang: Language | null;
}

/** The zone a bare date (or a date-time without offset) in `from`/`to` is read in. */
export const FEED_DATE_ZONE = 'Europe/Berlin';

const SINGLE = ['region', 'country', 'campaign', 'organizer', 'from', 'to', 'lang'] as const;
const REPEATABLE = ['category'] as const;
const KNOWN: ReadonlySet<string> = new Set<string>([...SINGLE, ...REPEATABLE]);

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Longest value of one parameter: a list of every category comma-separated fits many times over. */
const MAX_VALUE_LENGTH = 1000;

const CATEGORIES: ReadonlySet<string> = new Set(Object.values(EventCategory));
const LANGUAGES: ReadonlySet<string> = new Set(Object.values(Language));

/** YYYY-MM-DD, optionally THH:mm[:ss[.fff]] and an offset (Z, ±HH:mm, ±HHmm, at most 18 hours). */
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-](0\d|1[0-8]):?[0-5]\d)?)?$/;

/**
 * Reads the query parameters of /feeds/events.ics and /exports/events.csv (also meant for
 * /stats): `region`, `country`, `category` (repeatable, or comma-separated), `campaign`,
 * `organizer`, `from`, `to`, `lang`. An empty value counts as absent (HTML forms send
 * empty selects). Checks what can be checked without the database (names, dates,
 * categories, languages; BadUserInputError with the parameter as field); whether a region,
 * campaign or organiser exists is the events module's job when the feed is opened, as for GraphQL.
 */
export function parseFeedQuery(params: URLSearchParams): FeedQuery {
  for (const name of new Set(params.keys())) {
    if (!KNOWN.has(name)) {
      throw new BadUserInputError(
        `Unknown parameter ${quote(name)}: expected ${[...SINGLE, ...REPEATABLE].sort().join(', ')}.`, name);
    }
    // No parameter means a control character; a NUL (%00) would reach SQL, where PostgreSQL refuses it.
    if (params.getAll(name).some((v) => CONTROL.test(v) || v.length > MAX_VALUE_LENGTH)) {
      throw new BadUserInputError(`${name} holds control characters or is over ${MAX_VALUE_LENGTH} characters long.`, name);
    }
  }
  const one = (name: (typeof SINGLE)[number]): string | null => {
    const values = params.getAll(name).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length > 1) throw new BadUserInputError(`${name} may be given once, got ${values.length} values.`, name);
    return values[0] ?? null;
  };

  const filter: EventFilter = {};
  const region = one('region');
  if (region !== null) filter.region = region;
  const country = one('country');
  if (country !== null) filter.country = country;
  const campaign = one('campaign');
  if (campaign !== null) filter.campaign = campaign;
  const organizer = one('organizer');
  if (organizer !== null) filter.organizer = organizer;
  const categories = parseCategories(params.getAll('category'));
  if (categories.length > 0) filter.categories = categories;
  const from = one('from');
  if (from !== null) filter.startsFrom = parseInstant(from, 'from');
  const to = one('to');
  if (to !== null) filter.startsBefore = parseInstant(to, 'to');

  const lang = one('lang');
  if (lang !== null && !LANGUAGES.has(lang.toUpperCase())) {
    throw new BadUserInputError(`Unknown lang ${quote(lang)}: expected de, fr or en.`, 'lang');
  }
  return { filter, lang: lang === null ? null : (lang.toUpperCase() as Language) };
}

function parseCategories(values: string[]): EventCategory[] {
  const out = new Set<EventCategory>();
  for (const value of values.flatMap((v) => v.split(','))) {
    const name = value.trim().toUpperCase().replace(/-/g, '_');
    if (name === '') continue;
    if (!CATEGORIES.has(name)) {
      throw new BadUserInputError(
        `Unknown category ${quote(value.trim())}: expected one of ${[...CATEGORIES].join(', ')}.`, 'category');
    }
    out.add(name as EventCategory);
  }
  return [...out];
}

/**
 * A date (midnight in Europe/Berlin) or an ISO 8601 date-time; one without offset is
 * Berlin wall-clock time. A `+` of an offset arrives as a space when the URL did not
 * encode it (`…T10:00:00+02:00` unencoded), so a space before the offset is read as `+`.
 */
export function parseInstant(raw: string, field: string): Date {
  const value = raw.replace(/ (\d{2}:?\d{2})$/, '+$1');
  const parsed = DATE_OR_DATE_TIME.test(value) ? DateTime.fromISO(value, { zone: FEED_DATE_ZONE }) : null;
  if (!parsed || !parsed.isValid) {
    throw new BadUserInputError(
      `${field} must be a date (2017-04-20) or a date-time (2017-04-20T10:00:00+02:00), got ${quote(raw)}.`, field);
  }
  return parsed.toJSDate();
}
