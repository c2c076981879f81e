import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../shared/viewer';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Event } from './event.entity';
import { EventInput, EventPatch } from './event-write.inputs';

/** The event mutations: roles here, every other rule in EventWriteService. */
@Resolver()
export class EventMutationResolver {
  @Authorized(Role.EDITOR, Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Event, { description: 'Registers a new event: SUBMITTED for review when an editor sends it, PUBLISHED at once from a moderator or admin.' })
  submitEvent(
    @Arg('input', () => EventInput, { description: 'The event.' }) input: EventInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Event> {
    return afterWrite(ctx, ctx.services.eventWrites.submit(ctx.viewer, input));
  }

  @Authorized(Role.EDITOR, Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Event, { description: 'Changes an event. A REJECTED event its editor updates is SUBMITTED again; other updates keep the status. A CANCELLED event cannot change.' })
  updateEvent(
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Arg('patch', () => EventPatch, { description: 'The fields to change; the others stay.' }) patch: EventPatch,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read; if the event is at another one, CONFLICT and nothing is written. Without it, the patch writes over whatever is there.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Event> {
    return afterWrite(ctx, ctx.services.eventWrites.update(ctx.viewer, id, patch, expectedVersion ?? null));
  }

  @Authorized(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Event, { description: 'Publishes a SUBMITTED event (moderator, admin).' })
  publishEvent(
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Event> {
    return afterWrite(ctx, ctx.services.eventWrites.publish(ctx.viewer, id));
  }

  @Authorized(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Event, { description: 'Rejects a SUBMITTED event with a reason its editor reads (moderator, admin).' })
  rejectEvent(
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, for the editor: up to 2,000 characters, not empty.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Event> {
    return afterWrite(ctx, ctx.services.eventWrites.reject(ctx.viewer, id, reason));
  }

  @Authorized(Role.EDITOR, Role.MODERATOR, Role.ADMIN)
  @Mutation(() => Event, { description: 'Cancels a SUBMITTED or PUBLISHED event (its organiser\'s editor, moderator, admin); final.' })
  cancelEvent(
    @Arg('id', () => ID, { description: 'Global id of the event.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, shown with the event: up to 2,000 characters.' }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Event> {
    return afterWrite(ctx, ctx.services.eventWrites.cancel(ctx.viewer, id, reason ?? null));
  }
}
