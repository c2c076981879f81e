import { isDeepStrictEqual } from 'node:util';
import type { SqlExecutor, SqlValue } from '../../db/database';
import type { EntityReader } from '../../db/entity-reader';
import { insertRows } from '../../db/bulk-insert';
import { insertRow, updateRow } from '../../db/row-writes';
import { foldText } from '../../shared/text-fold';
import type { Organizer, OrganizerKind } from './organizer.entity';
import type { OrganizerValues } from './organizer-write.values';
import { MAX_NAME } from './organizer-write.checks';

// The SQL of the admin mutations on organisers, each statement on the mutation's
// transaction. Rows are written as the demo loader writes them (organizerRow): the kind's
// own columns filled, the other kinds' null, topics as JSON text, countries as a comma list.

/** An organiser as read for a change: the row (locked on PostgreSQL) and its values. */
export interface StoredOrganizer {
  organizer: Organizer;
  values: OrganizerValues;
}

/**
 * On PostgreSQL, locks the organiser rows with these keys until the transaction ends, in
 * ascending key order and in one statement: two writes that each touch several organisers
 * (updateNetwork(A, partners [B]) beside updateNetwork(B, partners [A])) then queue on
 * the first shared row instead of each holding one and waiting for the other (a deadlock).
 * NO KEY UPDATE, as the UPDATE itself takes: the link rows' foreign-key checks (KEY SHARE)
 * by other writers do not wait for it. SQLite's transactions take turns anyway.
 */
export async function lockOrganizers(tx: SqlExecutor, keys: readonly number[] | (() => Promise<readonly number[]>)): Promise<void> {
  await tx.dialect.lockRows(tx, 'organizer', keys);
}

/** The organisers a network is linked to now (members and partners, either direction), read without a lock. */
export async function currentLinkKeys(tx: SqlExecutor, key: number): Promise<number[]> {
  const rows = await tx.query<{ k: number }>(
    `SELECT initiative_id AS k FROM network_member WHERE network_id = ?
     UNION SELECT partner_id AS k FROM network_partner WHERE network_id = ?
     UNION SELECT network_id AS k FROM network_partner WHERE partner_id = ?`, [key, key, key]);
  return rows.map((r) => Number(r.k));
}

/**
 * The organiser of this kind with this key, with its contacts and links, or null. On
 * PostgreSQL the row stays locked until the transaction ends (see lockOrganizers), so
 * concurrent changes of one organiser take turns and each reads what the previous one wrote.
 */
export async function readForChange(
  tx: SqlExecutor, reader: EntityReader<Organizer>, key: number, kind: OrganizerKind,
): Promise<StoredOrganizer | null> {
  const [row] = await tx.query(
    `SELECT ${reader.select('o')} FROM organizer o WHERE o.id = ? AND o.kind = ?${tx.dialect.lockForUpdate()}`, [key, kind]);
  if (!row) return null;
  const organizer = reader.hydrate(row);
  const contacts = kind === 'MINISTRY' ? [] : await tx.query<Record<string, string | null>>(
    'SELECT name, role_de, role_fr, role_en, email, phone FROM contact WHERE organizer_id = ? ORDER BY position, id', [key]);
  const members = kind !== 'NETWORK' ? [] : await tx.query<{ k: number }>(
    'SELECT initiative_id AS k FROM network_member WHERE network_id = ? ORDER BY initiative_id', [key]);
  const partners = kind !== 'NETWORK' ? [] : await tx.query<{ k: number }>(
    `SELECT partner_id AS k FROM network_partner WHERE network_id = ?
     UNION SELECT network_id AS k FROM network_partner WHERE partner_id = ? ORDER BY k`, [key, key]);
  const o = organizer as unknown as Record<string, unknown>;
  return {
    organizer,
    values: {
      name: { de: organizer.nameDe, fr: organizer.nameFr, en: organizer.nameEn },
      regionCode: organizer.regionCode,
      website: organizer.website,
      shortName: kind === 'MINISTRY' ? (o.shortName as string | null) : null,
      level: kind === 'MINISTRY' ? (o.level as string | null) : null,
      topics: kind === 'INITIATIVE' ? ((o.topics as string[] | null) ?? []) : null,
      scope: kind === 'NETWORK' ? (o.scope as string | null) : null,
      countries: kind === 'NETWORK' ? ((o.countries as string[] | null) ?? []) : null,
      contacts: contacts.map((c) => ({
        name: c.name as string,
        role: c.role_de === null ? null : { de: c.role_de, fr: c.role_fr, en: c.role_en },
        email: c.email,
        phone: c.phone,
      })),
      memberKeys: members.map((m) => Number(m.k)),
      partnerKeys: partners.map((p) => Number(p.k)),
    },
  };
}

