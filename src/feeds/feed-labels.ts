import { Language, pick } from '../shared/i18n';
import type { Words } from '../modules/labels';
import type { Organizer } from '../modules/organizers';

/** Category names live with every other enum's labels, so feeds, /stats and GraphQL say the same. */
export { CATEGORY_LABELS } from '../modules/labels';

/** The other words a calendar shows. */
export const FEED_WORDS = {
  calendarName: { DE: 'Cluster-Veranstaltungen', FR: 'Événements des clusters', EN: 'Cluster events' },
  organizers: { DE: 'Veranstalter', FR: 'Organisateurs', EN: 'Organisers' },
  registration: { DE: 'Anmeldung', FR: 'Inscription', EN: 'Registration' },
  /** The label before the title of a cancelled event (for calendars that ignore STATUS) and before its reason. */
  cancelled: { DE: 'Abgesagt', FR: 'Annulé', EN: 'Cancelled' },
  /** The worksheet of the XLSX export (at most 31 characters, none of : \ / ? * [ ]). */
  sheetName: { DE: 'Veranstaltungen', FR: 'Événements', EN: 'Events' },
} satisfies Record<string, Words>;

const countryNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in a language ("DE" → "Deutschland"), the code where ICU has none. */
export function countryName(code: string, lang: Language): string {
  let names = countryNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang.toLowerCase()], { type: 'region', fallback: 'code' });
    countryNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An organiser's name in `lang` (German when it has none). */
export function organizerName(o: Organizer, lang: Language): string {
  return pick({ de: o.nameDe, fr: o.nameFr, en: o.nameEn }, lang) ?? o.nameDe;
}
