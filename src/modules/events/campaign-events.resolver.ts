import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Campaign } from '../campaigns';
import { EventListArgs, toEventList } from './event.inputs';
import { EventConnection } from './event.types';

/** Campaign.events lives with the events: campaigns come before events in the order of modules. */
@Resolver(() => Campaign)
export class CampaignEventsResolver {
  @FieldResolver(() => EventConnection, { description: 'Its events.' })
  async events(@Root() c: Campaign, @Args() args: EventListArgs, @Ctx() ctx: RequestContext): Promise<EventConnection> {
    const page = await ctx.loaders.eventPages.load({ scope: 'campaign', parentId: c.pk, args: toEventList(args) });
    if (page instanceof Error) throw page;
    return page;
  }
}
