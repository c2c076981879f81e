import type { Database } from '../../db/database';
import { entityReader, type EntityReader } from '../../db/entity-reader';
import type { RequestContext } from '../../shared/request-context';
import { Event } from './event.entity';
import { EventOrder } from './event.enums';
import type { EventFilter } from './event.inputs';
import { addAfter, cursorOf, orderBy, readableStatuses, where, type Conditions } from './event-query';

/**
 * Events per statement of an export. Big enough that 100,000 events are 200 statements,
 * small enough that a chunk with its organisers is a few hundred kilobytes at most.
 */
export const EXPORT_CHUNK_SIZE = 500;

/** A validated selection of events, read whole a chunk at a time (what a feed or an export lists). */
export interface EventSelection {
  /** The time zones the selected events are shown in (one DISTINCT statement), sorted. */
  timeZones(): Promise<string[]>;
  /** The selected events in the selection's order, a chunk per statement. */
  chunks(): AsyncGenerator<Event[]>;
  /** Count and latest `updated_at` of the selection (one statement), for ETags. */
  version(): Promise<{ count: number; lastChange: number }>;
}

/** How a selection is read: its order (START_ASC unless given) and events per statement (EXPORT_CHUNK_SIZE). */
export interface SelectionOptions {
  order?: EventOrder;
  chunkSize?: number;
}

/**
 * Reads whole filtered selections for feeds and exports without ever holding them: keyset
 * pages of the same WHERE and ORDER BY as the GraphQL lists, one statement per chunk.
 * Conditions come from EventService.conditions, so visibility and validation are the
 * GraphQL ones.
 */
export class EventExportService {
  private readonly reader: EntityReader<Event>;

  constructor(private readonly db: Database) {
    this.reader = entityReader(db.dataSource, Event);
  }

  /**
   * The events matching `filter` that the request's viewer may read: with no statuses in
   * the filter, every status it may read (the public gets PUBLISHED and CANCELLED), unlike a
   * GraphQL list's PUBLISHED alone. Resolves only once the filter is valid, so a bad region
   * or campaign rejects (BadUserInputError) before anything is read or sent.
   */
  async selectReadable(ctx: RequestContext, filter: EventFilter, options: SelectionOptions = {}): Promise<EventSelection> {
    const statuses = filter.statuses != null && filter.statuses.length > 0 ? filter.statuses : readableStatuses(ctx.viewer);
    const conditions = await ctx.services.events.conditions(ctx, { ...filter, statuses });
    const { order = EventOrder.START_ASC, chunkSize = EXPORT_CHUNK_SIZE } = options;
    return {
      timeZones: () => this.timeZones(conditions),
      version: () => this.version(conditions),
      chunks: () => this.chunks(conditions, order, chunkSize),
    };
  }

  /**
   * The matching events in `order`, `size` at a time. Each chunk starts after the last
   * event of the one before (a keyset cursor), so the cost of a chunk does not depend on
   * how far into the selection it is, and stopping early (the client went away) stops
   * the reading.
   */
  private async *chunks(conditions: Conditions, order: EventOrder, size: number): AsyncGenerator<Event[]> {
    let after: string | null = null;
    for (;;) {
      const paged: Conditions = { sql: [...conditions.sql], params: [...conditions.params] };
      addAfter(order, after, paged);
      // Keys are sorted first, whole rows read for the chunk alone: with statuses IN (…) the
      // database sorts instead of walking an index, and sorting keys is half the cost.
      const rows = await this.db.query(
        `SELECT ${this.reader.select('x')} FROM (
           SELECT e.id AS id FROM event e ${where(paged)} ORDER BY ${orderBy(order)} LIMIT ?
         ) k JOIN event x ON x.id = k.id ORDER BY ${orderBy(order, 'x')}`,
        [...paged.params, size],
      );
      if (rows.length === 0) return;
      const events = rows.map((r) => this.reader.hydrate(r));
      yield events;
      if (events.length < size) return;
      after = cursorOf(order, events[events.length - 1]);
    }
  }

  /**
   * What the matching events' rows look like now, in one aggregate statement: how many
   * there are and the latest `updated_at` among them. Every write that changes what a feed
   * row shows moves its event's `updated_at` (touchEventsShowing also for organiser,
   * campaign and patron names), an event leaving the selection lowers the count, one
   * joining it either raises the count or brings its newer `updated_at`; so the pair
   * changes whenever the rendered selection does (feeds' ETags, src/feeds/feed-etag.ts).
   */
  private async version(conditions: Conditions): Promise<{ count: number; lastChange: number }> {
    const [row] = await this.db.query<{ n: number | string; m: number | string | null }>(
      `SELECT COUNT(*) AS n, MAX(e.updated_at) AS m FROM event e ${where(conditions)}`, conditions.params,
    );
    return { count: Number(row?.n ?? 0), lastChange: Number(row?.m ?? 0) };
  }

  /** The time zones the matching events are shown in (one DISTINCT statement), sorted. */
  private async timeZones(conditions: Conditions): Promise<string[]> {
    const rows = await this.db.query<{ timeZone: string }>(
      `SELECT DISTINCT e.time_zone AS "timeZone" FROM event e ${where(conditions)}`, conditions.params,
    );
    return rows.map((r) => r.timeZone).sort();
  }
}
