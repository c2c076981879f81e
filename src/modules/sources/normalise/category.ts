import { EventCategory } from '../../events';

// Feeds name their categories in their own words, mostly German or French. A source's
// mapping says what its words mean; this table covers the common ones when it does not.
const C = EventCategory;
const DEFAULT_WORDS: Record<string, EventCategory> = {
  seminar: C.SEMINAR, seminare: C.SEMINAR, seminaire: C.SEMINAR, schulung: C.SEMINAR,
  weiterbildung: C.SEMINAR, formation: C.SEMINAR, webinar: C.SEMINAR, vortrag: C.SEMINAR,
  konferenz: C.CONFERENCE, tagung: C.CONFERENCE, fachtagung: C.CONFERENCE, kongress: C.CONFERENCE,
  conference: C.CONFERENCE, congres: C.CONFERENCE, colloque: C.CONFERENCE, symposium: C.CONFERENCE,
  'journee technique': C.CONFERENCE,
  workshop: C.WORKSHOP, atelier: C.WORKSHOP, werkstatt: C.WORKSHOP,
  ausstellung: C.EXHIBITION, exhibition: C.EXHIBITION, exposition: C.EXHIBITION,
  messe: C.TRADE_FAIR, fachmesse: C.TRADE_FAIR, 'trade fair': C.TRADE_FAIR, salon: C.TRADE_FAIR,
  foire: C.TRADE_FAIR, 'salon professionnel': C.TRADE_FAIR,
  unternehmensbesuch: C.COMPANY_VISIT, firmenbesuch: C.COMPANY_VISIT, betriebsbesichtigung: C.COMPANY_VISIT,
  'company visit': C.COMPANY_VISIT, "visite d'entreprise": C.COMPANY_VISIT, 'visite entreprise': C.COMPANY_VISIT,
  'tag der offenen tur': C.OPEN_DAY, 'open day': C.OPEN_DAY, 'portes ouvertes': C.OPEN_DAY,
  'journee portes ouvertes': C.OPEN_DAY,
  jahrestagung: C.ANNUAL_MEETING, mitgliederversammlung: C.ANNUAL_MEETING, 'annual meeting': C.ANNUAL_MEETING,
  'assemblee generale': C.ANNUAL_MEETING,
  'politisches gesprach': C.POLICY_DIALOGUE, 'policy dialogue': C.POLICY_DIALOGUE,
  'dialogue politique': C.POLICY_DIALOGUE,
  netzwerktreffen: C.NETWORKING, networking: C.NETWORKING, stammtisch: C.NETWORKING,
  reseautage: C.NETWORKING, 'rencontre reseau': C.NETWORKING,
};

/** Lower case, accents and punctuation other than the apostrophe dropped, blanks collapsed. */
export function categoryKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

function lookup(key: string, table: Map<string, EventCategory>): EventCategory | null {
  const exact = table.get(key);
  if (exact) return exact;
  const words = ` ${key} `;
  let best: [string, EventCategory] | null = null;
  for (const [word, category] of table) {
    if (words.includes(` ${word} `) && (!best || word.length > best[0].length)) best = [word, category];
  }
  return best ? best[1] : null;
}

const VALID = new Set<string>(Object.values(C));
const ENUM_NAMES = new Map(Object.values(C).map((v) => [categoryKey(v.replace(/_/g, ' ')), v] as [string, EventCategory]));
const BUILT_IN = new Map(Object.entries(DEFAULT_WORDS).map(([k, v]) => [categoryKey(k), v] as [string, EventCategory]));

/**
 * Our category for a source's category words (ICS CATEGORIES values, a CSV cell), compared
 * case- and accent-insensitively: first the source's mapping, then our own enum names, then
 * the built-in German/French/English table; a value that contains a known word as a whole
 * word (`Fachtagung Digitalisierung`) counts too. Null when nothing maps.
 */
export function mapCategory(values: readonly string[], mapping?: Record<string, EventCategory>): EventCategory | null {
  const own = new Map(Object.entries(mapping ?? {})
    .filter(([, v]) => VALID.has(v))
    .map(([k, v]) => [categoryKey(k), v] as [string, EventCategory]));
  const keys = values.map(categoryKey).filter((k) => k !== '');
  for (const table of [own, ENUM_NAMES, BUILT_IN]) {
    for (const key of keys) {
      const found = lookup(key, table);
      if (found) return found;
    }
  }
  return null;
}
