import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { GovernmentLevel, Ministry } from './ministry.entity';

@Resolver(() => Ministry)
export class MinistryResolver {
  @Query(() => [Ministry], { description: 'Ministries (Ministerien), by name; optionally only federal or state ones.' })
  ministries(
    @Arg('level', () => GovernmentLevel, { nullable: true, description: 'Only ministries of this level.' }) level: GovernmentLevel | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Ministry[]> {
    return ctx.services.organizers.allOfKind('MINISTRY', { level }) as Promise<Ministry[]>;
  }
}
