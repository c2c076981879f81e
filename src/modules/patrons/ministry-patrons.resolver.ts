import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Ministry } from '../ministries';
import { Patron } from './patron.entity';

/** Ministry.patrons lives with the patrons: ministries come before patrons in the order of modules. */
@Resolver(() => Ministry)
export class MinistryPatronsResolver {
  @FieldResolver(() => [Patron], { description: 'Patrons who hold office in this ministry.' })
  patrons(@Root() m: Ministry, @Ctx() ctx: RequestContext): Promise<Patron[]> {
    return ctx.loaders.patronsByMinistry.load(m.pk);
  }
}
