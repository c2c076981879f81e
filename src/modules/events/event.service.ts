import { BY_KEY, type Database } from '../../db/database';
import type { SqlFragment } from '../../db/dialect';
import { placeholders } from '../../db/placeholders';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import { BadUserInputError } from '../../shared/errors';
import { checkPageSize, pageInfoOf } from '../../shared/pagination';
import type { RequestContext } from '../../shared/request-context';
import { Event } from './event.entity';
import { ALL_CATEGORIES, EventCategory, EventOrder } from './event.enums';
import type { EventFilter, EventList } from './event.inputs';
import {
  addAfter, cursorOf, eventConditions, orderBy, readableConditions, relevanceJoin, walksEachCategory, where, type Conditions,
} from './event-query';
import { once } from '../../shared/connection';
import { EventCategoryGroup, EventConnection } from './event.types';

/** Whose events a nested list holds: an organiser's (any kind) or a campaign's. */
export type EventScope = 'organizer' | 'campaign';

const SCOPE_SQL: Record<EventScope, { join: string; parent: string }> = {
  organizer: { join: 'JOIN event_organizer p ON p.event_id = e.id', parent: 'p.organizer_id' },
  campaign: { join: '', parent: 'e.campaign_id' },
};

/**
 * Most events one category group lists. Higher than a page (overviews show whole weeks by
 * category), still bounded: 11 groups of 1,000 is the largest answer eventsByCategory gives.
 */
export const MAX_PER_CATEGORY = 1000;

