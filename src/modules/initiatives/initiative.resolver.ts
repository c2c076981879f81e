import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionTypes } from '../../shared/connection';
import type { RequestContext } from '../../shared/request-context';
import { Contact, organizerPage } from '../organizers';
import { Initiative } from './initiative.entity';

const { ConnectionType: InitiativeConnection } = connectionTypes('Initiative', Initiative, 'A cluster initiative');
type InitiativeConnection = InstanceType<typeof InitiativeConnection>;

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, { description: 'Cluster initiatives by name, a page at a time.' })
  async initiatives(
    @Arg('region', () => String, { nullable: true, description: 'NUTS code; initiatives seated in it or below it.' }) region: string | null,
    @Arg('text', () => String, { nullable: true, description: 'Part of the name, ignoring case and accents.' }) text: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InitiativeConnection> {
    const p = await organizerPage<Initiative>(ctx.services.organizers, 'INITIATIVE', { region, name: text, first: first ?? 20, after });
    return new InitiativeConnection(p.items, p.cursorOf, p.pageInfo, p.count);
  }

  @FieldResolver(() => [Contact], { description: 'People to ask (Ansprechpartner).' })
  contacts(@Root() i: Initiative, @Ctx() ctx: RequestContext): Promise<Contact[]> {
    return ctx.loaders.contactsByOrganizer.load(i.pk);
  }

  @FieldResolver(() => [String], { description: 'Fields it works in.' })
  topics(@Root() i: Initiative): string[] {
    return i.topics ?? [];
  }
}
