import type ICAL from 'ical.js';
import { Language } from '../../../shared/i18n';
import type { ImportedEvent, ImportedText, ImportedVenue, SourceMapping } from '../imported-event';
import { mapCategory } from '../normalise/category';
import { normaliseEmail } from '../../../shared/email';
import { descriptionText, htmlToText } from '../normalise/html-text';
import { regionFromPostalCode } from '../normalise/postal-region';
import { cleanLine } from '../normalise/text';
import { venueFromLocation } from '../normalise/venue';

/** Everything an ImportedEvent takes from a VEVENT except its times and ids. */
export type IcsFields = Omit<ImportedEvent, 'sourceId' | 'position' | 'startsAt' | 'endsAt' | 'timeZone' | 'allDay'>;

function languageOf(param: unknown): Language | null {
  if (typeof param !== 'string') return null;
  const base = param.trim().toLowerCase().slice(0, 2);
  return base === 'de' ? Language.DE : base === 'fr' ? Language.FR : base === 'en' ? Language.EN : null;
}

/** The texts of every property `name` (one per LANGUAGE), cleaned by `clean`, and the languages stated by a LANGUAGE parameter. */
function texts(
  event: ICAL.Component, name: string, fallback: Language, clean: (v: string) => string | null,
): { text: ImportedText | null; languages: Language[] } {
  const found = new Map<Language, string>();
  const stated = new Set<Language>();
  for (const prop of event.getAllProperties(name)) {
    const raw = prop.getFirstValue();
    const value = typeof raw === 'string' ? clean(raw) : null;
    const param = languageOf(prop.getParameter('language'));
    const lang = param ?? fallback;
    if (value && !found.has(lang)) found.set(lang, value);
    if (value && param) stated.add(param);
  }
  if (found.size === 0) return { text: null, languages: [] };
  const first = found.values().next().value as string;
  return {
    text: { de: found.get(Language.DE) ?? first, fr: found.get(Language.FR) ?? null, en: found.get(Language.EN) ?? null },
    languages: [...stated],
  };
}

function stringValues(event: ICAL.Component, name: string): string[] {
  return event.getAllProperties(name).flatMap((p) => p.getValues()).filter((v): v is string => typeof v === 'string');
}

/** LANGUAGE parameters, and an X-LANGUAGES / X-EVENT-LANGUAGES list ("DE,FR") some exporters add. */
function eventLanguages(event: ICAL.Component, fromTexts: Language[]): Language[] {
  const listed = [...stringValues(event, 'x-languages'), ...stringValues(event, 'x-event-languages')]
    .flatMap((v) => v.split(/[,;\s]+/)).map(languageOf).filter((l): l is Language => l !== null);
  return [...new Set(listed.length > 0 ? listed : fromTexts)];
}

/**
 * The descriptive fields of a VEVENT: SUMMARY/DESCRIPTION per LANGUAGE (HTML from
 * DESCRIPTION or Outlook's X-ALT-DESC turned into text), CATEGORIES through the mapping,
 * LOCATION split into a venue, GEO, ORGANIZER, URL, STATUS and LAST-MODIFIED.
 */
export function readIcsFields(event: ICAL.Component, mapping: SourceMapping): IcsFields {
  const fallback = mapping.language ?? Language.DE;
  const title = texts(event, 'summary', fallback, cleanLine);
  let description = texts(event, 'description', fallback, descriptionText);
  if (!description.text) description = texts(event, 'x-alt-desc', fallback, htmlToText);

  const place = withGeo(venueFromLocation(stringValues(event, 'location')[0], mapping.defaultCountry ?? 'DE'),
    event.getFirstPropertyValue('geo'), mapping.defaultCountry ?? 'DE');
  const organizer = event.getFirstProperty('organizer');
  const organizerName = cleanLine(organizer?.getParameter('cn') as string | undefined);
  const organizerMail = normaliseEmail(organizer?.getFirstValue() as string | undefined);
  const url = stringValues(event, 'url')[0]?.trim() || null;
  const lastModified = event.getFirstPropertyValue('last-modified') as ICAL.Time | null;
  const status = stringValues(event, 'status')[0]?.trim().toUpperCase();
  const languages = eventLanguages(event, [...title.languages, ...description.languages]);
  return {
    title: title.text ?? { de: '' },
    description: description.text,
    category: mapCategory(stringValues(event, 'categories'), mapping.categories),
    venue: place,
    region: place?.postalCode ? regionFromPostalCode(place.postalCode, place.country) : null,
    organizerNames: organizerName ? [organizerName] : [],
    contact: organizerName || organizerMail ? { name: organizerName, email: organizerMail, phone: null } : null,
    url: url && /^https?:\/\//i.test(url) ? url : null,
    registrationUrl: null,
    languages: languages.length > 0 ? languages : undefined,
    cancelled: status === 'CANCELLED',
    lastModified: lastModified && typeof lastModified.toUnixTime === 'function'
      ? new Date(lastModified.toUnixTime() * 1000) : null,
  };
}

/** The venue with GEO's latitude and longitude when they are real coordinates (a venue of its own when LOCATION is empty). */
function withGeo(venue: ImportedVenue | null, geo: unknown, defaultCountry: string): ImportedVenue | null {
  if (!Array.isArray(geo) || geo.length !== 2 || !geo.every((n) => typeof n === 'number' && Number.isFinite(n))) return venue;
  const [latitude, longitude] = geo as number[];
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return venue;
  return { ...(venue ?? { country: defaultCountry }), latitude, longitude };
}
