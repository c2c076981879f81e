import { Language } from '../shared/i18n';
import { EventCategory } from '../modules/events';
import { CATEGORY_LABELS } from '../modules/labels';
import type { StatsPageConfig, StatsWord } from './stats-config';

/** The page's words; category names come from src/modules/labels/label-texts.ts, as the feeds' and GraphQL's do. */
const WORDS: Record<StatsWord, Record<Language, string>> = {
  title: { DE: 'Veranstaltungsstatistik', FR: 'Statistiques des événements', EN: 'Event statistics' },
  filter: { DE: 'Auswahl', FR: 'Sélection', EN: 'Filter' },
  campaign: { DE: 'Kampagne', FR: 'Campagne', EN: 'Campaign' },
  allCampaigns: { DE: 'alle Kampagnen', FR: 'toutes les campagnes', EN: 'all campaigns' },
  region: { DE: 'Region', FR: 'Région', EN: 'Region' },
  allRegions: { DE: 'alle Regionen', FR: 'toutes les régions', EN: 'all regions' },
  from: { DE: 'Beginn ab', FR: 'Début à partir du', EN: 'Starting from' },
  to: { DE: 'Beginn vor', FR: 'Début avant le', EN: 'Starting before' },
  categories: { DE: 'Kategorien', FR: 'Catégories', EN: 'Categories' },
  apply: { DE: 'Anzeigen', FR: 'Afficher', EN: 'Show' },
  reset: { DE: 'Zurücksetzen', FR: 'Réinitialiser', EN: 'Reset' },
  apiKey: { DE: 'API-Schlüssel (optional)', FR: 'Clé d\'API (facultative)', EN: 'API key (optional)' },
  apiKeyHint: {
    DE: 'Nur in diesem Tab gespeichert; ohne Schlüssel zählen nur öffentliche Veranstaltungen.',
    FR: 'Conservée dans cet onglet seulement ; sans clé, seuls les événements publics comptent.',
    EN: 'Kept in this tab only; without a key only public events count.',
  },
  total: { DE: 'Veranstaltungen insgesamt', FR: 'Événements au total', EN: 'Events in total' },
  byCategory: { DE: 'Veranstaltungen nach Kategorie', FR: 'Événements par catégorie', EN: 'Events by category' },
  byMonth: { DE: 'Veranstaltungen nach Monat', FR: 'Événements par mois', EN: 'Events by month' },
  byState: { DE: 'Veranstaltungen nach Land', FR: 'Événements par Land / région', EN: 'Events by state' },
  organizers: { DE: 'Aktivste Veranstalter', FR: 'Organisateurs les plus actifs', EN: 'Busiest organisers' },
  organizer: { DE: 'Veranstalter', FR: 'Organisateur', EN: 'Organiser' },
  events: { DE: 'Veranstaltungen', FR: 'Événements', EN: 'Events' },
  category: { DE: 'Kategorie', FR: 'Catégorie', EN: 'Category' },
  month: { DE: 'Monat', FR: 'Mois', EN: 'Month' },
  state: { DE: 'Land', FR: 'Land / région', EN: 'State' },
  openInPlayground: { DE: 'Abfrage im Playground öffnen', FR: 'Ouvrir la requête dans le playground', EN: 'Open the query in the playground' },
  loading: { DE: 'Wird geladen …', FR: 'Chargement …', EN: 'Loading …' },
  noEvents: { DE: 'Keine Veranstaltungen für diese Auswahl.', FR: 'Aucun événement pour cette sélection.', EN: 'No events for this filter.' },
  error: { DE: 'Die Statistik konnte nicht geladen werden', FR: 'Impossible de charger les statistiques', EN: 'The statistics could not be loaded' },
  numbers: { DE: 'Zahlen', FR: 'Chiffres', EN: 'Figures' },
  playground: { DE: 'GraphQL-Playground', FR: 'Playground GraphQL', EN: 'GraphQL playground' },
};

/** The page's words and category labels in one language. */
export function statsWords(lang: Language): Pick<StatsPageConfig, 'words' | 'categories'> {
  const words = Object.fromEntries(Object.entries(WORDS).map(([key, w]) => [key, w[lang]])) as Record<StatsWord, string>;
  const categories = Object.values(EventCategory).map((value) => ({ value, label: CATEGORY_LABELS[value][lang] }));
  return { words, categories };
}
