import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../shared/viewer';
import { BadUserInputError } from '../../shared/errors';
import { DateTimeScalar, JSONScalar } from '../../shared/scalars';
import { formatUtc } from '../../shared/time';
import type { RequestContext } from '../../shared/request-context';
import { afterWrite } from '../../shared/after-write';
import { Organizer } from '../organizers';
import { Event } from '../events';
import { SourceInput, SourcePatch } from './source.inputs';
import { sourceGlobalId } from './source-id';
import { MAX_RUNS } from './source.service';
import { EventSourceLink, Source, SourceRun } from './source.types';

/** Sources as data: the admin query and mutations, and the fields of Source. */
@Resolver(() => Source)
export class SourceResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [Source], { description: 'Every registered source, by name (admins only).' })
  sources(@Ctx() ctx: RequestContext): Promise<Source[]> {
    return ctx.services.sources.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Source, { description: 'Registers a source of events (admin); sync pulls it when it has a URL.' })
  createSource(@Arg('input', () => SourceInput, { description: 'The source.' }) input: SourceInput, @Ctx() ctx: RequestContext): Promise<Source> {
    return afterWrite(ctx, ctx.services.sourceWrites.create(ctx.viewer, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Source, { description: 'Changes a source (admin); an unknown id is NOT_FOUND.' })
  updateSource(
    @Arg('id', () => ID, { description: 'Global id of the source.' }) id: string,
    @Arg('patch', () => SourcePatch, { description: 'The fields to change; the others stay.' }) patch: SourcePatch,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return afterWrite(ctx, ctx.services.sourceWrites.update(ctx.viewer, id, patch));
  }

  @FieldResolver(() => ID, { description: 'Global id.' })
  id(@Root() s: Source): string {
    return sourceGlobalId(s.pk);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => JSONScalar, { description: 'Per-source settings (category mapping, CSV columns, …); admins only.' })
  mapping(@Root() s: Source): unknown {
    return s.mapping;
  }

  @FieldResolver(() => Organizer, { nullable: true, description: 'The organiser every event of this source gets; null when none.' })
  owner(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<Organizer | null> | null {
    return s.ownerKey === null ? null : ctx.loaders.organizerById.load(s.ownerKey);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => SourceRun, { nullable: true, description: 'The newest pull or import; null before the first (admins only).' })
  async lastRun(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<SourceRun | null> {
    const [run] = await ctx.loaders.runsBySource.load(`${s.pk}:1`);
    return run ?? null;
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => [SourceRun], { description: 'The newest pulls and imports, newest first (admins only).' })
  runs(
    @Root() s: Source,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: `How many, 0–${MAX_RUNS}.` }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SourceRun[]> {
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 0 || n > MAX_RUNS) throw new BadUserInputError(`first is 0–${MAX_RUNS}, got ${n}.`, 'first');
    return ctx.loaders.runsBySource.load(`${s.pk}:${n}`);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When sync pulls it next, in UTC; null before the first pull.' })
  nextDueAt(@Root() s: Source): string | null {
    return s.nextDueAt === null ? null : formatUtc(s.nextDueAt);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When it was last pulled or imported, in UTC.' })
  lastRunAt(@Root() s: Source): string | null {
    return s.lastRunAt === null ? null : formatUtc(s.lastRunAt);
  }
}

@Resolver(() => SourceRun)
export class SourceRunResolver {
  @FieldResolver(() => DateTimeScalar, { description: 'When it started, in UTC.' })
  startedAt(@Root() r: SourceRun): string {
    return formatUtc(r.startedAt);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When it ended, in UTC.' })
  finishedAt(@Root() r: SourceRun): string {
    return formatUtc(r.finishedAt);
  }

  @FieldResolver(() => JSONScalar, { description: 'The refused records: [{ position, reason }] (the first 200).' })
  rejectedItems(@Root() r: SourceRun): unknown {
    return r.rejectedItems;
  }
}

@Resolver(() => EventSourceLink)
export class EventSourceLinkResolver {
  @FieldResolver(() => Source, { description: 'The source.' })
  async source(@Root() l: EventSourceLink, @Ctx() ctx: RequestContext): Promise<Source> {
    return (await ctx.loaders.sourceById.load(l.sourceKey)) as Source;
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When this source first announced the event, in UTC.' })
  importedAt(@Root() l: EventSourceLink): string {
    return formatUtc(l.importedAt);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When this source last announced it, in UTC.' })
  lastSeenAt(@Root() l: EventSourceLink): string {
    return formatUtc(l.lastSeenAt);
  }
}

/** Provenance of events: which sources announce each, the first one (the creator) on top. */
@Resolver(() => Event)
export class EventProvenanceResolver {
  @FieldResolver(() => [EventSourceLink], { description: 'Every source that announces the event, the one that created it first; empty for an event entered here.' })
  sources(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<EventSourceLink[]> {
    return ctx.loaders.sourceLinksByEvent.load(e.pk);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source the event was imported from (the first, when several announce it); null for an event entered here.' })
  async source(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Source | null> {
    const [first] = await ctx.loaders.sourceLinksByEvent.load(e.pk);
    return first ? ctx.loaders.sourceById.load(first.sourceKey) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The first source\'s own id of the event (e.g. its ICS UID); null for an event entered here.' })
  async sourceId(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<string | null> {
    const [first] = await ctx.loaders.sourceLinksByEvent.load(e.pk);
    return first?.sourceId ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When it was first imported, in UTC; null for an event entered here.' })
  async importedAt(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<string | null> {
    const [first] = await ctx.loaders.sourceLinksByEvent.load(e.pk);
    return first ? formatUtc(first.importedAt) : null;
  }
}
