import type { OrganizerKind } from '../organizers';
import { randomInt } from 'node:crypto';
import { type SqlExecutor, type SqlValue } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { PUBLIC_STATUSES } from './event.enums';
import type { EntityReader } from '../../db/entity-reader';
import { insertRows } from '../../db/bulk-insert';
import { insertRow, updateVersionedRow } from '../../db/row-writes';
import type { Event } from './event.entity';
import type { CancelledBy, EventStatus } from './event.enums';
import { regionColumns, startsLocalOf, titleSortOf } from './event-derived';
import type { EventLinks, EventValues, OrganizerRef } from './event-write.values';
import type { WriteLookups } from './event-write.validation';

// The SQL of the event mutations, each statement on the mutation's transaction. Only the
// write service calls these.

/** An event as read for a change: the row (locked on PostgreSQL) and its links. */
export interface StoredEvent {
  event: Event;
  links: EventLinks;
  campaignSlug: string | null;
}

/**
 * The event with this key and its links, or null. On PostgreSQL the row stays locked
 * until the transaction ends, so concurrent changes of one event take turns and each one
 * reads what the previous one wrote; SQLite's transactions take turns anyway. NO KEY
 * UPDATE, the lock the UPDATE takes anyway: foreign-key checks of other writers' link rows
 * (KEY SHARE) pass it instead of waiting, which could close a cycle with them.
 */
export async function readForChange(tx: SqlExecutor, reader: EntityReader<Event>, key: number): Promise<StoredEvent | null> {
  const [row] = await tx.query(`SELECT ${reader.select('e')} FROM event e WHERE e.id = ?${tx.dialect.lockForUpdate()}`, [key]);
  if (!row) return null;
  const event = reader.hydrate(row);
  const organizers = await tx.query<{ key: number; kind: OrganizerKind }>(
    `SELECT eo.organizer_id AS "key", o.kind AS kind FROM event_organizer eo JOIN organizer o ON o.id = eo.organizer_id
     WHERE eo.event_id = ? ORDER BY eo.position, eo.organizer_id`, [key]);
  const patrons = await tx.query<{ key: number }>(
    'SELECT patron_id AS "key" FROM event_patron WHERE event_id = ? ORDER BY position, patron_id', [key]);
  const [campaign] = event.campaignId === null ? []
    : await tx.query<{ slug: string }>('SELECT slug FROM campaign WHERE id = ?', [event.campaignId]);
  return {
    event,
    links: {
      organizers: organizers.map((o) => ({ key: Number(o.key), kind: o.kind })),
      patronIds: patrons.map((p) => Number(p.key)),
    },
    campaignSlug: campaign?.slug ?? null,
  };
}

/** The columns every write sets from the values, derived columns included, in one order. */
function valueColumns(v: EventValues): [string, SqlValue][] {
  const region = regionColumns(v.regionCode);
  const venue = v.venue;
  return [
    ['title_de', v.titleDe], ['title_fr', v.titleFr], ['title_en', v.titleEn], ['title_sort', titleSortOf(v.titleDe)],
    ['description_de', v.descriptionDe], ['description_fr', v.descriptionFr], ['description_en', v.descriptionEn],
    ['category', v.category], ['starts_at', v.startsAt], ['ends_at', v.endsAt],
    ['starts_local', startsLocalOf(v.startsAt, v.timeZone)], ['time_zone', v.timeZone],
    ['venue_name', venue?.name ?? null], ['venue_street', venue?.street ?? null],
    ['venue_postal_code', venue?.postalCode ?? null], ['venue_city', venue?.city ?? null],
    ['venue_country', venue?.country ?? null], ['venue_latitude', venue?.latitude ?? null],
    ['venue_longitude', venue?.longitude ?? null],
    ['region_code', v.regionCode], ['country', region.country], ['nuts1', region.nuts1], ['nuts2', region.nuts2],
    ['campaign_id', v.campaignId], ['languages', v.languages.join(',')],
    ['url', v.url], ['registration_url', v.registrationUrl],
    ['contact_name', v.contact?.name ?? null], ['contact_email', v.contact?.email ?? null],
    ['contact_phone', v.contact?.phone ?? null], ['all_day', v.allDay],
  ];
}

/** Inserts a new event (version 1) and its links; returns its key. */
export async function insertEvent(
  tx: SqlExecutor, v: EventValues, row: { slug: string; status: EventStatus; now: number },
): Promise<number> {
  const columns: [string, SqlValue][] = [
    ['slug', row.slug], ...valueColumns(v), ['status', row.status], ['status_reason', null], ['cancelled_by', null], ['synthetic', false],
    ['version', 1], ['created_at', row.now], ['updated_at', row.now],
  ];
  const key = await insertRow(tx, 'event', columns);
  await writeLinks(tx, key, v, null);
  return key;
}

/** A status as stored with it: the reason people read, and who cancelled (null unless CANCELLED). */
export interface StatusState {
  status: EventStatus;
  statusReason: string | null;
  cancelledBy: CancelledBy | null;
}

/**
 * Overwrites an event's values and status if it still has `version` (the conditional
 * UPDATE that makes expectedVersion hold under any isolation level), bumping the version
 * in SQL. False when no row matched: someone else changed it first.
 */
export async function updateEvent(
  tx: SqlExecutor, key: number, version: number, v: EventValues,
  state: StatusState & { now: number },
): Promise<boolean> {
  return updateVersionedRow(tx, 'event', key, version, [...valueColumns(v), ...statusColumns(state), ['updated_at', state.now]]);
}

