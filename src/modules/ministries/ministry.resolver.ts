import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Patron } from '../patrons/patron.entity';
import { GovernmentLevel, Ministry } from './ministry.entity';

@Resolver(() => Ministry)
export class MinistryResolver {
  @Query(() => [Ministry], { description: 'Ministries (Ministerien), by name; optionally only federal or state ones.' })
  ministries(
    @Arg('level', () => GovernmentLevel, { nullable: true, description: 'Only ministries of this level.' }) level: GovernmentLevel | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Ministry[]> {
    return ctx.services.organizers.allOfKind('MINISTRY', level ? 'o.level = ?' : '', level ? [level] : []) as Promise<Ministry[]>;
  }

  @FieldResolver(() => [Patron], { description: 'Patrons who hold office in this ministry.' })
  patrons(@Root() m: Ministry, @Ctx() ctx: RequestContext): Promise<Patron[]> {
    return ctx.loaders.patronsByMinistry.load(m.pk);
  }
}
