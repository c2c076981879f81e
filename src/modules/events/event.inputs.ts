import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { Language } from '../../shared/i18n';
import { EventCategory, EventOrder, EventStatus } from './event.enums';

/** Which events a list holds. All given conditions must hold. */
@InputType('EventFilter', { description: 'Which events a list holds; every given condition must hold.' })
export class EventFilter {
  @Field(() => String, { nullable: true, description: 'NUTS code; matches it and every region below it ("DE1" = all of Baden-Württemberg).' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the event\'s region: DE, CH, FR.' })
  country?: string | null;

  @Field(() => [EventCategory], { nullable: true, description: 'Any of these categories.' })
  categories?: EventCategory[] | null;

  @Field(() => String, { nullable: true, description: 'Campaign slug, e.g. "clusterwoche-2017".' })
  campaign?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of an organiser (Ministry, Initiative or Network) among the event\'s organisers.' })
  organizer?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events starting at or after this instant.' })
  startsFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events starting before this instant.' })
  startsBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title and description, any language.' })
  text?: string | null;

  @Field(() => Language, { nullable: true, description: 'Events held in this language.' })
  language?: Language | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events changed at or after this instant (for partners\' incremental pulls).' })
  updatedSince?: Date | null;

  @Field(() => [EventStatus], { nullable: true, description: 'Default [PUBLISHED]; other statuses only for roles allowed to see them.' })
  statuses?: EventStatus[] | null;
}

/** The arguments of every event list (top level, an organiser's, a campaign's). */
@ArgsType()
export class EventListArgs {
  @Field(() => EventFilter, { nullable: true, description: 'Which events.' })
  filter?: EventFilter | null;

  @Field(() => EventOrder, { nullable: true, defaultValue: EventOrder.START_ASC, description: 'Order of the list.' })
  orderBy?: EventOrder | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (a previous page\'s endCursor).' })
  after?: string | null;
}

/** An event list's arguments with the defaults applied (null means "the default"). */
export interface EventList {
  filter: EventFilter | null;
  order: EventOrder;
  first: number;
  after: string | null;
}

export function toEventList(args: EventListArgs): EventList {
  return {
    filter: args.filter ?? null,
    order: args.orderBy ?? EventOrder.START_ASC,
    first: args.first ?? 20,
    after: args.after ?? null,
  };
}
