import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Ministry } from './ministry.entity';
import { MinistryInput, MinistryPatch } from './ministry.inputs';
import { MINISTRY_RULES } from './ministry-write.rules';

/** The admin mutations of ministries: the role here, every other rule in OrganizerWriteService. */
@Resolver()
export class MinistryWriteResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Ministry, { description: 'Adds a ministry (admin).' })
  createMinistry(
    @Arg('input', () => MinistryInput, { description: 'The ministry.' }) input: MinistryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Ministry> {
    return afterWrite(ctx, ctx.services.organizerWrites.create(ctx.viewer, MINISTRY_RULES, input)) as Promise<Ministry>;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Ministry, { description: 'Changes a ministry (admin); an unknown id is NOT_FOUND.' })
  updateMinistry(
    @Arg('id', () => ID, { description: 'Global id of the ministry.' }) id: string,
    @Arg('patch', () => MinistryPatch, { description: 'The fields to change; the others stay.' }) patch: MinistryPatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Ministry> {
    return afterWrite(ctx, ctx.services.organizerWrites.update(ctx.viewer, MINISTRY_RULES, id, patch)) as Promise<Ministry>;
  }
}
