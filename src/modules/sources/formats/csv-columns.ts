import { SourceFormatError } from './source-format-error';
import { categoryKey } from '../normalise/category';
import { quote } from '../../../shared/quote';

/** The fields a CSV row can fill; mapping.columns maps these names to the file's headers. */
export const CSV_FIELDS = [
  'sourceId', 'title', 'titleFr', 'titleEn', 'description', 'descriptionFr', 'category', 'startsAt', 'endsAt',
  'allDay', 'timeZone', 'venueName', 'street', 'postalCode', 'city', 'country', 'region', 'organizer',
  'contactName', 'email', 'phone', 'url', 'registrationUrl', 'languages', 'status',
] as const;

/** One of CSV_FIELDS. */
export type CsvField = (typeof CSV_FIELDS)[number];

/** Headers recognised without a mapping (German, English, French), compared case- and accent-insensitively. */
export const DEFAULT_HEADERS: Record<CsvField, string[]> = {
  sourceId: ['id', 'uid', 'nr', 'nummer', 'event id', 'veranstaltungs id', 'source id'],
  title: ['titel', 'title', 'veranstaltung', 'name', 'bezeichnung', 'titre', 'event', 'titel de', 'title de'],
  titleFr: ['titel fr', 'title fr', 'titre fr', 'titre francais'],
  titleEn: ['titel en', 'title en', 'english title'],
  description: ['beschreibung', 'description', 'text', 'details', 'inhalt', 'beschreibung de'],
  descriptionFr: ['beschreibung fr', 'description fr'],
  category: ['kategorie', 'category', 'format', 'art', 'typ', 'type', 'categorie', 'veranstaltungsart'],
  startsAt: ['beginn', 'start', 'startdatum', 'von', 'datum', 'date', 'starts at', 'debut', 'date de debut', 'anfang'],
  endsAt: ['ende', 'end', 'enddatum', 'bis', 'ends at', 'fin', 'date de fin'],
  allDay: ['ganztagig', 'ganztags', 'all day', 'allday', 'toute la journee'],
  timeZone: ['zeitzone', 'time zone', 'timezone', 'fuseau horaire'],
  venueName: ['veranstaltungsort', 'ort name', 'location', 'venue', 'lieu', 'raum', 'gebaude'],
  street: ['strasse', 'straße', 'street', 'adresse', 'address', 'rue', 'anschrift'],
  postalCode: ['plz', 'postleitzahl', 'postal code', 'zip', 'zip code', 'code postal', 'cp'],
  city: ['ort', 'stadt', 'city', 'ville', 'gemeinde'],
  country: ['land', 'country', 'pays', 'staat'],
  region: ['region', 'nuts', 'nuts code'],
  organizer: ['veranstalter', 'organizer', 'organiser', 'organisateur', 'cluster', 'netzwerk', 'initiative'],
  contactName: ['kontakt', 'ansprechpartner', 'ansprechperson', 'contact', 'contact name', 'kontaktperson'],
  email: ['e mail', 'email', 'mail', 'courriel', 'kontakt e mail'],
  phone: ['telefon', 'tel', 'phone', 'telephone', 'fon', 'tel.'],
  url: ['link', 'url', 'webseite', 'website', 'internet', 'site web', 'homepage'],
  registrationUrl: ['anmeldung', 'anmeldelink', 'registration', 'registration url', 'inscription', 'anmelde url'],
  languages: ['sprache', 'sprachen', 'language', 'languages', 'langue', 'langues'],
  status: ['status', 'statut', 'abgesagt'],
};

/** Which column index holds each field. */
export type ColumnIndex = Partial<Record<CsvField, number>>;

/**
 * The column of each field in `header`: mapping.columns first (its headers must exist), then
 * the default names. Throws SourceFormatError naming what is missing when no column holds the
 * title or the start, or when the mapping names a header the file lacks.
 */
export function resolveColumns(header: readonly string[], columns: Record<string, string> = {}): ColumnIndex {
  const keys = header.map(categoryKey);
  const index: ColumnIndex = {};
  const aliases: Record<string, CsvField> = { id: 'sourceId', uid: 'sourceId', organizerName: 'organizer', venue: 'venueName' };
  for (const [field, wanted] of Object.entries(columns)) {
    const target = (CSV_FIELDS as readonly string[]).includes(field) ? (field as CsvField) : aliases[field];
    if (!target) throw new SourceFormatError('csv', `the mapping names an unknown field ${quote(field)} (known: ${CSV_FIELDS.join(', ')})`);
    const at = keys.indexOf(categoryKey(wanted));
    if (at < 0) {
      throw new SourceFormatError('csv',
        `column ${quote(wanted)} (mapped to ${target}) is not in the header: ${header.map((h) => quote(h)).join(', ')}`);
    }
    index[target] = at;
  }
  const taken = new Set(Object.values(index));
  for (const field of CSV_FIELDS) {
    if (index[field] !== undefined) continue;
    const at = DEFAULT_HEADERS[field].map(categoryKey).map((k) => keys.indexOf(k)).find((i) => i >= 0 && !taken.has(i));
    if (at !== undefined) {
      index[field] = at;
      taken.add(at);
    }
  }
  for (const required of ['title', 'startsAt'] as const) {
    if (index[required] === undefined) {
      throw new SourceFormatError('csv',
        `no ${required} column: the header has ${header.map((h) => quote(h)).join(', ')}; `
        + `name one of ${DEFAULT_HEADERS[required].slice(0, 4).join(', ')} or map it with columns.${required}`);
    }
  }
  return index;
}
