import countries from 'i18n-iso-countries';
import { Role, type Viewer } from '../../shared/viewer';
import type { SqlExecutor } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { BadUserInputError, ForbiddenError } from '../../shared/errors';
import { isNutsCode } from '../regions';
import { quote } from '../../shared/quote';

// The field checks every admin mutation shares (organisers, patrons, campaigns): each one
// trims and normalises a value or throws BAD_USER_INPUT naming the input path at fault
// (`input.name.de`, `patch.website`, `input.memberIds[2]`), before anything is written.
// The general text, URL and localized checks are src/shared/input-checks.ts; the contact
// checks (e-mail, phone) src/shared/email.ts and src/shared/phone.ts, shared with events.

/** Longest name, in characters, in each language (the columns' width). */
export const MAX_NAME = 300;
/** Longest website URL (organizer.website). */
export const MAX_WEBSITE = 500;
/** Most ids one list of links names (members, partners, patrons). */
export const MAX_LINKS = 1000;

/** Refuses every role but admin, whatever the resolver checked already (one more line of defence). */
export function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError(`Only admin keys maintain organisations, patrons and campaigns; your role is ${viewer.role}.`);
}

/** A NUTS code that exists (any case accepted, stored upper-case), or null for none. */
export async function regionCode(tx: SqlExecutor, value: string | null | undefined, field: string): Promise<string | null> {
  if (value == null || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  const found = isNutsCode(code) && (await tx.query('SELECT 1 AS one FROM region WHERE code = ?', [code])).length > 0;
  if (!found) throw new BadUserInputError(`Unknown region ${quote(value)}: expected a NUTS code such as DE1 or DE111.`, field);
  return code;
}

/** ISO 3166-1 alpha-2 codes (any case accepted, stored upper-case), each once. */
export function countryCodes(values: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  return values.map((value, i) => {
    const code = value.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) {
      throw new BadUserInputError(`${field}[${i}] must be an ISO 3166-1 alpha-2 country code such as DE, got ${quote(value)}.`, `${field}[${i}]`);
    }
    if (seen.has(code)) throw new BadUserInputError(`${code} is named twice.`, `${field}[${i}]`);
    seen.add(code);
    return code;
  });
}

/**
 * The keys of a list of global ids of one kind of record, in order: each malformed,
 * repeated or unknown id is refused at its index (`input.memberIds[2]`). `decode` gives the
 * key of an id of the right type (null otherwise); `existing` says which keys exist.
 */
export async function linkKeys(
  ids: readonly string[], field: string, what: string,
  decode: (id: string) => number | null, existing: (keys: number[]) => Promise<Set<number>>,
): Promise<number[]> {
  if (ids.length > MAX_LINKS) throw new BadUserInputError(`At most ${MAX_LINKS} ids, got ${ids.length}.`, field);
  const seen = new Set<number>();
  const keys = ids.map((id, i) => {
    const key = decode(id);
    if (key === null) throw new BadUserInputError(`${quote(id)} is not the id of ${what}.`, `${field}[${i}]`);
    if (seen.has(key)) throw new BadUserInputError(`${quote(id)} is named twice.`, `${field}[${i}]`);
    seen.add(key);
    return key;
  });
  const found = keys.length === 0 ? new Set<number>() : await existing(keys);
  const missing = keys.findIndex((k) => !found.has(k));
  if (missing >= 0) throw new BadUserInputError(`Unknown ${what}: ${quote(ids[missing])}.`, `${field}[${missing}]`);
  return keys;
}

/** The keys among `keys` that are rows of `table` (optionally only those with organizer.kind = kind). */
export async function existingKeys(tx: SqlExecutor, table: 'organizer' | 'patron', keys: number[], kind?: string): Promise<Set<number>> {
  const rows = await tx.query<{ id: number }>(
    `SELECT id FROM ${table} WHERE id IN (${placeholders(keys.length)})${kind ? ' AND kind = ?' : ''}`,
    kind ? [...keys, kind] : keys,
  );
  return new Set(rows.map((r) => Number(r.id)));
}
