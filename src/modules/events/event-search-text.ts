import { foldText } from '../../shared/text-fold';
import { BadUserInputError } from '../../shared/errors';

// Search works on folded text on both sides, the stored document and the query. Folding
// leaves only words [a-z0-9]+ separated by single spaces, so both engines see the same
// words, and a query built from them can never hold query syntax of its own.

/** Longest `text` accepted, in characters: a pasted title fits, a pasted page does not. */
const MAX_SEARCH_LENGTH = 500;

/** Most words a `text` may hold (each one is an AND-ed condition). */
const MAX_SEARCH_WORDS = 32;

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

/** foldText of one lower-case character; a standalone accent joins its neighbours, punctuation separates them. */
function foldChar(ch: string): string {
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = /^[\u0300-\u036f]$/.test(ch) ? '' : foldText(LIGATURES[ch] ?? ch) || ' ';
    folds.set(ch, folded);
  }
  return folded;
}

/**
 * Text as search words, by foldText's rules (lower case, ä → ae, ß → ss, other accents
 * dropped, anything but a-z and 0-9 a separator), plus: NFC first (a decomposed "ö" still
 * becomes "oe") and œ, æ, ø spelt out. Character by character with a cache, as ASCII text
 * (most of it) needs one pass: the synthetic seed folds 700,000 texts.
 */
export function searchFold(text: string): string {
  let lower = text.toLowerCase();
  if (HAS_NON_ASCII.test(lower)) lower = lower.normalize('NFC').replace(NON_ASCII, foldChar);
  return lower.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The search document of an event's texts: each text folded (ä → ae) and, where it has
 * umlauts, once more with them reduced to the base letter (ä → a), so "Loerrach",
 * "Lörrach" and "Lorrach" all find "Lörrach". Each spelling of a text stays whole, so a
 * phrase matches within either. Words over 200 characters are left out, and the document
 * ends after 100,000 characters.
 */
export function searchDocument(texts: readonly (string | null | undefined)[]): string {
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

/**
 * A parsed `text`: one phrase per whitespace-separated word of the input, each phrase the
 * folded words of that input word ("go-cluster" → ["go", "cluster"]). Every phrase must
 * match, its words adjacent and in order, each word of two or more characters as a prefix
 * ("Dreiländer" finds "Dreiländereck").
 */
export type SearchPhrases = string[][];

/**
 * Parses a user's `text`. BAD_USER_INPUT (at `field`) when it is longer than
 * MAX_SEARCH_LENGTH, holds more than MAX_SEARCH_WORDS words, or holds no word at all after
 * folding (empty, blank, only punctuation, only letters outside the Latin alphabet): such
 * a text cannot be searched for, and answering with nothing or everything would hide the
 * mistake. Without `text` a list is not searched.
 */
export function parseSearchText(text: string, field: string): SearchPhrases {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`text is at most ${MAX_SEARCH_LENGTH} characters long, got ${text.length}.`, field);
  }
  const seen = new Set<string>();
  const phrases: SearchPhrases = [];
  for (const word of text.split(/\s+/)) {
    const folded = searchFold(word);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    phrases.push(folded.split(' '));
  }
  const words = phrases.reduce((n, p) => n + p.length, 0);
  if (words === 0) {
    throw new BadUserInputError(
      'text holds no word to search for: words are made of letters (accents and umlauts are folded: ä = ae) and digits.', field,
    );
  }
  if (words > MAX_SEARCH_WORDS) {
    throw new BadUserInputError(`text holds at most ${MAX_SEARCH_WORDS} words, got ${words}.`, field);
  }
  return phrases;
}

/**
 * Whether a word matches as a prefix: all but single characters. "a" as a prefix would
 * match nearly every event and make the search cost a scan, while saying nothing.
 */
export function isPrefix(word: string): boolean {
  return word.length > 1;
}

/** The phrases as an FTS5 query: `"go"* + "cluster"* "messe"*` (side by side is AND). */
export function fts5Query(phrases: SearchPhrases): string {
  return phrases.map((p) => p.map((w) => `"${w}"${isPrefix(w) ? '*' : ''}`).join(' + ')).join(' ');
}

/** The phrases as a PostgreSQL tsquery literal: `(go:* <-> cluster:*) & messe:*`. */
export function tsQuery(phrases: SearchPhrases): string {
  const term = (w: string) => `${w}${isPrefix(w) ? ':*' : ''}`;
  return phrases.map((p) => (p.length === 1 ? term(p[0]) : `(${p.map(term).join(' <-> ')})`)).join(' & ');
}

/**
 * A document as a PostgreSQL tsvector literal (`cluster:2,9 go:1`): exactly what
 * to_tsvector('simple', document) makes of folded text, without PostgreSQL's parser, which
 * takes twice as long as the insert around it. As there, positions above 16,383 share the
 * last one and a word keeps its first 255 positions.
 */
export function tsVector(document: string): string {
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
