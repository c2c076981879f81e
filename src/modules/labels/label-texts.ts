import { Language } from '../../shared/i18n';
import { EventCategory, EventOrder, EventStatus, EventDimension } from '../events';
import { GovernmentLevel } from '../ministries';
import { NetworkScope } from '../networks';
import type { OrganizerKind } from '../organizers';

/**
 * The words people read for our enum values, in every language: the one table the feeds,
 * the /stats page and GraphQL's `…Label` fields all read, so a calendar, a chart and a
 * front-end's dropdown never name the same thing differently. `Record<Enum, …>` makes the
 * compiler refuse an enum value without its words.
 */
export type Words = Record<Language, string>;

/** Category names (calendar CATEGORIES, chart rows, filter dropdowns); exports keep the enum names. */
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

export const STATUS_LABELS: Record<EventStatus, Words> = {
  [EventStatus.DRAFT]: { DE: 'Entwurf', FR: 'Brouillon', EN: 'Draft' },
  [EventStatus.SUBMITTED]: { DE: 'Eingereicht', FR: 'Soumis', EN: 'Submitted' },
  [EventStatus.PUBLISHED]: { DE: 'Veröffentlicht', FR: 'Publié', EN: 'Published' },
  [EventStatus.REJECTED]: { DE: 'Abgelehnt', FR: 'Refusé', EN: 'Rejected' },
  [EventStatus.CANCELLED]: { DE: 'Abgesagt', FR: 'Annulé', EN: 'Cancelled' },
};

/** The /stats page's column headings for the dimensions it shows say the same (stats-words.ts). */
export const DIMENSION_LABELS: Record<EventDimension, Words> = {
  [EventDimension.CATEGORY]: { DE: 'Kategorie', FR: 'Catégorie', EN: 'Category' },
  [EventDimension.REGION]: { DE: 'Region', FR: 'Région', EN: 'Region' },
  [EventDimension.STATE]: { DE: 'Land', FR: 'Land / région', EN: 'State' },
  // "Land" is taken by the German state, so the country is "Staat".
  [EventDimension.COUNTRY]: { DE: 'Staat', FR: 'Pays', EN: 'Country' },
  [EventDimension.MONTH]: { DE: 'Monat', FR: 'Mois', EN: 'Month' },
  [EventDimension.ORGANIZER]: { DE: 'Veranstalter', FR: 'Organisateur', EN: 'Organiser' },
  [EventDimension.CAMPAIGN]: { DE: 'Kampagne', FR: 'Campagne', EN: 'Campaign' },
};

/** Sort dropdowns. */
export const ORDER_LABELS: Record<EventOrder, Words> = {
  [EventOrder.START_ASC]: { DE: 'Früheste zuerst', FR: 'Les plus proches d\'abord', EN: 'Earliest first' },
  [EventOrder.START_DESC]: { DE: 'Späteste zuerst', FR: 'Les plus lointains d\'abord', EN: 'Latest first' },
  [EventOrder.UPDATED_DESC]: { DE: 'Zuletzt geändert', FR: 'Modifiés récemment', EN: 'Recently changed' },
  [EventOrder.TITLE_ASC]: { DE: 'Titel A–Z', FR: 'Titre A–Z', EN: 'Title A–Z' },
  [EventOrder.RELEVANCE]: { DE: 'Relevanz', FR: 'Pertinence', EN: 'Relevance' },
};

/** Each language named in each language (the filter "held in"), lower case as French writes them mid-sentence. */
export const LANGUAGE_LABELS: Record<Language, Words> = {
  [Language.DE]: { DE: 'Deutsch', FR: 'allemand', EN: 'German' },
  [Language.FR]: { DE: 'Französisch', FR: 'français', EN: 'French' },
  [Language.EN]: { DE: 'Englisch', FR: 'anglais', EN: 'English' },
};

export const GOVERNMENT_LEVEL_LABELS: Record<GovernmentLevel, Words> = {
  [GovernmentLevel.FEDERAL]: { DE: 'Bund', FR: 'Fédéral', EN: 'Federal' },
  [GovernmentLevel.STATE]: { DE: 'Land', FR: 'Land (État fédéré)', EN: 'State' },
};

export const NETWORK_SCOPE_LABELS: Record<NetworkScope, Words> = {
  [NetworkScope.REGIONAL]: { DE: 'Regional', FR: 'Régional', EN: 'Regional' },
  [NetworkScope.STATEWIDE]: { DE: 'Landesweit', FR: 'À l\'échelle du Land', EN: 'State-wide' },
  [NetworkScope.NATIONAL]: { DE: 'Bundesweit', FR: 'National', EN: 'National' },
  [NetworkScope.CROSS_BORDER]: { DE: 'Grenzüberschreitend', FR: 'Transfrontalier', EN: 'Cross-border' },
};

/** Kinds of organiser; GraphQL tells them apart by __typename, not by an enum. */
export const ORGANIZER_KIND_LABELS: Record<OrganizerKind, Words> = {
  MINISTRY: { DE: 'Ministerium', FR: 'Ministère', EN: 'Ministry' },
  INITIATIVE: { DE: 'Clusterinitiative', FR: 'Initiative de cluster', EN: 'Cluster initiative' },
  NETWORK: { DE: 'Netzwerk', FR: 'Réseau', EN: 'Network' },
};

/** The values with their words in one language, in the order given (an enum's declared order). */
export function labelList<V extends string>(values: readonly V[], table: Record<V, Words>, lang: Language): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: table[value][lang] }));
}