/** Moves an event to a status (with its reason) if it still has `version`; false otherwise. */
export async function updateStatus(
  tx: SqlExecutor, key: number, version: number, state: StatusState & { now: number },
): Promise<boolean> {
  return updateVersionedRow(tx, 'event', key, version, [...statusColumns(state), ['updated_at', state.now]]);
}

function statusColumns(state: StatusState): [string, SqlValue][] {
  return [['status', state.status], ['status_reason', state.statusReason], ['cancelled_by', state.cancelledBy]];
}

/** Rewrites the organiser and patron links that differ from `before` (all of them when null). */
export async function writeLinks(tx: SqlExecutor, key: number, v: EventValues, before: EventLinks | null): Promise<void> {
  const sameOrganizers = before !== null && sameKeys(before.organizers.map((o) => o.key), v.organizers.map((o) => o.key));
  if (!sameOrganizers) {
    if (before !== null) await tx.query('DELETE FROM event_organizer WHERE event_id = ?', [key]);
    await insertRows(tx, 'event_organizer', ['event_id', 'organizer_id', 'position'], v.organizers.map((o, i) => [key, o.key, i]));
  }
  if (before === null || !sameKeys(before.patronIds, v.patronIds)) {
    if (before !== null) await tx.query('DELETE FROM event_patron WHERE event_id = ?', [key]);
    await insertRows(tx, 'event_patron', ['event_id', 'patron_id', 'position'], v.patronIds.map((p, i) => [key, p, i]));
  }
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * A slug for a new event that no event has, chosen so that it tells nobody whether hidden
 * events (SUBMITTED, DRAFT, REJECTED) exist:
 * - an event that starts hidden (`status` given and not public) gets `base-` and six
 *   random letters, whatever rows there are: its editor sees the same kind of slug with or
 *   without another organiser's hidden event of that title;
 * - an event that starts public gets `base`, else `base-2`, `base-3`, … past the highest
 *   taken by a public event (so hidden events made this way never hold a numbered slug);
 *   if that one is nonetheless held by a hidden event (one from before this rule), it too
 *   gets random letters rather than a number that would count the hidden one.
 * On PostgreSQL, submissions of one base take turns (a transaction-level advisory lock), so
 * each sees the slugs the previous ones committed; a writer that does not take the lock can
 * still win a race, which the unique index refuses (see isSlugClash; the caller tries again).
 */
export async function freeSlug(tx: SqlExecutor, base: string, status?: EventStatus): Promise<string> {
  if (status !== undefined && !PUBLIC_STATUSES.includes(status)) return `${base}-${randomLetters()}`;
  await tx.dialect.advisoryLock(tx, 'event-slug', base);
  // The slug itself first, by the unique index: mostly it is free, and the LIKE below
  // scans every event (neither database can use the index for it), which made a trusted
  // import of n records cost n² row reads.
  const same = await tx.query<{ slug: string }>('SELECT slug FROM event WHERE slug = ?', [base]);
  if (same.length === 0) return base;
  const rows = await tx.query<{ slug: string; status: EventStatus }>(
    'SELECT slug, status FROM event WHERE slug = ? OR slug LIKE ?', [base, `${base}-%`]);
  const visible = new Set(rows.filter((r) => PUBLIC_STATUSES.includes(r.status)).map((r) => r.slug));
  let candidate = base;
  if (visible.has(base)) {
    let highest = 1;
    for (const slug of visible) {
      const n = /^-([0-9]{1,9})$/.exec(slug.slice(base.length));
      if (n) highest = Math.max(highest, Number(n[1]));
    }
    candidate = `${base}-${highest + 1}`;
  }
  return rows.some((r) => r.slug === candidate) ? `${base}-${randomLetters()}` : candidate;
}

/** Letters only, so a random suffix never looks like (or counts as) a number `-n`. */
const SLUG_LETTERS = 'abcdefghijkmnpqrstuvwxyz';

function randomLetters(): string {
  let out = '';
  for (let i = 0; i < 6; i += 1) out += SLUG_LETTERS[randomInt(SLUG_LETTERS.length)];
  return out;
}

/** True for the error of an INSERT that lost the race for a slug. */
export function isSlugClash(err: unknown): boolean {
  const e = err as { message?: string; constraint?: string; driverError?: { constraint?: string } } | null;
  return e?.driverError?.constraint === 'uq_event_slug' || e?.constraint === 'uq_event_slug'
    || /UNIQUE constraint failed: event\.slug/.test(e?.message ?? '');
}

/** The existence checks validation needs, answered through tx. */
export function writeLookups(tx: SqlExecutor): WriteLookups {
  return {
    regionExists: async (code) => (await tx.query('SELECT 1 AS one FROM region WHERE code = ?', [code])).length > 0,
    existingOrganizers: async (refs: OrganizerRef[]) => {
      const rows = await tx.query<{ id: number; kind: OrganizerKind }>(
        `SELECT id, kind FROM organizer WHERE id IN (${placeholders(refs.length)})`, refs.map((r) => r.key));
      const kindOf = new Map(rows.map((r) => [Number(r.id), r.kind]));
      return new Set(refs.filter((r) => kindOf.get(r.key) === r.kind).map((r) => r.key));
    },
    existingPatrons: async (keys) => {
      if (keys.length === 0) return new Set();
      const rows = await tx.query<{ id: number }>(`SELECT id FROM patron WHERE id IN (${placeholders(keys.length)})`, keys);
      return new Set(rows.map((r) => Number(r.id)));
    },
    campaignIdBySlug: async (slug) => {
      const [row] = await tx.query<{ id: number }>('SELECT id FROM campaign WHERE slug = ?', [slug]);
      return row ? Number(row.id) : null;
    },
  };
}
