import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Campaign } from './campaign.entity';
import { CampaignInput, CampaignPatch } from './campaign.inputs';

/** The admin mutations of campaigns: the role here, every other rule in CampaignWriteService. */
@Resolver()
export class CampaignWriteResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Campaign, { description: 'Adds a campaign (admin). A slug another campaign has is BAD_USER_INPUT on input.slug.' })
  createCampaign(
    @Arg('input', () => CampaignInput, { description: 'The campaign.' }) input: CampaignInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Campaign> {
    return afterWrite(ctx, ctx.services.campaignWrites.create(ctx.viewer, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Campaign, { description: 'Changes a campaign (admin); an unknown id is NOT_FOUND.' })
  updateCampaign(
    @Arg('id', () => ID, { description: 'Global id of the campaign.' }) id: string,
    @Arg('patch', () => CampaignPatch, { description: 'The fields to change; the others stay.' }) patch: CampaignPatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Campaign> {
    return afterWrite(ctx, ctx.services.campaignWrites.update(ctx.viewer, id, patch));
  }
}
