// Frozen with migration 1764000000002-EventSearch: the search document of an event and the
// writing of the index, exactly as that migration indexed the events already there. The
// application's own copy (src/modules/events/event-search.ts, event-search-text.ts and
// foldText of src/shared/text-fold.ts) may change; a migration is history and must keep
// doing what it did, so this copy is never edited.

/** What the migration runs its statements through: `?` placeholders on both engines. */
export interface MigrationExecutor {
  readonly kind: 'sqlite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The columns an event is found by: title and description in every language, and the venue's city. */
const SEARCHED_COLUMNS = [
  'title_de', 'title_fr', 'title_en', 'description_de', 'description_fr', 'description_en', 'venue_city',
] as const;

/** Events per statement: 1,000 parameters, well inside both engines' limits. */
const BATCH = 500;

/** Longer words are left out of documents: no one searches for them, PostgreSQL refuses them. */
const MAX_WORD_LENGTH = 200;

/** Documents are cut here (at a word), far inside PostgreSQL's 1 MB per tsvector. */
const MAX_DOCUMENT_LENGTH = 100_000;

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ø: 'o' };
const BARE_UMLAUTS: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u' };
const NON_ASCII = /[^\x00-\x7f]/g;
const HAS_NON_ASCII = /[^\x00-\x7f]/;
const TOO_LONG_WORD = new RegExp(`[a-z0-9]{${MAX_WORD_LENGTH + 1}}`);
const folds = new Map<string, string>();

/**
 * Writes the search document of each of these events that exists and removes the entry of
 * each that does not, 500 events per statement.
 */
export async function indexEvents(tx: MigrationExecutor, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = [...new Set(ids.slice(i, i + BATCH))];
    const rows = await tx.query<Record<string, unknown>>(
      `SELECT id, ${SEARCHED_COLUMNS.join(', ')} FROM event WHERE id IN (${placeholders(chunk.length)})`, chunk,
    );
    const documents = rows.map((r): [number, string] => [
      Number(r.id), searchDocument(SEARCHED_COLUMNS.map((c) => r[c] as string | null)),
    ]);
    await writeDocuments(tx, documents);
    const found = new Set(documents.map(([id]) => id));
    const gone = chunk.filter((id) => !found.has(id));
    if (gone.length > 0) {
      await tx.query(`DELETE FROM event_search WHERE ${tx.kind === 'sqlite' ? 'rowid' : 'event_id'} IN (${placeholders(gone.length)})`, gone);
    }
  }
}

async function writeDocuments(tx: MigrationExecutor, documents: [number, string][]): Promise<void> {
  if (documents.length === 0) return;
  if (tx.kind === 'sqlite') {
    await tx.query(
      `INSERT OR REPLACE INTO event_search (rowid, document) VALUES ${documents.map(() => '(?, ?)').join(', ')}`,
      documents.flat(),
    );
  } else {
    await tx.query(
      `INSERT INTO event_search (event_id, document) VALUES ${documents.map(() => '(?, CAST(? AS tsvector))').join(', ')}
       ON CONFLICT (event_id) DO UPDATE SET document = EXCLUDED.document`,
      documents.flatMap(([id, document]) => [id, tsVector(document)]),
    );
  }
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/**
 * The search document of an event's texts: each text folded (ä → ae) and, where it has
 * umlauts, once more with them reduced to the base letter (ä → a). Words over 200
 * characters are left out, and the document ends after 100,000 characters.
 */
function searchDocument(texts: readonly (string | null | undefined)[]): string {
  const parts: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    const folded = searchFold(text);
    if (folded) parts.push(folded);
    if (!HAS_NON_ASCII.test(text)) continue;
    const lower = text.toLowerCase().normalize('NFC');
    if (/[äöü]/.test(lower)) parts.push(searchFold(lower.replace(/[äöü]/g, (u) => BARE_UMLAUTS[u])));
  }
  let document = parts.join(' ');
  if (document.length > MAX_DOCUMENT_LENGTH) document = document.slice(0, Math.max(0, document.lastIndexOf(' ', MAX_DOCUMENT_LENGTH)));
  if (TOO_LONG_WORD.test(document)) {
    document = document.split(' ').filter((w) => w.length <= MAX_WORD_LENGTH).join(' ');
  }
  return document;
}

/** Text as search words: foldText's rules, NFC first, and œ, æ, ø spelt out. */
function searchFold(text: string): string {
  let lower = text.toLowerCase();
  if (HAS_NON_ASCII.test(lower)) lower = lower.normalize('NFC').replace(NON_ASCII, foldChar);
  return lower.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** foldText of one lower-case character; a standalone accent joins its neighbours, punctuation separates them. */
function foldChar(ch: string): string {
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = /^[\u0300-\u036f]$/.test(ch) ? '' : foldText(LIGATURES[ch] ?? ch) || ' ';
    folds.set(ch, folded);
  }
  return folded;
}

/** Lower case, umlauts spelt out the German way (ä → ae), other accents dropped, anything else a separator. */
function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A document as a PostgreSQL tsvector literal (`cluster:2,9 go:1`), as to_tsvector('simple', …) makes it. */
function tsVector(document: string): string {
  const positions = new Map<string, number[]>();
  document.split(' ').forEach((word, i) => {
    if (!word) return;
    const at = Math.min(i + 1, 16_383);
    const list = positions.get(word);
    if (list === undefined) positions.set(word, [at]);
    else if (list.length < 255 && list[list.length - 1] !== at) list.push(at);
  });
  return [...positions].map(([word, at]) => `${word}:${at.join(',')}`).join(' ');
}
