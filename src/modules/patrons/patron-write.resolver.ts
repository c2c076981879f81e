import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Patron } from './patron.entity';
import { PatronInput, PatronPatch } from './patron.inputs';

/** The admin mutations of patrons: the role here, every other rule in PatronWriteService. */
@Resolver()
export class PatronWriteResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Patron, { description: 'Adds a patron (admin).' })
  createPatron(
    @Arg('input', () => PatronInput, { description: 'The patron.' }) input: PatronInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Patron> {
    return afterWrite(ctx, ctx.services.patronWrites.create(ctx.viewer, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Patron, { description: 'Changes a patron (admin); an unknown id is NOT_FOUND.' })
  updatePatron(
    @Arg('id', () => ID, { description: 'Global id of the patron.' }) id: string,
    @Arg('patch', () => PatronPatch, { description: 'The fields to change; the others stay.' }) patch: PatronPatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Patron> {
    return afterWrite(ctx, ctx.services.patronWrites.update(ctx.viewer, id, patch));
  }
}
