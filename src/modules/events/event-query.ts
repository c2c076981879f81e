import type { SqlValue } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { BadUserInputError, ForbiddenError } from '../../shared/errors';
import { isNutsCode } from '../regions';
import { organizerKeyOf } from '../organizers';
import { decodeCursor, encodeCursor, type CursorValueType, type KeysetPosition } from '../../shared/pagination';
import { Role, seesEverything, type Viewer } from '../../shared/viewer';
import { EventOrder, EventStatus, PUBLIC_STATUSES } from './event.enums';
import type { EventFilter } from './event.inputs';
import type { Event } from './event.entity';
import type { DatabaseKind } from '../../db/data-source';
import { parseSearchText } from './event-search-text';
import { rankJoin, searchCondition } from './event-search';
import { quote } from '../../shared/quote';

/** A WHERE clause as SQL fragments joined by AND, with its parameters in order. */
export interface Conditions {
  sql: string[];
  params: SqlValue[];
}

/** What a filter needs looked up before it can become SQL (done by the service, batched). */
export interface FilterLookups {
  regionExists(code: string): Promise<boolean>;
  campaignIdBySlug(slug: string): Promise<number | null>;
  /** The engine the SQL is for: full-text search is written in each one's own syntax. */
  database: DatabaseKind;
}

const DEFAULT_STATUSES = [EventStatus.PUBLISHED];

/**
 * The WHERE conditions of an EventFilter for a viewer, on the event alias `e`. Refuses
 * malformed values (BAD_USER_INPUT with the field) and statuses the viewer may not ask for
 * (FORBIDDEN). `field` prefixes error paths, e.g. "filter".
 */
export async function eventConditions(
  viewer: Viewer, filter: EventFilter | null | undefined, lookups: FilterLookups, field = 'filter',
): Promise<Conditions> {
  const c: Conditions = { sql: [], params: [] };
  visibility(viewer, filter?.statuses, c);
  if (!filter) return c;

  if (filter.region != null) {
    const code = filter.region.trim().toUpperCase();
    if (!isNutsCode(code) || !(await lookups.regionExists(code))) {
      throw new BadUserInputError(`Unknown region ${quote(filter.region)}: expected a NUTS code such as DE1 or DE139.`, `${field}.region`);
    }
    const column = ['e.country', 'e.nuts1', 'e.nuts2', 'e.region_code'][code.length - 2];
    c.sql.push(`${column} = ?`);
    c.params.push(code);
  }
  if (filter.country != null) {
    const country = filter.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) {
      throw new BadUserInputError(`country must be an ISO 3166-1 alpha-2 code such as DE, got ${quote(filter.country)}.`, `${field}.country`);
    }
    c.sql.push('e.country = ?');
    c.params.push(country);
  }
  if (filter.categories != null && filter.categories.length > 0) {
    const categories = [...new Set(filter.categories)];
    c.sql.push(`e.category IN (${placeholders(categories.length)})`);
    c.params.push(...categories);
  }
  if (filter.campaign != null) {
    const id = await lookups.campaignIdBySlug(filter.campaign.trim());
    if (id === null) throw new BadUserInputError(`Unknown campaign ${quote(filter.campaign)}.`, `${field}.campaign`);
    c.sql.push('e.campaign_id = ?');
    c.params.push(id);
  }
  if (filter.organizer != null) {
    const parsed = organizerKeyOf(filter.organizer);
    if (!parsed) throw new BadUserInputError('organizer is not the id of a ministry, initiative or network.', `${field}.organizer`);
    c.sql.push('EXISTS (SELECT 1 FROM event_organizer fo JOIN organizer fz ON fz.id = fo.organizer_id WHERE fo.event_id = e.id AND fo.organizer_id = ? AND fz.kind = ?)');
    c.params.push(parsed.key, parsed.kind);
  }
  if (filter.startsFrom != null) {
    c.sql.push('e.starts_at >= ?');
    c.params.push(instant(filter.startsFrom));
  }
  if (filter.startsBefore != null) {
    c.sql.push('e.starts_at < ?');
    c.params.push(instant(filter.startsBefore));
  }
  if (filter.updatedSince != null) {
    c.sql.push('e.updated_at >= ?');
    c.params.push(instant(filter.updatedSince));
  }
  if (filter.language != null) {
    c.sql.push("(',' || e.languages || ',') LIKE ?");
    c.params.push(`%,${filter.language},%`);
  }
  if (filter.text != null) {
    const match = searchCondition(lookups.database, parseSearchText(filter.text, `${field}.text`));
    c.sql.push(match.sql);
    c.params.push(...match.params);
  }
  return c;
}

