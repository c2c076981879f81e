import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '../shared/node';
import { fromGlobalId } from '../shared/global-id';
import { organizerKeyOf } from '../modules/organizers';
import { BadUserInputError } from '../shared/errors';
import { MAX_PAGE_SIZE } from '../shared/pagination';
import type { RequestContext } from '../shared/request-context';

/** Fetches anything by global id through the owning module's loader (so `nodes` batches). */
async function loadNode(ctx: RequestContext, id: string): Promise<Node | null> {
  const parsed = fromGlobalId(id);
  if (!parsed) return null;
  switch (parsed.type) {
    case 'Event':
      return ctx.loaders.eventById.load(parsed.key);
    case 'Patron':
      return ctx.loaders.patronById.load(parsed.key);
    case 'Campaign':
      return ctx.loaders.campaignById.load(parsed.key);
    default: {
      const wanted = organizerKeyOf(id);
      const o = wanted && (await ctx.loaders.organizerById.load(wanted.key));
      return o && o.kind === wanted?.kind ? o : null;
    }
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Anything by global id; null for an unknown or malformed id, or one you may not see.' })
  node(@Arg('id', () => ID, { description: 'A global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id, in the order asked; null where `node` would be null.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids (at most 100).' }) ids: string[], @Ctx() ctx: RequestContext): Promise<(Node | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`nodes takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}.`, 'ids');
    }
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
