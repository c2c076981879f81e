import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Language, localize } from '../../shared/i18n';
import { LANG_ARG } from '../../shared/lang-arg';
import { keyOf } from '../../shared/global-id';
import { formatInZone, formatUtc } from '../../shared/time';
import { DateTimeScalar } from '../../shared/scalars';
import type { RequestContext } from '../../shared/request-context';
import { Region } from '../regions';
import { Organizer, Contact } from '../organizers';
import { Patron } from '../patrons';
import { Campaign } from '../campaigns';
import { Event } from './event.entity';
import { contactOf, venueOf } from './event-write.values';
import { EventFilter, EventListArgs, toEventList } from './event.inputs';
import { EventCategoryGroup, EventConnection, Venue } from './event.types';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events matching a filter, a page at a time.' })
  events(@Args() args: EventListArgs, @Ctx() ctx: RequestContext): Promise<EventConnection> {
    return ctx.services.events.page(ctx, toEventList(args));
  }

  @Query(() => Event, { nullable: true, description: 'One event by global id or slug; null when unknown or not visible to you.' })
  async event(
    @Arg('id', () => ID, { nullable: true, description: 'Global id.' }) id: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'Slug, e.g. hannover-messe-2017.' }) slug: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Event | null> {
    if (id != null) {
      const key = keyOf(id, 'Event');
      const byId = key === null ? null : await ctx.loaders.eventById.load(key);
      return byId && (slug == null || byId.slug === slug) ? byId : null;
    }
    return slug != null ? ctx.loaders.eventBySlug.load(slug) : null;
  }

  @Query(() => [EventCategoryGroup], { description: 'Events grouped by category: one group per category with at least one match; count is all matches.' })
  eventsByCategory(
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events.' }) filter: EventFilter | null,
    @Arg('eventsPerCategory', () => Int, { nullable: true, defaultValue: 20, description: 'Events listed per group, 0–1000 (earliest start first).' }) perCategory: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EventCategoryGroup[]> {
    return ctx.services.events.byCategory(ctx, filter, perCategory ?? 20);
  }

  @FieldResolver(() => String, { description: 'Title (Titel).' })
  title(@Root() e: Event, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string {
    return localize(lang, ctx.lang, e.titleDe, e.titleFr, e.titleEn) as string;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Description (Beschreibung), plain text.' })
  description(@Root() e: Event, @Arg('lang', () => Language, LANG_ARG) lang: Language | null, @Ctx() ctx: RequestContext): string | null {
    return localize(lang, ctx.lang, e.descriptionDe, e.descriptionFr, e.descriptionEn);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'Start, with the offset of the event\'s time zone.' })
  startsAt(@Root() e: Event): string {
    return formatInZone(e.startsAt, e.timeZone);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'End, with the offset of the event\'s time zone; null when not known.' })
  endsAt(@Root() e: Event): string | null {
    return e.endsAt === null ? null : formatInZone(e.endsAt, e.timeZone);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When the event was recorded here, in UTC.' })
  createdAt(@Root() e: Event): string {
    return formatUtc(e.createdAt);
  }

  @FieldResolver(() => DateTimeScalar, { description: 'When the event last changed, in UTC.' })
  updatedAt(@Root() e: Event): string {
    return formatUtc(e.updatedAt);
  }

  @FieldResolver(() => Venue, { nullable: true, description: 'Where it takes place; null when no place is known.' })
  venue(@Root() e: Event): Venue | null {
    const venue = venueOf(e);
    return venue === null ? null : Object.assign(new Venue(), venue);
  }

  @FieldResolver(() => Region, { description: 'The NUTS region it takes place in.' })
  async region(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Region> {
    return (await ctx.loaders.regionByCode.load(e.regionCode)) as Region;
  }

  @FieldResolver(() => [Organizer], { description: 'Who runs it (Veranstalter), in the order given.' })
  organizers(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Organizer[]> {
    return ctx.loaders.organizersByEvent.load(e.pk);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: 'The campaign it belongs to, e.g. the Clusterwoche 2017.' })
  campaign(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Campaign | null> | null {
    return e.campaignId === null ? null : ctx.loaders.campaignById.load(e.campaignId);
  }

  @FieldResolver(() => [Patron], { description: 'Its patrons (Schirmherrschaft).' })
  patrons(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Patron[]> {
    return ctx.loaders.patronsByEvent.load(e.pk);
  }

  @FieldResolver(() => Contact, {
    nullable: true,
    description: 'The person to ask about it; null when none is known. Its role is always null; its name is the e-mail address or phone number when the source named nobody.',
  })
  contact(@Root() e: Event): Contact | null {
    const c = contactOf(e);
    if (c === null) return null;
    // The organisers' Contact type, so clients read one shape; an event's contact has no role.
    return Object.assign(new Contact(), {
      name: c.name ?? c.email ?? c.phone, roleDe: null, roleFr: null, roleEn: null, email: c.email, phone: c.phone,
    });
  }

  @FieldResolver(() => [Language], { description: 'Languages it is held in.' })
  languages(@Root() e: Event): Language[] {
    return e.languages as Language[];
  }
}
