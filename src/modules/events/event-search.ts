import { type SqlExecutor, type SqlValue } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import type { DatabaseKind } from '../../db/data-source';
import { perDialect } from '../../db/dialect';
import { fts5Query, isPrefix, searchDocument, tsQuery, tsVector, type SearchPhrases } from './event-search-text';

// The search index is the table event_search, one row per event, holding the folded
// search document of event-search-text.ts. SQLite: an FTS5 table, rowid = event id,
// contentless (the document is derived, storing it twice buys nothing). PostgreSQL: a plain
// table (event_id, document tsvector) with a GIN index; document and query are written as
// tsvector/tsquery literals of the folded words, so PostgreSQL's text parser (which could
// split words differently, and is slow) never runs. Neither table is a TypeORM entity: no
// entity reads it, and the schema builder leaves tables it does not know alone.

/** The columns an event is found by: title and description in every language, and the venue's city. */
const SEARCHED_COLUMNS = [
  'title_de', 'title_fr', 'title_en', 'description_de', 'description_fr', 'description_en', 'venue_city',
] as const;

/** Events per statement: 1,000 parameters, well inside both engines' limits. */
const BATCH = 500;

/**
 * Brings the search index of these events up to date with their rows: (re)writes the
 * document of each event that exists and removes the entry of each that does not. Every
 * code path that inserts, updates or deletes events calls it with the ids it touched, in
 * the same transaction (pass the transaction's executor). Reads and writes in batches of
 * 500, so 5,000 events cost 30 statements.
 */
export async function indexEvents(tx: SqlExecutor, ids: readonly number[]): Promise<void> {
  const index = searchIndexOf(tx.kind);
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = [...new Set(ids.slice(i, i + BATCH))];
    const rows = await tx.query<Record<string, unknown>>(
      `SELECT id, ${SEARCHED_COLUMNS.join(', ')} FROM event WHERE id IN (${placeholders(chunk.length)})`, chunk,
    );
    const documents = rows.map((r): [number, string] => [
      Number(r.id), searchDocument(SEARCHED_COLUMNS.map((c) => r[c] as string | null)),
    ]);
    if (documents.length > 0) await index.write(tx, documents);
    const found = new Set(documents.map(([id]) => id));
    const gone = chunk.filter((id) => !found.has(id));
    if (gone.length > 0) {
      await tx.query(`DELETE FROM event_search WHERE ${index.keyColumn} IN (${placeholders(gone.length)})`, gone);
    }
  }
}

/**
 * The WHERE condition "event e matches these phrases", usable with any order, page and
 * GROUP BY. Both engines first look the matching ids up in their full-text index (FTS5
 * MATCH; tsvector @@ tsquery over GIN), then fetch those events by id: a search costs what
 * it matches, never a scan of all events. (PostgreSQL, given a plain IN, may instead walk
 * events in list order probing each one, which is fast for common words and slow for rarer
 * ones found late in the order; ANY(ARRAY(…)) rules that out.) The query text is built from
 * folded words only, so no input can make it a syntax error.
 */
export function searchCondition(kind: DatabaseKind, phrases: SearchPhrases): { sql: string; params: SqlValue[] } {
  return searchIndexOf(kind).condition(phrases);
}

/**
 * The join that ranks matches for orderBy RELEVANCE: subquery `r` with (id, score) of
 * events holding the query's words, lower score = better match on both engines, so one
 * ORDER BY and one keyset comparison serve both; the join is always used together with
 * searchCondition, which keeps the matches only.
 *
 * A score depends on the event's own document and the query, never on other events:
 * hidden events must not move what the public sees (not its order, not the scores in its
 * cursors). PostgreSQL: ts_rank, which reads one tsvector and the query and nothing else,
 * negated, as double precision so the score survives a cursor's round trip exactly
 * (float8 prints and parses back bit for bit; float4 read as a JS number would not compare
 * equal again). SQLite: FTS5's bm25 weighs words by their frequency over every indexed
 * event, hidden ones included, so it is not used; the score is minus the number of
 * occurrences of the query's words (prefixes expanded) in the document, counted from the
 * index itself (fts5vocab event_search_instance), like ts_rank without normalisation. An
 * integer, so cursors hold it exactly too. Title and description weigh the same: the
 * document is one column.
 */
export function rankJoin(kind: DatabaseKind, phrases: SearchPhrases): { sql: string; params: SqlValue[] } {
  return searchIndexOf(kind).rankJoin(phrases);
}

/** What the search does on one engine's full-text machinery. */
interface SearchIndex {
  /** The column of event_search holding the event's id. */
  keyColumn: string;
  /** (Re)writes these events' documents. */
  write(tx: SqlExecutor, documents: [number, string][]): Promise<void>;
  condition(phrases: SearchPhrases): { sql: string; params: SqlValue[] };
  rankJoin(phrases: SearchPhrases): { sql: string; params: SqlValue[] };
}

/** SQLite: the contentless FTS5 table, rowid = event id. */
const FTS5_INDEX: SearchIndex = {
  keyColumn: 'rowid',
  async write(tx, documents) {
    await tx.query(
      `INSERT OR REPLACE INTO event_search (rowid, document) VALUES ${documents.map(() => '(?, ?)').join(', ')}`,
      documents.flat(),
    );
  },
  condition: (phrases) => ({
    sql: 'e.id IN (SELECT rowid FROM event_search WHERE event_search MATCH ?)', params: [fts5Query(phrases)],
  }),
  rankJoin(phrases) {
    const words = [...new Set(phrases.flat())];
    const params: SqlValue[] = [];
    const parts = words.map((w) => {
      if (!isPrefix(w)) {
        params.push(w);
        return 'SELECT doc FROM event_search_instance WHERE term = ?';
      }
      params.push(w, prefixEnd(w));
      return 'SELECT doc FROM event_search_instance WHERE term >= ? AND term < ?';
    });
    return {
      sql: `JOIN (SELECT doc AS id, -COUNT(*) AS score FROM (${parts.join(' UNION ALL ')}) GROUP BY doc) r ON r.id = e.id`,
      params,
    };
  },
};

/** PostgreSQL: (event_id, document tsvector) with a GIN index. */
const TSVECTOR_INDEX: SearchIndex = {
  keyColumn: 'event_id',
  async write(tx, documents) {
    await tx.query(
      `INSERT INTO event_search (event_id, document) VALUES ${documents.map(() => '(?, CAST(? AS tsvector))').join(', ')}
       ON CONFLICT (event_id) DO UPDATE SET document = EXCLUDED.document`,
      documents.flatMap(([id, document]): SqlValue[] => [id, tsVector(document)]),
    );
  },
  condition: (phrases) => ({
    sql: 'e.id = ANY(ARRAY(SELECT event_id FROM event_search WHERE document @@ CAST(? AS tsquery)))',
    params: [tsQuery(phrases)],
  }),
  rankJoin(phrases) {
    const query = tsQuery(phrases);
    return {
      sql: `JOIN (SELECT event_id AS id, -CAST(ts_rank(document, CAST(? AS tsquery)) AS double precision) AS score
            FROM event_search WHERE document @@ CAST(? AS tsquery)) r ON r.id = e.id`,
      params: [query, query],
    };
  },
};

function searchIndexOf(kind: DatabaseKind): SearchIndex {
  return perDialect(kind, { sqlite: FTS5_INDEX, postgres: TSVECTOR_INDEX });
}

/** The first string after every word that starts with `prefix` (words are [a-z0-9]). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
