import type { SqlExecutor } from '../../db/database';
import { foldText } from '../../shared/text-fold';
import type { EventValues } from '../events';

/**
 * Lowest title similarity at which two announcements of the same start and place are one
 * event. Trigram similarity (pg_trgm's: shared trigrams of the padded words over all
 * trigrams) rather than whole-word Jaccard: feeds of one event differ by hyphens, word
 * endings and small typos ("Netzwerktreffen" / "Netzwerk-Treffen", "Jahrestagung 2026" /
 * "Jahrestagung"), which whole words miss and trigrams keep close. Start instant and place
 * must match exactly as well, so 0.5 is safe: two different events would have to share
 * the minute, the place and half their title's letters.
 */
export const TITLE_SIMILARITY = 0.5;

function trigrams(title: string): Set<string> {
  const grams = new Set<string>();
  for (const word of foldText(title).split(' ')) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** pg_trgm-style similarity of two titles, 0 (nothing shared) to 1 (same letters). */
export function titleSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return shared / (x.size + y.size - shared);
}

interface Place { postalCode: string | null; city: string | null; hasVenue: boolean }

/** Why two places are the same one, or null: the same postal code, else the same city, else both without venue. */
export function samePlace(a: Place, b: Place): string | null {
  const code = (p: Place) => p.postalCode?.replace(/\s+/g, '').toUpperCase() || null;
  if (!a.hasVenue && !b.hasVenue) return 'both without venue';
  if (!a.hasVenue || !b.hasVenue) return null;
  if (code(a) && code(b)) return code(a) === code(b) ? `same postal code ${code(a)}` : null;
  const city = (p: Place) => (p.city ? foldText(p.city) : '');
  if (city(a) !== '' && city(a) === city(b)) return `same city ${a.city}`;
  return null;
}

/** An event another source announced that an incoming record duplicates, and why. */
export interface DuplicateMatch {
  eventKey: number;
  reason: string;
}

/**
 * The event of another source that `v` announces too: same start instant, same country,
 * a title at least TITLE_SIMILARITY similar and the same place; the most similar one when
 * several qualify. Events this source already feeds are never candidates (a source that
 * lists two similar events at one time means two events).
 */
export async function findDuplicate(tx: SqlExecutor, sourceKey: number, v: EventValues): Promise<DuplicateMatch | null> {
  const rows = await tx.query<{ id: number; title_de: string; venue_postal_code: string | null; venue_city: string | null; venue_country: string | null }>(
    `SELECT e.id, e.title_de, e.venue_postal_code, e.venue_city, e.venue_country FROM event e
     WHERE e.country = ? AND e.starts_at = ?
       AND EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id AND es.source_id <> ?)
       AND NOT EXISTS (SELECT 1 FROM event_source es WHERE es.event_id = e.id AND es.source_id = ?)
     ORDER BY e.id`,
    [v.regionCode.slice(0, 2), v.startsAt, sourceKey, sourceKey],
  );
  const incoming: Place = { postalCode: v.venue?.postalCode ?? null, city: v.venue?.city ?? null, hasVenue: v.venue !== null };
  let best: (DuplicateMatch & { score: number }) | null = null;
  for (const r of rows) {
    const score = titleSimilarity(v.titleDe, r.title_de);
    if (score < TITLE_SIMILARITY || (best && score <= best.score)) continue;
    const place = samePlace(incoming, { postalCode: r.venue_postal_code, city: r.venue_city, hasVenue: r.venue_country !== null });
    if (place === null) continue;
    best = { eventKey: Number(r.id), score, reason: `same start, title ${score.toFixed(2)} similar, ${place}` };
  }
  return best && { eventKey: best.eventKey, reason: best.reason };
}
