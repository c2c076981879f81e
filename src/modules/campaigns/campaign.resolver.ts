import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import type { RequestContext } from '../../shared/request-context';
import { Organizer } from '../organizers';
import { Patron } from '../patrons';
import { Campaign } from './campaign.entity';

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true, description: 'A campaign by slug, e.g. clusterwoche-2017.' })
  campaign(@Arg('slug', () => String, { description: 'The campaign\'s slug.' }) slug: string, @Ctx() ctx: RequestContext): Promise<Campaign | null> {
    return ctx.loaders.campaignBySlug.load(slug);
  }

  @Query(() => [Campaign], { description: 'Every campaign, the latest first.' })
  campaigns(@Ctx() ctx: RequestContext): Promise<Campaign[]> {
    return ctx.services.campaigns.all();
  }

  @FieldResolver(() => String, { description: 'Name.' })
  name(@Root() c: Campaign, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return localize(lang, ctx.lang, c.nameDe, c.nameFr, c.nameEn) as string;
  }

  @FieldResolver(() => Organizer, { nullable: true, description: 'Who started it, e.g. the cluster unit of the WM BW.' })
  initiator(@Root() c: Campaign, @Ctx() ctx: RequestContext): Promise<Organizer | null> | null {
    return c.initiatorId === null ? null : ctx.loaders.organizerById.load(c.initiatorId);
  }

  @FieldResolver(() => [Patron], { description: 'Its patrons (Schirmherrschaft).' })
  patrons(@Root() c: Campaign, @Ctx() ctx: RequestContext): Promise<Patron[]> {
    return ctx.loaders.patronsByCampaign.load(c.pk);
  }
}
