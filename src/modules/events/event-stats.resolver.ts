import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Region } from '../regions';
import { Organizer } from '../organizers';
import { Campaign } from '../campaigns';
import { EventFilter } from './event.inputs';
import { EventDimension, EventStatsRow } from './event-stats.types';

@Resolver(() => EventStatsRow)
export class EventStatsResolver {
  @Query(() => [EventStatsRow], { description: 'Event counts grouped by the given dimensions (no dimension: one row, the total), largest first.' })
  eventStats(
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events.' }) filter: EventFilter | null,
    @Arg('groupBy', () => [EventDimension], { description: 'Dimensions to group by.' }) groupBy: EventDimension[],
    @Ctx() ctx: RequestContext,
  ): Promise<EventStatsRow[]> {
    return ctx.services.eventStats.stats(ctx, filter, groupBy);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Region of the group (when grouped by REGION).' })
  region(@Root() row: EventStatsRow, @Ctx() ctx: RequestContext): Promise<Region | null> | null {
    return row.regionCode === null ? null : ctx.loaders.regionByCode.load(row.regionCode);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'State (NUTS-1 region) of the group (when grouped by STATE).' })
  state(@Root() row: EventStatsRow, @Ctx() ctx: RequestContext): Promise<Region | null> | null {
    return row.stateCode === null ? null : ctx.loaders.regionByCode.load(row.stateCode);
  }

  @FieldResolver(() => Organizer, { nullable: true, description: 'Organiser of the group (when grouped by ORGANIZER).' })
  organizer(@Root() row: EventStatsRow, @Ctx() ctx: RequestContext): Promise<Organizer | null> | null {
    return row.organizerId === null ? null : ctx.loaders.organizerById.load(row.organizerId);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'Campaign of the group (when grouped by CAMPAIGN).' })
  campaign(@Root() row: EventStatsRow, @Ctx() ctx: RequestContext): Promise<Campaign | null> | null {
    return row.campaignId === null ? null : ctx.loaders.campaignById.load(row.campaignId);
  }
}
