import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Initiative } from './initiative.entity';
import { InitiativeInput, InitiativePatch } from './initiative.inputs';
import { INITIATIVE_RULES } from './initiative-write.rules';

/** The admin mutations of cluster initiatives: the role here, every other rule in OrganizerWriteService. */
@Resolver()
export class InitiativeWriteResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Initiative, { description: 'Adds a cluster initiative (admin).' })
  createInitiative(
    @Arg('input', () => InitiativeInput, { description: 'The initiative.' }) input: InitiativeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Initiative> {
    return afterWrite(ctx, ctx.services.organizerWrites.create(ctx.viewer, INITIATIVE_RULES, input)) as Promise<Initiative>;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Initiative, { description: 'Changes a cluster initiative (admin); an unknown id is NOT_FOUND.' })
  updateInitiative(
    @Arg('id', () => ID, { description: 'Global id of the initiative.' }) id: string,
    @Arg('patch', () => InitiativePatch, { description: 'The fields to change; the others stay.' }) patch: InitiativePatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Initiative> {
    return afterWrite(ctx, ctx.services.organizerWrites.update(ctx.viewer, INITIATIVE_RULES, id, patch)) as Promise<Initiative>;
  }
}
