import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Initiative } from '../initiatives';
import { Network } from './network.entity';

/**
 * Initiative.networks lives with the networks, beside Network.members: both sides of the
 * membership are here, since initiatives come before networks in the order of modules.
 */
@Resolver(() => Initiative)
export class InitiativeNetworksResolver {
  @FieldResolver(() => [Network], { description: 'Networks it is a member of.' })
  networks(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<Network[]> {
    return ctx.loaders.networksByInitiative.load(i.pk) as Promise<Network[]>;
  }
}
