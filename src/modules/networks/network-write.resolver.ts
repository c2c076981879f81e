import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Network } from './network.entity';
import { NetworkInput, NetworkPatch } from './network.inputs';
import { NETWORK_RULES } from './network-write.rules';

/** The admin mutations of networks: the role here, every other rule in OrganizerWriteService. */
@Resolver()
export class NetworkWriteResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Network, { description: 'Adds a network with its members and partners (admin).' })
  createNetwork(
    @Arg('input', () => NetworkInput, { description: 'The network.' }) input: NetworkInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Network> {
    return afterWrite(ctx, ctx.services.organizerWrites.create(ctx.viewer, NETWORK_RULES, input)) as Promise<Network>;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Network, { description: 'Changes a network (admin); memberIds and partnerIds replace the whole list. An unknown id is NOT_FOUND.' })
  updateNetwork(
    @Arg('id', () => ID, { description: 'Global id of the network.' }) id: string,
    @Arg('patch', () => NetworkPatch, { description: 'The fields to change; the others stay.' }) patch: NetworkPatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Network> {
    return afterWrite(ctx, ctx.services.organizerWrites.update(ctx.viewer, NETWORK_RULES, id, patch)) as Promise<Network>;
  }
}