/** Reads events: pages, per-parent pages, groups by category, point lookups. */
export class EventService {
  private readonly reader: EntityReader<Event>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Event);
  }

  /** The WHERE conditions of a filter for the request's viewer (validated). */
  conditions(ctx: RequestContext, filter: EventFilter | null | undefined): Promise<Conditions> {
    return eventConditions(ctx.viewer, filter, {
      regionExists: async (code) => (await ctx.loaders.regionByCode.load(code)) !== null,
      campaignIdBySlug: async (slug) => (await ctx.loaders.campaignBySlug.load(slug))?.pk ?? null,
      database: this.db.kind,
    });
  }

  /**
   * One page of the top-level event list. RELEVANCE joins the rank subquery `r` (which
   * also does the matching, so the text condition is left out of the page's WHERE) and
   * reads each event's score for its cursor; totalCount counts the same filter either way.
   */
  async page(ctx: RequestContext, args: EventList): Promise<EventConnection> {
    const first = checkPageSize(args.first);
    const filtered = await this.conditions(ctx, args.filter);
    const rank = relevanceJoin(args.order, args.filter, this.db.kind);
    const paged: Conditions = rank
      ? await this.conditions(ctx, { ...args.filter, text: null })
      : { sql: [...filtered.sql], params: [...filtered.params] };
    const hadCursor = addAfter(args.order, args.after, paged);
    const rows = await this.db.query(
      `SELECT ${this.reader.select('e')}${rank ? ', r.score AS "searchScore"' : ''}
       FROM event e ${rank?.sql ?? ''} ${where(paged)} ORDER BY ${orderBy(args.order)} LIMIT ?`,
      [...(rank?.params ?? []), ...paged.params, first + 1],
    );
    const events = rows.map((r) => this.reader.hydrate(r));
    const scores = rank ? new Map(events.map((e, i) => [e.pk, Number(rows[i].searchScore)])) : undefined;
    return this.connection(events, args, first, hadCursor, once(() => this.count(filtered)), scores);
  }

  /**
   * Pages of several parents' events in one statement: a window function numbers each
   * parent's events in list order and keeps the first `first + 1` of each.
   */
  async pagesByParent(
    ctx: RequestContext, scope: EventScope, parentIds: readonly number[], args: EventList,
    countOf: (parentId: number) => Promise<number>,
  ): Promise<Map<number, EventConnection>> {
    const first = checkPageSize(args.first);
    if (args.order === EventOrder.RELEVANCE) {
      // Ranking per parent would need the rank join inside the window; no client asks for it.
      throw new BadUserInputError('orderBy RELEVANCE is only for the top-level events list.', 'orderBy');
    }
    const c = await this.conditions(ctx, args.filter);
    const hadCursor = addAfter(args.order, args.after, c);
    const s = SCOPE_SQL[scope];
    // The window runs over keys only; full rows are read for the survivors alone. The LIMIT
    // (at most first + 1 per parent) is for PostgreSQL's planner: it cannot see that the
    // window keeps so few rows, and without it hash-joins the survivors with all events.
    const rows = await this.db.query(
      `SELECT ${this.reader.select('e')}, t."parentId" FROM (
         SELECT w.id, w."parentId", w.rn FROM (
           SELECT e.id AS id, ${s.parent} AS "parentId",
             ROW_NUMBER() OVER (PARTITION BY ${s.parent} ORDER BY ${orderBy(args.order)}) AS rn
           FROM event e ${s.join}
           ${parentWhere(s.parent, parentIds.length, c)}
         ) w WHERE w.rn <= ? LIMIT ?
       ) t JOIN event e ON e.id = t.id ORDER BY t."parentId", t.rn`,
      [...parentIds, ...c.params, first + 1, (first + 1) * parentIds.length],
    );
    const byParent = new Map<number, Event[]>();
    for (const row of rows) {
      const parentId = Number(row.parentId);
      const list = byParent.get(parentId) ?? [];
      list.push(this.reader.hydrate(row));
      byParent.set(parentId, list);
    }
    return new Map(parentIds.map((id) => [
      id, this.connection(byParent.get(id) ?? [], args, first, hadCursor, once(() => countOf(id))),
    ]));
  }

  /** How many events of each parent match a filter, in one GROUP BY statement. */
  async countsByParent(
    ctx: RequestContext, scope: EventScope, parentIds: readonly number[], filter: EventFilter | null | undefined,
  ): Promise<Map<number, number>> {
    const c = await this.conditions(ctx, filter);
    const s = SCOPE_SQL[scope];
    const rows = await this.db.query<{ parentId: number; n: number }>(
      `SELECT ${s.parent} AS "parentId", COUNT(*) AS n FROM event e ${s.join}
       ${parentWhere(s.parent, parentIds.length, c)}
       GROUP BY ${s.parent}`,
      [...parentIds, ...c.params],
    );
    return new Map(rows.map((r) => [Number(r.parentId), Number(r.n)]));
  }

  /**
   * One group per category with at least one match, in category order: the first
   * `perCategory` events of each by start (one statement, see firstByCategory) and the count
   * of all matches (one GROUP BY, run only when a client selects count, or to find the
   * groups when no events are listed).
   */
  async byCategory(ctx: RequestContext, filter: EventFilter | null | undefined, perCategory: number): Promise<EventCategoryGroup[]> {
    if (!Number.isInteger(perCategory) || perCategory < 0 || perCategory > MAX_PER_CATEGORY) {
      throw new BadUserInputError(`eventsPerCategory must be between 0 and ${MAX_PER_CATEGORY}, got ${perCategory}.`, 'eventsPerCategory');
    }
    const c = await this.conditions(ctx, filter);
    const counts = once(async () => {
      const rows = await this.db.query<{ category: EventCategory; n: number }>(
        `SELECT e.category AS category, COUNT(*) AS n FROM event e ${where(c)} GROUP BY e.category`, c.params,
      );
      return new Map(rows.map((r) => [r.category, Number(r.n)]));
    });
    const countOf = async (category: EventCategory) => (await counts()).get(category) ?? 0;
    const asked = filter?.categories?.length ? ALL_CATEGORIES.filter((cat) => filter.categories!.includes(cat)) : ALL_CATEGORIES;
    if (perCategory === 0) {
      const present = await counts();
      return asked.filter((cat) => present.has(cat)).map((cat) => new EventCategoryGroup(cat, [], countOf));
    }
    // A category has a group when its first events are not none: the count is not needed for that.
    const events = await this.firstByCategory(c, asked, perCategory, walksEachCategory(ctx.viewer, filter));
    return asked.filter((cat) => events.has(cat)).map((cat) => new EventCategoryGroup(cat, events.get(cat)!, countOf));
  }

  /**
   * The first `n` matching events of each category by start, in one statement. Walked per
   * category (see walksEachCategory), each category is `… AND e.category = ? ORDER BY
   * starts_at, id LIMIT n` (dialect.forEachValue): with an index on the filter's columns, then
   * category, starts_at and id (migration …005), it reads n index entries and stops. Otherwise
   * a window numbers every match by category, and the LIMIT tells PostgreSQL's planner how few
   * rows survive it (see pagesByParent). Only ids are picked; full rows are read once, by key:
   * `e.id IN`, as a join PostgreSQL put a Memoize node before the key lookups that copied
   * every full row (Q1: 3.5 instead of 1.6 ms).
   */
  private async firstByCategory(
    c: Conditions, categories: readonly EventCategory[], n: number, walk: boolean,
  ): Promise<Map<EventCategory, Event[]>> {
    const firsts = walk
      ? this.db.dialect.forEachValue(categories, (category) => ({
        sql: `SELECT e.id AS id FROM event e WHERE ${[...c.sql, `e.category = ${category.sql}`].join(' AND ')}
              ORDER BY ${orderBy(EventOrder.START_ASC)} LIMIT ?`,
        params: [...c.params, ...category.params, n],
      }))
      : {
        sql: `SELECT w.id FROM (
                SELECT e.id AS id, ROW_NUMBER() OVER (PARTITION BY e.category ORDER BY ${orderBy(EventOrder.START_ASC)}) AS rn
                FROM event e ${where(c)}
              ) w WHERE w.rn <= ? LIMIT ?`,
        params: [...c.params, n, n * categories.length],
      };
    const rows = await this.db.query(
      `SELECT ${this.reader.select('e')} FROM event e WHERE e.id IN (${firsts.sql}) ORDER BY ${orderBy(EventOrder.START_ASC)}`,
      firsts.params,
    );
    const byCategory = new Map<EventCategory, Event[]>();
    for (const row of rows) {
      const e = this.reader.hydrate(row);
      const list = byCategory.get(e.category) ?? [];
      list.push(e);
      byCategory.set(e.category, list);
    }
    return byCategory;
  }

  /** Events by key that the viewer may read (any status it may see), unordered. */
  async readableByIds(ctx: RequestContext, ids: readonly number[]): Promise<Event[]> {
    return this.readable(ctx, this.db.dialect.keyIn('e.id', ids));
  }

  /** Events by slug that the viewer may read. */
  async readableBySlugs(ctx: RequestContext, slugs: readonly string[]): Promise<Event[]> {
    return this.readable(ctx, this.db.dialect.keyIn('e.slug', slugs));
  }

  private async readable(ctx: RequestContext, keys: SqlFragment): Promise<Event[]> {
    const c = readableConditions(ctx.viewer);
    const rows = await this.db.query(
      `SELECT ${this.reader.select('e')} FROM event e WHERE ${keys.sql} AND ${c.sql.join(' AND ')}`,
      [...keys.params, ...c.params],
      BY_KEY,
    );
    return rows.map((r) => this.reader.hydrate(r));
  }

  private async count(c: Conditions): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM event e ${where(c)}`, c.params);
    return Number(row.n);
  }

  private connection(
    rows: Event[], args: EventList, first: number, hadCursor: boolean, count: () => Promise<number>,
    scores?: Map<number, number>,
  ): EventConnection {
    const cursor = (e: Event) => cursorOf(args.order, e, scores?.get(e.pk));
    const { items, pageInfo } = pageInfoOf(rows, first, hadCursor, cursor);
    return new EventConnection(items, cursor, pageInfo, count);
  }
}

/** `WHERE <parent> IN (…) AND <conditions>` of a per-parent list; its parameters are the ids, then c's. */
function parentWhere(parent: string, parents: number, c: Conditions): string {
  return `WHERE ${[`${parent} IN (${placeholders(parents)})`, ...c.sql].join(' AND ')}`;
}