/** The organizer columns the values set, in one order, name_sort included. */
function rowColumns(kind: OrganizerKind, v: OrganizerValues): [string, SqlValue][] {
  return [
    ['name_de', v.name.de], ['name_fr', v.name.fr], ['name_en', v.name.en],
    // Folding spells umlauts out (ä → ae), so the key can outgrow the name; it only sorts and searches.
    ['name_sort', foldText(v.name.de).slice(0, MAX_NAME)],
    ['region_code', v.regionCode], ['website', v.website],
    ['short_name', kind === 'MINISTRY' ? v.shortName : null],
    ['level', kind === 'MINISTRY' ? v.level : null],
    ['topics', kind === 'INITIATIVE' ? JSON.stringify(v.topics ?? []) : null],
    ['scope', kind === 'NETWORK' ? v.scope : null],
    ['countries', kind === 'NETWORK' && v.countries && v.countries.length > 0 ? v.countries.join(',') : null],
  ];
}

/** Inserts a new organiser of a kind (not synthetic) with its contacts and links; returns its key. */
export async function insertOrganizer(tx: SqlExecutor, kind: OrganizerKind, v: OrganizerValues): Promise<number> {
  const columns: [string, SqlValue][] = [['kind', kind], ...rowColumns(kind, v), ['synthetic', false]];
  const key = await insertRow(tx, 'organizer', columns);
  await writeLinks(tx, key, v, null);
  return key;
}

/** Overwrites an organiser's columns and the contacts and links that differ from `before`. */
export async function updateOrganizer(tx: SqlExecutor, key: number, kind: OrganizerKind, v: OrganizerValues, before: OrganizerValues): Promise<void> {
  await updateRow(tx, 'organizer', key, rowColumns(kind, v));
  await writeLinks(tx, key, v, before);
}

/**
 * Rewrites contacts, members and partners where they differ from `before` (all of them when
 * null). A partnership is one row, whichever network named the other, so replacing a
 * network's partners removes the rows of both directions.
 */
async function writeLinks(tx: SqlExecutor, key: number, v: OrganizerValues, before: OrganizerValues | null): Promise<void> {
  if (before === null || !isDeepStrictEqual(before.contacts, v.contacts)) {
    if (before !== null) await tx.query('DELETE FROM contact WHERE organizer_id = ?', [key]);
    await insertRows(tx, 'contact', ['organizer_id', 'position', 'name', 'role_de', 'role_fr', 'role_en', 'email', 'phone'],
      v.contacts.map((c, i) => [key, i, c.name, c.role?.de ?? null, c.role?.fr ?? null, c.role?.en ?? null, c.email, c.phone]));
  }
  if (before === null || !sameKeys(before.memberKeys, v.memberKeys)) {
    if (before !== null) await tx.query('DELETE FROM network_member WHERE network_id = ?', [key]);
    await insertRows(tx, 'network_member', ['network_id', 'initiative_id'], v.memberKeys.map((m) => [key, m]));
  }
  if (before === null || !sameKeys(before.partnerKeys, v.partnerKeys)) {
    if (before !== null) await tx.query('DELETE FROM network_partner WHERE network_id = ? OR partner_id = ?', [key, key]);
    await insertRows(tx, 'network_partner', ['network_id', 'partner_id'], v.partnerKeys.map((p) => [key, p]));
  }
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
