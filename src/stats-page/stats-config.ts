/**
 * What the server hands the statistics page's script (a JSON block in the page): shared
 * by src/stats-page (which writes it) and src/stats-page/browser (which reads it), so it
 * holds nothing but plain data.
 */
export interface StatsPageConfig {
  /** GraphQL's Language of the page: DE, FR or EN. */
  lang: 'DE' | 'FR' | 'EN';
  /** The filter of the URL as GraphQL's EventFilter (dates already resolved to instants). */
  filter: Record<string, unknown>;
  /** The URL's own parameters, as the filter form shows them (empty when absent). */
  params: { campaign: string; region: string; from: string; to: string; categories: string[] };
  /** Words of the page in its language. */
  words: Record<StatsWord, string>;
  /** Category enum name → label in the page's language, in the order the form lists them. */
  categories: Array<{ value: string; label: string }>;
}

export type StatsWord =
  | 'title' | 'filter' | 'campaign' | 'allCampaigns' | 'region' | 'allRegions' | 'from' | 'to' | 'categories'
  | 'apply' | 'reset' | 'apiKey' | 'apiKeyHint' | 'total' | 'byCategory' | 'byMonth' | 'byState'
  | 'organizers' | 'organizer' | 'events' | 'category' | 'month' | 'state' | 'openInPlayground'
  | 'loading' | 'noEvents' | 'error' | 'playground' | 'numbers';
