import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionTypes } from '../../shared/connection';
import type { RequestContext } from '../../shared/request-context';
import { Contact, organizerPage } from '../organizers';
import { Initiative } from '../initiatives';
import { Network, NetworkScope } from './network.entity';

const { ConnectionType: NetworkConnection } = connectionTypes('Network', Network, 'A network');
type NetworkConnection = InstanceType<typeof NetworkConnection>;

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => NetworkConnection, { description: 'Networks by name, a page at a time.' })
  async networks(
    @Arg('region', () => String, { nullable: true, description: 'NUTS code; networks seated in it or below it.' }) region: string | null,
    @Arg('scope', () => NetworkScope, { nullable: true, description: 'Only networks of this reach.' }) scope: NetworkScope | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<NetworkConnection> {
    const p = await organizerPage<Network>(ctx.services.organizers, 'NETWORK', { region, scope, first: first ?? 20, after });
    return new NetworkConnection(p.items, p.cursorOf, p.pageInfo, p.count);
  }

  @FieldResolver(() => [Initiative], { description: 'Member initiatives.' })
  members(@Root() n: Network, @Ctx() ctx: RequestContext): Promise<Initiative[]> {
    return ctx.loaders.membersByNetwork.load(n.pk) as Promise<Initiative[]>;
  }

  @FieldResolver(() => [Network], { description: 'Partner networks, e.g. across the border.' })
  partners(@Root() n: Network, @Ctx() ctx: RequestContext): Promise<Network[]> {
    return ctx.loaders.partnersByNetwork.load(n.pk) as Promise<Network[]>;
  }

  @FieldResolver(() => [Contact], { description: 'People to ask (Ansprechpartner).' })
  contacts(@Root() n: Network, @Ctx() ctx: RequestContext): Promise<Contact[]> {
    return ctx.loaders.contactsByOrganizer.load(n.pk);
  }

  @FieldResolver(() => [String], { description: 'ISO 3166-1 alpha-2 codes of the countries it works in.' })
  countries(@Root() n: Network): string[] {
    return n.countries ?? [];
  }
}
