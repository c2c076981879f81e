import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/request-context';
import { Patron } from '../patrons';
import { Campaign } from './campaign.entity';

/** Patron.campaigns lives with the campaigns: patrons come before campaigns in the order of modules. */
@Resolver(() => Patron)
export class PatronCampaignsResolver {
  @FieldResolver(() => [Campaign], { description: 'Campaigns under this patronage.' })
  campaigns(@Root() p: Patron, @Ctx() ctx: RequestContext): Promise<Campaign[]> {
    return ctx.loaders.campaignsByPatron.load(p.pk);
  }
}