function instant(d: Date): number {
  return d.getTime();
}

/**
 * What a viewer may read at all, whatever a list asks for: the public statuses for the
 * public and partners, own events of any status for an editor, everything for moderators
 * and admins. Point lookups (node, event) use it; a hidden event is then simply not found.
 */
export function readableConditions(viewer: Viewer): Conditions {
  const c: Conditions = { sql: [], params: [] };
  visibility(viewer, readableStatuses(viewer), c);
  return c;
}

/**
 * The statuses a viewer may ask for without FORBIDDEN: the public ones for the public and
 * partners, all of them for everyone else (an editor then gets only its own beyond the
 * public ones). Feeds and exports list "every event the caller may see" with it.
 */
export function readableStatuses(viewer: Viewer): EventStatus[] {
  return viewer.role === Role.PUBLIC || viewer.role === Role.PARTNER ? [...PUBLIC_STATUSES] : Object.values(EventStatus);
}

/**
 * Whether the first events of each category are best read category by category, each an
 * ordered walk that stops after n rows, rather than by one window over every match: when
 * every condition is an equality on the head of an index that goes on with category,
 * starts_at and id, so each walk reads n index entries. Those are the status (no region:
 * (category, starts_at) serves, most events having the listed status), a state (nuts1, status)
 * and a campaign in a state (campaign_id, nuts1, status), migration …005; start dates and
 * categories narrow the same walks. Any other condition is left to the window: the planners
 * walk a category's events until n match, for a small organiser or a rare word nearly all
 * of them, once per category (100,000 events: a small organiser 2.4 s instead of 49 ms on
 * SQLite, a campaign without a state 160 ms instead of 33 ms, a broad text 1.2 s instead of
 * 0.47 s on PostgreSQL). An editor's own hidden events are an EXISTS: the window too.
 */
export function walksEachCategory(viewer: Viewer, filter: EventFilter | null | undefined): boolean {
  const statuses = filter?.statuses?.length ? filter.statuses : DEFAULT_STATUSES;
  if (statuses.some((s) => !PUBLIC_STATUSES.includes(s)) && !seesEverything(viewer)) return false;
  if (!filter) return true;
  const state = filter.region != null && filter.region.trim().length === 3;
  if (filter.region != null && !state) return false;
  if (filter.campaign != null && !state) return false;
  return filter.country == null && filter.organizer == null && filter.updatedSince == null
    && filter.language == null && filter.text == null;
}

/** Which statuses of whose events the viewer sees; asking for more is FORBIDDEN. */
function visibility(viewer: Viewer, requested: EventStatus[] | null | undefined, c: Conditions): void {
  const statuses = requested && requested.length > 0 ? [...new Set(requested)] : DEFAULT_STATUSES;
  const hidden = statuses.filter((s) => !PUBLIC_STATUSES.includes(s));
  if (hidden.length === 0 || seesEverything(viewer)) {
    c.sql.push(`e.status IN (${placeholders(statuses.length)})`);
    c.params.push(...statuses);
    return;
  }
  if (viewer.role !== Role.EDITOR || viewer.organizerId === null) {
    throw new ForbiddenError(`Your role may not see events with status ${hidden.join(', ')}.`);
  }
  const open = statuses.filter((s) => PUBLIC_STATUSES.includes(s));
  const own = `(e.status IN (${placeholders(statuses.length)}) AND EXISTS (SELECT 1 FROM event_organizer vo WHERE vo.event_id = e.id AND vo.organizer_id = ?))`;
  c.sql.push(open.length ? `(e.status IN (${placeholders(open.length)}) OR ${own})` : own);
  c.params.push(...open, ...statuses, viewer.organizerId);
}

