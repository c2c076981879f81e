import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Organizer } from '../organizers';
import { EventListArgs, toEventList } from './event.inputs';
import { EventConnection } from './event.types';

/**
 * Organizer.events lives with the events, not the organisers: organisers come before events
 * in the order of modules, so the field that hangs events off them is added from here. On the
 * interface, so Ministry, Initiative and Network each have it, resolved the same way.
 */
@Resolver(() => Organizer)
export class OrganizerEventsResolver {
  @FieldResolver(() => EventConnection, { description: 'Events it (co-)organises.' })
  async events(@Root() o: Organizer, @Args() args: EventListArgs, @Ctx() ctx: RequestContext): Promise<EventConnection> {
    const page = await ctx.loaders.eventPages.load({ scope: 'organizer', parentId: o.pk, args: toEventList(args) });
    if (page instanceof Error) throw page;
    return page;
  }
}
