import type { Database } from '../../db/database';
import type { RequestContext } from '../../shared/request-context';
import type { EventFilter } from './event.inputs';
import type { EventCategory } from './event.enums';
import { where } from './event-query';
import { EventDimension, EventStatsRow } from './event-stats.types';

/** The SQL of each dimension and the row property it fills. */
const DIMENSIONS: Record<EventDimension, { sql: string; alias: string }> = {
  CATEGORY: { sql: 'e.category', alias: 'category' },
  REGION: { sql: 'e.region_code', alias: 'regionCode' },
  STATE: { sql: 'e.nuts1', alias: 'stateCode' },
  COUNTRY: { sql: 'e.country', alias: 'country' },
  MONTH: { sql: 'SUBSTR(e.starts_local, 1, 7)', alias: 'month' },
  ORGANIZER: { sql: 'so.organizer_id', alias: 'organizerId' },
  CAMPAIGN: { sql: 'e.campaign_id', alias: 'campaignId' },
};

/** Event counts grouped by any combination of dimensions, in one GROUP BY statement. */
export class EventStatsService {
  constructor(private readonly db: Database) {}

  async stats(ctx: RequestContext, filter: EventFilter | null | undefined, groupBy: EventDimension[]): Promise<EventStatsRow[]> {
    const dims = [...new Set(groupBy)].map((d) => DIMENSIONS[d]);
    const c = await ctx.services.events.conditions(ctx, filter);
    const join = groupBy.includes(EventDimension.ORGANIZER) ? 'JOIN event_organizer so ON so.event_id = e.id' : '';
    const select = dims.map((d) => `${d.sql} AS "${d.alias}"`);
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${[...select, 'COUNT(*) AS n'].join(', ')} FROM event e ${join} ${where(c)}
       ${dims.length ? `GROUP BY ${dims.map((d) => d.sql).join(', ')}` : ''}
       ORDER BY n DESC${dims.length ? `, ${dims.map((_, i) => i + 1).join(', ')}` : ''}`,
      c.params,
    );
    return rows.map((r) => Object.assign(new EventStatsRow(), {
      count: Number(r.n),
      category: (r.category as EventCategory | undefined) ?? null,
      country: (r.country as string | undefined) ?? null,
      month: (r.month as string | undefined) ?? null,
      regionCode: (r.regionCode as string | undefined) ?? null,
      stateCode: (r.stateCode as string | undefined) ?? null,
      organizerId: r.organizerId == null ? null : Number(r.organizerId),
      campaignId: r.campaignId == null ? null : Number(r.campaignId),
    }));
  }
}