/** How an order sorts and pages: the ORDER BY and the keyset condition after a position. */
interface OrderSpec {
  /** The sort key on event alias `a` (RELEVANCE's is the score of the rank join `r`). */
  key(a: string): string;
  direction: 'ASC' | 'DESC';
  /** What the key in a cursor must be to compare with the key's column (decodeCursor checks it). */
  type: CursorValueType;
  /** The key of an event; `score` is its relevance score, read from the page's rows. */
  valueOf(e: Event, score: number | undefined): string | number;
}

const column = (name: string) => (a: string) => `${a}.${name}`;
const BIGINT: CursorValueType = { kind: 'bigint' };

const ORDERS: Record<EventOrder, OrderSpec> = {
  [EventOrder.START_ASC]: { key: column('starts_at'), direction: 'ASC', type: BIGINT, valueOf: (e) => e.startsAt },
  [EventOrder.START_DESC]: { key: column('starts_at'), direction: 'DESC', type: BIGINT, valueOf: (e) => e.startsAt },
  [EventOrder.UPDATED_DESC]: { key: column('updated_at'), direction: 'DESC', type: BIGINT, valueOf: (e) => e.updatedAt },
  [EventOrder.TITLE_ASC]: { key: column('title_sort'), direction: 'ASC', type: { kind: 'text', maxLength: 1200 }, valueOf: (e) => e.titleSort },
  [EventOrder.RELEVANCE]: { key: () => 'r.score', direction: 'ASC', type: { kind: 'double' }, valueOf: (e, score) => scoreOf(e, score) },
};

function scoreOf(e: Event, score: number | undefined): number {
  if (score === undefined) throw new Error(`No relevance score read for event ${e.pk}.`);
  return score;
}

/**
 * The rank join (`r`, see rankJoin) a RELEVANCE list needs, or null for other orders.
 * RELEVANCE ranks search matches, so without filter.text it is BAD_USER_INPUT on `field`.
 */
export function relevanceJoin(
  order: EventOrder, filter: EventFilter | null | undefined, database: DatabaseKind, field = 'orderBy',
): { sql: string; params: SqlValue[] } | null {
  if (order !== EventOrder.RELEVANCE) return null;
  if (filter?.text == null) {
    throw new BadUserInputError('orderBy RELEVANCE ranks search matches: it needs filter.text.', field);
  }
  return rankJoin(database, parseSearchText(filter.text, 'filter.text'));
}

/** `ORDER BY` text for an order on alias `a` (ties broken by id in the same direction). */
export function orderBy(order: EventOrder, a = 'e'): string {
  const o = ORDERS[order];
  return `${o.key(a)} ${o.direction}, ${a}.id ${o.direction}`;
}

/** Adds the keyset condition "after this cursor" (a row-value comparison, index friendly). */
export function addAfter(order: EventOrder, after: string | null | undefined, c: Conditions, field = 'after'): boolean {
  if (after == null) return false;
  const o = ORDERS[order];
  const pos: KeysetPosition = decodeCursor(after, order, o.type, field);
  c.sql.push(`(${o.key('e')}, e.id) ${o.direction === 'ASC' ? '>' : '<'} (?, ?)`);
  c.params.push(pos.value, pos.id);
  return true;
}

/**
 * The cursor of an event in a list of the given order. RELEVANCE needs the event's score
 * (the page's `r.score`); JSON writes a double in its shortest exact form, so the cursor
 * holds the very score the database compares against.
 */
export function cursorOf(order: EventOrder, e: Event, score?: number): string {
  return encodeCursor(order, { value: ORDERS[order].valueOf(e, score), id: e.pk });
}

/** `WHERE …` (or nothing) for conditions. */
export function where(c: Conditions): string {
  return c.sql.length ? `WHERE ${c.sql.join(' AND ')}` : '';
}
