import { Language, pick } from '../shared/i18n';
import { EventCategory } from '../modules/events/event.enums';
import type { Organizer } from '../modules/organizers/organizer.entity';

/** A word of a feed in each language. */
type Words = Record<Language, string>;

/** Category names for people (calendar CATEGORIES); exports keep the enum names. */
export const CATEGORY_LABELS: Record<EventCategory, Words> = {
  [EventCategory.SEMINAR]: { DE: 'Seminar', FR: 'Séminaire', EN: 'Seminar' },
  [EventCategory.CONFERENCE]: { DE: 'Fachtagung', FR: 'Conférence', EN: 'Conference' },
  [EventCategory.WORKSHOP]: { DE: 'Workshop', FR: 'Atelier', EN: 'Workshop' },
  [EventCategory.EXHIBITION]: { DE: 'Ausstellung', FR: 'Exposition', EN: 'Exhibition' },
  [EventCategory.TRADE_FAIR]: { DE: 'Messe', FR: 'Salon professionnel', EN: 'Trade fair' },
  [EventCategory.COMPANY_VISIT]: { DE: 'Unternehmensbesuch', FR: 'Visite d\'entreprise', EN: 'Company visit' },
  [EventCategory.OPEN_DAY]: { DE: 'Tag der offenen Tür', FR: 'Journée portes ouvertes', EN: 'Open day' },
  [EventCategory.ANNUAL_MEETING]: { DE: 'Jahrestagung', FR: 'Assemblée annuelle', EN: 'Annual meeting' },
  [EventCategory.POLICY_DIALOGUE]: { DE: 'Politisches Gespräch', FR: 'Dialogue politique', EN: 'Policy dialogue' },
  [EventCategory.NETWORKING]: { DE: 'Netzwerktreffen', FR: 'Rencontre de réseau', EN: 'Networking' },
  [EventCategory.OTHER]: { DE: 'Sonstiges', FR: 'Autre', EN: 'Other' },
};

/** The other words a calendar shows. */
export const FEED_WORDS = {
  calendarName: { DE: 'Cluster-Veranstaltungen', FR: 'Événements des clusters', EN: 'Cluster events' },
  organizers: { DE: 'Veranstalter', FR: 'Organisateurs', EN: 'Organisers' },
  registration: { DE: 'Anmeldung', FR: 'Inscription', EN: 'Registration' },
  /** Put before the title of a cancelled event, for calendars that ignore STATUS. */
  cancelledPrefix: { DE: 'Abgesagt: ', FR: 'Annulé : ', EN: 'Cancelled: ' },
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
